"""The DeskError hierarchy: every failure a user can meet, with Vietnamese text.

A DeskError carries a title and a message template plus its parameters; the text is
rendered at display time so that the language setting applies. Personal data must
never be put into the parameters of an error that may be logged: callers pass codes
and field names, not ID numbers or names.
"""

from __future__ import annotations

from desk.i18n import translate


class DeskError(Exception):
    """A failure the user can understand and act on."""

    title_template = "Lỗi"
    exit_code = 1

    def __init__(self, message: str, /, **params: object) -> None:
        self.message_template = message
        self.params = params
        super().__init__(self.message)

    @property
    def title(self) -> str:
        return translate(self.title_template)

    @property
    def message(self) -> str:
        return translate(self.message_template, self.params)

    def __str__(self) -> str:
        return self.message


class InvalidInput(DeskError):
    """Something the user typed, scanned or supplied in a file is not acceptable."""

    title_template = "Dữ liệu không hợp lệ"
    exit_code = 2


class NotFound(DeskError):
    title_template = "Không tìm thấy"
    exit_code = 3


class IllegalTransition(DeskError):
    """The lifecycle refuses this action for the dossier's current status."""

    title_template = "Không thực hiện được thao tác"
    exit_code = 4


class RangeExhausted(DeskError):
    title_template = "Hết dải số hồ sơ"
    exit_code = 5


class AuthError(DeskError):
    title_template = "Không đăng nhập được"
    exit_code = 6


class ConfigError(DeskError):
    """The office is not set up, or its settings are inconsistent."""

    title_template = "Chưa cấu hình"
    exit_code = 7


class IntegrityFailure(DeskError):
    """The database or an audit chain does not verify."""

    title_template = "Dữ liệu không toàn vẹn"
    exit_code = 8


class PrinterError(DeskError):
    """A printer is missing, stopped or failed; the message says what the officer can do."""

    title_template = "Lỗi máy in"
    exit_code = 9


class StorageError(DeskError):
    """The disk refuses the desk's data file: full, read-only, or it cannot be opened."""

    title_template = "Lỗi lưu trữ dữ liệu"
    exit_code = 14
