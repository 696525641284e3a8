"""Officers: roles, argon2id passwords, first-login change, lockout, idle re-lock."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from data.models import Officer
from desk.domain.entry import MAX_LINE_LENGTH, MAX_NAME_LENGTH, checked_optional, checked_text
from desk.domain.text import nfc
from desk.errors import AuthError, InvalidInput, NotFound
from desk.services.context import ServiceContext
from desk.services.settings import load_office, load_rules

Role = Literal["reception", "leader", "clerk", "admin"]
ROLE_LABELS: dict[str, str] = {
    "reception": "Tiếp nhận",
    "leader": "Lãnh đạo",
    "clerk": "Văn thư",
    "admin": "Quản trị",
}
MIN_PASSWORD_LENGTH = 8
_WRONG_PASSWORD = (
    "Tên đăng nhập hoặc mật khẩu không đúng. Còn {left} lần thử trước khi tài khoản bị khóa "
    "{minutes} phút."
)
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True)
class OfficerView:
    id: int
    username: str
    full_name: str
    title: str | None
    role: Role
    must_change_password: bool
    active: bool
    locked_until: datetime | None


@dataclass(frozen=True)
class LoginResult:
    officer: OfficerView
    idle_lock_seconds: int


class AuthService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def create_officer(
        self,
        *,
        username: str,
        full_name: str,
        role: str,
        password: str | None = None,
        title: str | None = None,
        must_change_password: bool = True,
    ) -> tuple[OfficerView, str]:
        """Returns the officer and the initial password (generated when none is given)."""
        name = _username(username)
        _check_role(role)
        full_name = checked_text(full_name, "Họ tên", limit=MAX_NAME_LENGTH)
        title = checked_optional(title, "Chức danh người ký", limit=MAX_LINE_LENGTH)
        if not nfc(full_name):
            raise InvalidInput("Chưa nhập họ tên cán bộ.")
        initial = password or _temporary_password(name)
        _check_strength(initial, name)
        with self._context.db.write() as session:
            if session.exec(select(Officer).where(col(Officer.username) == name)).first():
                raise InvalidInput("Tên đăng nhập {username} đã có.", username=name)
            officer = Officer(
                agency_id=load_office(session).agency_id,
                username=name,
                full_name=nfc(full_name),
                title=nfc(title) if title else None,
                role=role,
                password_hash=_hasher.hash(initial),
                must_change_password=must_change_password,
                created_at=self._context.now(),
            )
            session.add(officer)
            session.flush()
            return _view(officer), initial

    def login(self, username: str, password: str) -> LoginResult:
        now = self._context.now()
        with self._context.db.write() as session:
            rules = load_rules(session)
            officer = session.exec(
                select(Officer).where(col(Officer.username) == username.strip().lower())
            ).first()
            if officer is None or not officer.active:
                _hasher.hash(password)  # same cost either way: no user enumeration by timing
                # ... and the same text as a first wrong password: no enumeration by message.
                raise AuthError(
                    _WRONG_PASSWORD,
                    left=max(rules.lockout_attempts - 1, 0),
                    minutes=rules.lockout_minutes,
                )
            if officer.locked_until is not None and officer.locked_until > now:
                raise AuthError(
                    "Tài khoản đang bị khóa do nhập sai mật khẩu nhiều lần. Thử lại sau {minutes} "
                    "phút hoặc nhờ quản trị viên mở khóa.",
                    minutes=max(1, math.ceil((officer.locked_until - now).total_seconds() / 60)),
                )
            if not _verify(officer.password_hash, password):
                officer.failed_attempts += 1
                left = rules.lockout_attempts - officer.failed_attempts
                if left <= 0:
                    officer.locked_until = now + timedelta(minutes=rules.lockout_minutes)
                    officer.failed_attempts = 0
                session.add(officer)
                # Raised after the block so that the failed attempt is committed.
                error = (
                    AuthError(_WRONG_PASSWORD, left=left, minutes=rules.lockout_minutes)
                    if left > 0
                    else AuthError(
                        "Đã nhập sai mật khẩu {attempts} lần: tài khoản bị khóa {minutes} phút. "
                        "Thử lại sau hoặc nhờ quản trị viên mở khóa.",
                        attempts=rules.lockout_attempts,
                        minutes=rules.lockout_minutes,
                    )
                )
            else:
                officer.failed_attempts = 0
                officer.locked_until = None
                officer.last_login_at = now
                session.add(officer)
                return LoginResult(_view(officer), rules.idle_lock_minutes * 60)
        raise error

    def change_password(self, officer_id: int, old: str, new: str) -> OfficerView:
        with self._context.db.write() as session:
            officer = session.get(Officer, officer_id)
            if officer is None:
                raise NotFound("Không tìm thấy cán bộ.")
            if not _verify(officer.password_hash, old):
                raise AuthError("Mật khẩu hiện tại không đúng.")
            if old == new:
                raise InvalidInput("Mật khẩu mới phải khác mật khẩu cũ.")
            _check_strength(new, officer.username)
            officer.password_hash = _hasher.hash(new)
            officer.must_change_password = False
            session.add(officer)
            return _view(officer)

    def reset_password(self, username: str) -> str:
        """Administrator: a new temporary password that must be changed at next login."""
        with self._context.db.write() as session:
            officer = _by_username(session, username)
            temporary = _temporary_password(officer.username)
            officer.password_hash = _hasher.hash(temporary)
            officer.must_change_password = True
            officer.failed_attempts = 0
            officer.locked_until = None
            session.add(officer)
        return temporary

    def set_role(self, username: str, role: str) -> OfficerView:
        """Administrator: give an officer another role (e.g. văn thư, who may sign results)."""
        _check_role(role)
        with self._context.db.write() as session:
            officer = _by_username(session, username)
            officer.role = role
            session.add(officer)
            session.flush()
            return _view(officer)

    def officers(self) -> list[OfficerView]:
        with self._context.db.read() as session:
            return [_view(o) for o in session.exec(select(Officer).order_by(col(Officer.id))).all()]


def _check_role(role: str) -> None:
    if role not in ROLE_LABELS:
        raise InvalidInput(
            "Vai trò không hợp lệ: {role}. Chọn: reception, leader, clerk, admin.", role=role
        )


def _by_username(session: Session, username: str) -> Officer:
    officer = session.exec(
        select(Officer).where(col(Officer.username) == username.strip().lower())
    ).first()
    if officer is None:
        raise NotFound("Không có cán bộ với tên đăng nhập {username}.", username=username)
    return officer


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _username(text: str) -> str:
    name = text.strip().lower()
    if not (3 <= len(name) <= 32) or not all(
        c.isascii() and (c.isalnum() or c in "._-") for c in name
    ):
        raise InvalidInput(
            "Tên đăng nhập cần 3–32 ký tự gồm chữ không dấu, chữ số, dấu chấm, gạch nối, gạch dưới."
        )
    return name


def _check_strength(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("Mật khẩu cần ít nhất {n} ký tự.", n=MIN_PASSWORD_LENGTH)
    if username in password.lower():
        raise InvalidInput("Mật khẩu không được chứa tên đăng nhập.")


def _temporary_password(username: str) -> str:
    # Redraw the rare random string that contains the username: _check_strength refuses it.
    while True:
        candidate = secrets.token_urlsafe(9)
        if username not in candidate.lower():
            return candidate


def _view(officer: Officer) -> OfficerView:
    assert officer.id is not None
    return OfficerView(
        id=officer.id,
        username=officer.username,
        full_name=officer.full_name,
        title=officer.title,
        role=officer.role,  # type: ignore[arg-type]
        must_change_password=officer.must_change_password,
        active=officer.active,
        locked_until=officer.locked_until,
    )
