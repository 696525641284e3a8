"""The command palette's entries (Ctrl+P): every screen and action by name, in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from desk.i18n import translate

if TYPE_CHECKING:
    from screens.app import DeskApp


def system_commands(app: DeskApp) -> Iterator[SystemCommand]:
    yield SystemCommand(
        translate("Tiếp nhận hồ sơ"), translate("Mở màn hình tiếp nhận"), app.action_intake
    )
    yield SystemCommand(
        translate("Tìm hồ sơ"), translate("Theo mã, số định danh, họ tên"), app.action_find
    )
    yield SystemCommand(
        translate("Trả kết quả"),
        translate("Trả kết quả cho công dân"),
        app.action_return_result,
    )
    yield SystemCommand(
        translate("Báo cáo"),
        translate("Biểu 06a, tỷ lệ đúng hạn, xuất tệp"),
        app.action_reports,
    )
    yield SystemCommand(
        translate("Cài đặt"),
        translate("Quản trị: máy in, máy quét, máy chủ"),
        app.action_settings,
    )
    yield SystemCommand(
        translate("Cán bộ"), translate("Quản trị: tài khoản cán bộ"), app.action_officers
    )
    yield SystemCommand(
        translate("Hồ sơ trực tuyến"),
        translate("Hồ sơ nộp trực tuyến chờ tiếp nhận, hạn xem xét"),
        app.action_online,
    )
    yield SystemCommand(
        translate("Bàn giao hồ sơ"),
        translate("Hồ sơ chờ bàn giao cho đơn vị xử lý, in Giấy bàn giao (F12)"),
        app.action_hand_over,
    )
    yield SystemCommand(
        translate("Lệnh bị từ chối"),
        translate("Lệnh đồng bộ máy chủ từ chối: xem lý do, thử lại, xuất tệp (Ctrl+Y)"),
        app.action_quarantine,
    )
    yield SystemCommand(
        translate("Phản ánh, kiến nghị"),
        translate("Sổ theo dõi phản ánh, kiến nghị và hạn trả lời"),
        app.action_feedback,
    )
    yield SystemCommand(
        translate("Chọn máy in"),
        translate("Máy in của quầy, trong các máy quản trị viên cho phép (Ctrl+G)"),
        app.action_choose_printer,
    )
    yield SystemCommand(translate("Khóa máy"), translate("Khóa màn hình quầy"), app.action_lock)
    yield SystemCommand(translate("Trợ giúp"), translate("Danh sách phím tắt"), app.action_help)
    yield SystemCommand(translate("Thoát"), translate("Đóng chương trình"), app.exit)
