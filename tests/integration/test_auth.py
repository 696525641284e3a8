"""Officers: creation, login with lockout, password changes and resets."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlmodel import col, select

from data.models import Officer
from desk.errors import AuthError, ConfigError, InvalidInput, NotFound
from desk.services import auth
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from tests.conftest import FakeClock
from tests.helpers import at

PASSWORD = "mat-khau-thu-nghiem"
NEW_PASSWORD = "mat-khau-moi-2026"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id still, with small costs: the behaviour is the same, the suite stays fast."""
    monkeypatch.setattr(
        auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def stored(services: DeskServices, username: str) -> Officer:
    with services.context.db.read() as session:
        return session.exec(select(Officer).where(col(Officer.username) == username)).one()


def officer_count(services: DeskServices) -> int:
    with services.context.db.read() as session:
        return len(session.exec(select(Officer)).all())


def make_officer(services: DeskServices, username: str = "canbo1") -> OfficerView:
    view, _ = services.auth.create_officer(
        username=username,
        full_name="CÁN BỘ THỬ NGHIỆM",
        role="reception",
        password=PASSWORD,
    )
    return view


# ------------------------------------------------------------------ create_officer


def test_create_officer_with_a_generated_temporary_password(
    services: DeskServices, clock: FakeClock
) -> None:
    view, temporary = services.auth.create_officer(
        username="  CanBo.Mot ",
        full_name=" CÁN BỘ  THỬ NGHIỆM ",
        role="leader",
        title="Phó Chủ tịch",
    )

    assert view.username == "canbo.mot"
    assert view.full_name == "CÁN BỘ THỬ NGHIỆM"
    assert view.role == "leader"
    assert view.title == "Phó Chủ tịch"
    assert view.must_change_password is True
    assert view.active is True
    assert len(temporary) >= 8
    row = stored(services, "canbo.mot")
    assert row.password_hash.startswith("$argon2id$")
    assert temporary not in row.password_hash
    assert row.created_at == clock.now
    assert row.agency_id == services.office.office().agency_id
    assert services.auth.login("canbo.mot", temporary).officer.must_change_password is True


def test_two_generated_passwords_differ(services: DeskServices) -> None:
    _, first = services.auth.create_officer(username="canbo1", full_name="A B", role="reception")
    _, second = services.auth.create_officer(username="canbo2", full_name="A B", role="reception")
    assert first != second


def test_create_officer_with_a_given_password(services: DeskServices) -> None:
    view, password = services.auth.create_officer(
        username="quantri",
        full_name="QUẢN TRỊ THỬ NGHIỆM",
        role="admin",
        password=PASSWORD,
        must_change_password=False,
    )
    assert password == PASSWORD
    assert view.must_change_password is False
    assert [o.username for o in services.auth.officers()] == ["quantri"]


def test_duplicate_username_is_refused(services: DeskServices) -> None:
    make_officer(services, "canbo1")
    with pytest.raises(InvalidInput, match="canbo1 đã có"):
        make_officer(services, " CANBO1 ")
    assert officer_count(services) == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"username": "ab"}, "3–32 ký tự"),
        ({"username": "cán_bộ"}, "3–32 ký tự"),
        ({"username": "can bo"}, "3–32 ký tự"),
        ({"username": "x" * 33}, "3–32 ký tự"),
        ({"password": "ngan"}, "ít nhất 8 ký tự"),
        ({"password": "xxCANBO1xx"}, "không được chứa tên đăng nhập"),
        ({"role": "superuser"}, "Vai trò không hợp lệ"),
        ({"full_name": "  "}, "họ tên cán bộ"),
    ],
)
def test_create_officer_rejects(
    services: DeskServices, options: dict[str, str], message: str
) -> None:
    values: dict[str, Any] = {
        "username": "canbo1",
        "full_name": "CÁN BỘ THỬ NGHIỆM",
        "role": "reception",
        "password": PASSWORD,
    } | options
    with pytest.raises(InvalidInput, match=message):
        services.auth.create_officer(**values)
    assert officer_count(services) == 0


def test_create_officer_before_the_office_exists(bare_services: DeskServices) -> None:
    with pytest.raises(ConfigError, match="desk init"):
        make_officer(bare_services)


def test_generated_password_never_contains_the_username(
    services: DeskServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A random temporary password that happens to contain the username must be redrawn."""
    drawn = iter(["xxabcxxxxxxx", "yyyyyyyyyyyy"])
    monkeypatch.setattr(secrets, "token_urlsafe", lambda _n: next(drawn))

    _, temporary = services.auth.create_officer(username="abc", full_name="A B", role="reception")

    assert temporary == "yyyyyyyyyyyy"


# ------------------------------------------------------------------ login and lockout


def test_login_ok_records_the_time_and_idle_lock(services: DeskServices, clock: FakeClock) -> None:
    make_officer(services)
    result = services.auth.login("  CanBo1 ", PASSWORD)
    assert result.officer.username == "canbo1"
    assert result.idle_lock_seconds == 600
    assert stored(services, "canbo1").last_login_at == clock.now


def test_wrong_password_counts_down(services: DeskServices) -> None:
    make_officer(services)
    messages = []
    for _ in range(4):
        with pytest.raises(AuthError) as raised:
            services.auth.login("canbo1", "sai-mat-khau")
        messages.append(str(raised.value))
    assert [m.split("Còn ")[1].split(" ")[0] for m in messages] == ["4", "3", "2", "1"]
    assert all("15 phút" in m for m in messages)
    assert stored(services, "canbo1").failed_attempts == 4

    services.auth.login("canbo1", PASSWORD)  # a success resets the count
    assert stored(services, "canbo1").failed_attempts == 0
    with pytest.raises(AuthError, match="Còn 4 lần"):
        services.auth.login("canbo1", "sai-mat-khau")


def test_five_failures_lock_for_fifteen_minutes(services: DeskServices, clock: FakeClock) -> None:
    make_officer(services)
    for _ in range(5):
        with pytest.raises(AuthError):
            services.auth.login("canbo1", "sai-mat-khau")
    row = stored(services, "canbo1")
    assert row.locked_until == at("2026-11-25T09:15")
    assert row.failed_attempts == 0

    with pytest.raises(AuthError, match="đang bị khóa") as raised:
        services.auth.login("canbo1", PASSWORD)  # even the right password
    assert "15 phút" in str(raised.value)

    clock.advance(minutes=10)
    with pytest.raises(AuthError, match="5 phút"):
        services.auth.login("canbo1", PASSWORD)
    assert stored(services, "canbo1").last_login_at is None

    clock.advance(minutes=6)  # 16 minutes after the lock
    result = services.auth.login("canbo1", PASSWORD)
    assert result.officer.locked_until is None
    row = stored(services, "canbo1")
    assert row.locked_until is None
    assert row.last_login_at == at("2026-11-25T09:16")


def test_lockout_follows_the_office_rules(services: DeskServices, clock: FakeClock) -> None:
    services.office.update_rules(lockout_attempts=2, lockout_minutes=30)
    make_officer(services)
    with pytest.raises(AuthError, match="Còn 1 lần"):
        services.auth.login("canbo1", "sai-mat-khau")
    with pytest.raises(AuthError):
        services.auth.login("canbo1", "sai-mat-khau")
    assert stored(services, "canbo1").locked_until == at("2026-11-25T09:30")


def test_unknown_user_gets_the_same_message_as_a_wrong_password(services: DeskServices) -> None:
    make_officer(services)
    with pytest.raises(AuthError) as wrong:
        services.auth.login("canbo1", "sai-mat-khau")
    with pytest.raises(AuthError) as unknown:
        services.auth.login("khongco", "sai-mat-khau")
    assert str(unknown.value) == str(wrong.value)
    assert unknown.value.title == wrong.value.title
    assert officer_count(services) == 1


def test_inactive_officer_cannot_log_in(services: DeskServices) -> None:
    make_officer(services)
    with services.context.db.write() as session:
        row = session.exec(select(Officer)).one()
        row.active = False
        session.add(row)
    with pytest.raises(AuthError, match="không đúng"):
        services.auth.login("canbo1", PASSWORD)


# ------------------------------------------------------------------ passwords


def test_change_password(services: DeskServices) -> None:
    view, temporary = services.auth.create_officer(
        username="canbo1", full_name="CÁN BỘ THỬ NGHIỆM", role="reception"
    )

    changed = services.auth.change_password(view.id, temporary, NEW_PASSWORD)

    assert changed.must_change_password is False
    assert stored(services, "canbo1").must_change_password is False
    assert services.auth.login("canbo1", NEW_PASSWORD).officer.must_change_password is False
    with pytest.raises(AuthError):
        services.auth.login("canbo1", temporary)


@pytest.mark.parametrize(
    ("old", "new", "error", "message"),
    [
        ("sai-mat-khau", NEW_PASSWORD, AuthError, "hiện tại không đúng"),
        (PASSWORD, PASSWORD, InvalidInput, "phải khác mật khẩu cũ"),
        (PASSWORD, "ngan", InvalidInput, "ít nhất 8"),
        (PASSWORD, "moi-CanBo1-2026", InvalidInput, "tên đăng nhập"),
    ],
)
def test_change_password_rejects(
    services: DeskServices, old: str, new: str, error: type[Exception], message: str
) -> None:
    view = make_officer(services)
    hash_before = stored(services, "canbo1").password_hash
    with pytest.raises(error, match=message):
        services.auth.change_password(view.id, old, new)
    row = stored(services, "canbo1")
    assert row.password_hash == hash_before
    assert row.must_change_password is True


def test_change_password_of_an_unknown_officer(services: DeskServices) -> None:
    with pytest.raises(NotFound):
        services.auth.change_password(999, PASSWORD, NEW_PASSWORD)


def test_reset_password_unlocks_and_forces_a_change(services: DeskServices) -> None:
    view = make_officer(services)
    services.auth.change_password(view.id, PASSWORD, NEW_PASSWORD)
    for _ in range(5):
        with pytest.raises(AuthError):
            services.auth.login("canbo1", "sai-mat-khau")
    assert stored(services, "canbo1").locked_until is not None

    temporary = services.auth.reset_password(" CANBO1 ")

    row = stored(services, "canbo1")
    assert row.must_change_password is True
    assert row.locked_until is None
    assert row.failed_attempts == 0
    assert temporary not in (PASSWORD, NEW_PASSWORD)
    assert services.auth.login("canbo1", temporary).officer.must_change_password is True
    with pytest.raises(AuthError):
        services.auth.login("canbo1", NEW_PASSWORD)


def test_reset_password_of_an_unknown_officer(services: DeskServices) -> None:
    with pytest.raises(NotFound):
        services.auth.reset_password("khongco")
