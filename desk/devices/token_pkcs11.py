"""PKCS#11 (python-pkcs11): find the token's driver, list tokens and certificates, log in once.

Tokens are always named by their LABEL: slot numbers change from one plug-in to the next
(SoftHSM even renumbers on every initialisation). The PIN goes to exactly one C_Login per
call of ``login``; it is never retried, stored, logged or put into an error message. The
token's PIN flags are read fresh (C_GetTokenInfo) before that login and again after a
failure, because that is the only way PKCS#11 says "last try" or "locked".
"""

from __future__ import annotations

import ctypes
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.devices.token_certs import CertificateInfo, certificate_info
from desk.devices.token_errors import PinError, TokenError

if TYPE_CHECKING:
    from pkcs11 import Session, Token

log = logging.getLogger(__name__)

# DOMAIN.md §7.3: the DLLs Vietnamese CAs install in System32 (or SysWOW64), then generic ones.
WINDOWS_MODULES = (
    "vnpt-ca_csp11.dll", "vnpt-ca_v34.dll", "vnpt-ca_cl_v1.dll",
    *(f"vnptca_p11_v{n}{s}.dll" for n in range(6, 11) for s in ("", "_s")),
    "viettel-ca.dll", *(f"viettel-ca_v{n}.dll" for n in range(1, 7)),
    "viettel-ca_s.dll", "viettel-ca_v2_csp.dll",
    "BkavCA.dll", "BkavCAv2S.dll", "bkavcaetoken.dll", "bkavcsp.dll", "BkavCAv25.dll",
    "BkavCAv2T.dll", "BkavCA_P11.dll",
    "fpt-ca.dll", "fpt-ca-stx.dll", *(f"fptca_v{n}.dll" for n in range(3, 7)),
    "CA2_csp11.dll", "CA2_v34.dll", *(f"nca_v{n}.dll" for n in range(4, 10)),
    "nca_eps2k2a.dll", "nca_eps2k3a.dll", "ShuttleCsp11_3003.dll",
    "safe-ca.dll", "safe-ca_v2.dll", "Vina-CA.dll", *(f"Vina-CAv{n}.dll" for n in range(3, 8)),
    "NEWTEL-CA.dll",
    "eps2003csp11.dll", "eps2003csp11v2.dll", "eTPKCS11.dll", "ngp11v211.dll", "st3csp11.dll",
    "gclib.dll", "psapkcs.dll", "ostc1_csp11.dll", "vdctdcsp11.dll", "U1000AUTO.dll",
    "eToken.dll", "wdpkcs.dll",
)  # fmt: skip
WINDOWS_DIRS = ("C:/Windows/System32", "C:/Windows/SysWOW64")
# Linux: SafeNet, Feitian, then OpenSC (which drives ePass2003); no CA-specific .so is known.
LINUX_MODULES = (
    "/usr/lib/libeTPkcs11.so",
    "/usr/lib/x86_64-linux-gnu/libeTPkcs11.so",
    "/usr/lib/libeps2003csp11.so",
    "/usr/local/lib/libeps2003csp11.so",
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so",
)
MACOS_MODULES = (
    "/usr/local/lib/libeTPkcs11.dylib",
    "/usr/local/lib/libeps2003csp11.dylib",
    "/Library/OpenSC/lib/opensc-pkcs11.so",
)


def known_module_paths(platform: str = sys.platform) -> list[Path]:
    """Where this platform's token drivers usually are (existing or not), in probe order."""
    if platform.startswith("win"):
        return [Path(folder) / name for folder in WINDOWS_DIRS for name in WINDOWS_MODULES]
    if platform == "darwin":
        return [Path(p) for p in MACOS_MODULES]
    return [Path(p) for p in LINUX_MODULES]


def exports_function_list(path: Path) -> bool:
    """Whether ``path`` is a loadable library exporting C_GetFunctionList (any PKCS#11 module)."""
    try:
        library = ctypes.CDLL(str(path))
    except OSError:
        return False
    return hasattr(library, "C_GetFunctionList")


def find_module(configured: str | None, platform: str = sys.platform) -> Path:
    """The configured module when set (it must be a PKCS#11 library), else the first known one."""
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise TokenError(
                "Không tìm thấy trình điều khiển token (thư viện PKCS#11) {path}. Kiểm tra lại "
                "đường dẫn trong cài đặt, hoặc cài phần mềm token của nhà cung cấp chữ ký số.",
                path=str(path),
            )
        if not exports_function_list(path):
            raise TokenError(
                "Tệp {path} không phải trình điều khiển token (thư viện PKCS#11): không có hàm "
                "C_GetFunctionList. Chọn đúng tệp .dll/.so do nhà cung cấp chữ ký số cài.",
                path=str(path),
            )
        return path
    for candidate in known_module_paths(platform):
        if candidate.is_file() and exports_function_list(candidate):
            return candidate
    raise TokenError(
        "Chưa có trình điều khiển token ký số (thư viện PKCS#11). Cài phần mềm token của nhà "
        "cung cấp chữ ký số, hoặc chỉ đường dẫn tới tệp .dll/.so trong cài đặt ký số."
    )


# ------------------------------------------------------------------------------ PIN flags

_COUNT_LOW = 0x00010000
_FINAL_TRY = 0x00020000
_LOCKED = 0x00040000
_TO_BE_CHANGED = 0x00080000
_PROTECTED_PATH = 0x00000100


@dataclass(frozen=True)
class PinStatus:
    count_low: bool
    final_try: bool
    locked: bool
    to_be_changed: bool

    def warning(self) -> str | None:
        """What the officer must know before typing the PIN (Vietnamese), if anything."""
        from desk.i18n import translate

        if self.locked:
            return translate("Token đã bị khóa mã PIN: không nhập mã PIN nữa.")
        if self.final_try:
            return translate(
                "Cảnh báo: token báo chỉ còn 1 lần nhập mã PIN. Nhập sai lần này token sẽ bị khóa."
            )
        if self.count_low:
            return translate(
                "Cảnh báo: token ghi nhận đã có lần nhập sai mã PIN kể từ lần đăng nhập đúng gần "
                "nhất. Kiểm tra kỹ trước khi nhập."
            )
        return None

    @classmethod
    def from_flags(cls, flags: int) -> PinStatus:
        return cls(
            count_low=bool(flags & _COUNT_LOW),
            final_try=bool(flags & _FINAL_TRY),
            locked=bool(flags & _LOCKED),
            to_be_changed=bool(flags & _TO_BE_CHANGED),
        )


@dataclass(frozen=True)
class TokenInfo:
    label: str
    manufacturer: str
    model: str
    serial: str
    pin: PinStatus
    protected_path: bool
    """The PIN is typed on the token's own keypad, not in the desk."""


def locked_error(issuer: str | None) -> PinError:
    if issuer:
        return PinError(
            "Token đã bị khóa mã PIN do nhập sai quá số lần cho phép. Chỉ nơi cấp chứng thư số "
            "({issuer}) mới mở khóa được: mang token đến hoặc gọi bộ phận hỗ trợ của họ. "
            "Không thử nhập lại mã PIN.",
            issuer=issuer,
        )
    return PinError(
        "Token đã bị khóa mã PIN do nhập sai quá số lần cho phép. Chỉ tổ chức cung cấp chữ ký "
        "số (CA) đã cấp token mới mở khóa được: liên hệ bộ phận hỗ trợ của họ. Không thử nhập "
        "lại mã PIN."
    )


# ------------------------------------------------------------------------------ the module


class Pkcs11Module:
    """One PKCS#11 library, loaded once per process (python-pkcs11 caches it by path)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _lib(self) -> Any:
        try:
            import pkcs11
        except ImportError:
            raise TokenError(
                "Máy này chưa cài phần ký số của phần mềm (gói token). Cài lại với "
                "`pip install motcua-desk[token]`."
            ) from None
        try:
            return pkcs11.lib(str(self.path))
        except pkcs11.PKCS11Error as error:
            raise TokenError(
                "Không nạp được trình điều khiển token {path} ({kind}). Cài lại phần mềm token "
                "của nhà cung cấp chữ ký số.",
                path=str(self.path),
                kind=type(error).__name__,
            ) from None

    def _tokens(self) -> list[Token]:
        import pkcs11

        try:
            return [t for t in self._lib().get_tokens() if t.label.strip()]
        except pkcs11.PKCS11Error as error:
            raise TokenError(
                "Trình điều khiển token báo lỗi khi liệt kê token ({kind}). Rút token ra, cắm "
                "lại rồi thử lại.",
                kind=type(error).__name__,
            ) from None

    def tokens(self) -> list[TokenInfo]:
        """Tokens present now, with fresh PIN flags; label-less (uninitialised) slots skipped."""
        return [
            TokenInfo(
                label=t.label.strip(),
                manufacturer=str(t.manufacturer_id).strip(),
                model=str(t.model).strip(),
                serial=t.serial.decode("ascii", "replace").strip()
                if isinstance(t.serial, bytes)
                else str(t.serial).strip(),
                pin=PinStatus.from_flags(int(t.flags)),
                protected_path=bool(int(t.flags) & _PROTECTED_PATH),
            )
            for t in self._tokens()
        ]

    def token(self, label: str) -> Token:
        matches = [t for t in self._tokens() if t.label.strip() == label.strip()]
        if not matches:
            present = ", ".join(sorted(t.label.strip() for t in self._tokens())) or "—"
            raise TokenError(
                "Không thấy token có nhãn {label} (token đang cắm: {present}). Cắm đúng token "
                "rồi thử lại.",
                label=label,
                present=present,
            )
        if len(matches) > 1:
            raise TokenError(
                "Có {n} token cùng nhãn {label}: chỉ cắm một token khi ký.",
                n=len(matches),
                label=label,
            )
        return matches[0]

    def token_info(self, label: str) -> TokenInfo:
        return next(t for t in self.tokens() if t.label == label.strip())

    def certificates(self, label: str) -> list[CertificateInfo]:
        """The token's certificates (public objects: read without a PIN)."""
        import pkcs11
        from pkcs11 import Attribute, ObjectClass

        token = self.token(label)
        try:
            with token.open() as session:
                key_ids = {
                    bytes(key[Attribute.ID])
                    for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
                }
                return [
                    certificate_info(
                        bytes(obj[Attribute.VALUE]),
                        token_label=token.label.strip(),
                        object_label=str(obj[Attribute.LABEL]),
                        object_id=bytes(obj[Attribute.ID]),
                        # Private keys are usually hidden before login: unknown is not "none".
                        has_key=bytes(obj[Attribute.ID]) in key_ids if key_ids else None,
                    )
                    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
                ]
        except pkcs11.PKCS11Error as error:
            raise TokenError(
                "Không đọc được chứng thư số trên token {label} ({kind}). Rút token ra, cắm lại "
                "rồi thử lại.",
                label=label,
                kind=type(error).__name__,
            ) from None

    def login(self, label: str, pin: str, *, issuer: str | None = None) -> Session:
        """Open a session and log in with ``pin``: exactly one C_Login, never a retry."""
        import pkcs11

        token = self.token(label)
        status = PinStatus.from_flags(int(token.flags))
        if status.locked:
            raise locked_error(issuer)
        if not pin:
            raise PinError("Chưa nhập mã PIN của token.")
        try:
            return token.open(user_pin=pin)
        except pkcs11.PinIncorrect:
            raise self._wrong_pin(label, issuer) from None
        except pkcs11.PinLocked:
            raise locked_error(issuer) from None
        except (pkcs11.PinLenRange, pkcs11.PinInvalid):
            raise PinError(
                "Mã PIN không đúng độ dài hoặc có ký tự không hợp lệ (token chưa tính là một lần "
                "nhập sai). Kiểm tra lại rồi nhập lại."
            ) from None
        except pkcs11.PinExpired:
            raise PinError(
                "Mã PIN của token đã hết hạn. Đổi mã PIN bằng phần mềm quản lý token của nhà "
                "cung cấp chữ ký số rồi ký lại."
            ) from None
        except (pkcs11.TokenNotPresent, pkcs11.DeviceRemoved):
            raise TokenError(
                "Token đã bị rút ra khi đang đăng nhập. Cắm lại rồi thử lại."
            ) from None
        except pkcs11.PKCS11Error as error:
            raise TokenError(
                "Token báo lỗi khi đăng nhập ({kind}). Rút token ra, cắm lại rồi thử lại.",
                kind=type(error).__name__,
            ) from None

    def _wrong_pin(self, label: str, issuer: str | None) -> PinError:
        try:
            after = self.token_info(label).pin
        except (TokenError, StopIteration):
            after = PinStatus(False, False, False, False)
        if after.locked:
            return locked_error(issuer)
        if after.final_try:
            return PinError(
                "Mã PIN không đúng. Token báo chỉ còn 1 lần thử: nếu nhập sai lần nữa token sẽ bị "
                "khóa và phải mang đến nơi cấp để mở khóa."
            )
        return PinError(
            "Mã PIN không đúng. Token không cho biết còn bao nhiêu lần thử (thường bị khóa sau "
            "3 đến 10 lần sai liên tiếp): kiểm tra kỹ rồi mới nhập lại."
        )
