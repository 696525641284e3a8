"""The English option: every Vietnamese template has an English rendering in desk/i18n_en/.

User-facing text is written in Vietnamese in the code and looked up, whole, in ``ENGLISH``.
The scan below parses the source with ``ast`` (it does not run it) and collects the
templates; the label mappings whose values go through ``translate`` are imported instead.

What the scan recognises as a template (keep this list in step with the code):

- the first positional argument of a call to ``DeskError`` or any subclass of it (found by
  following class definitions, so a new subclass is picked up without touching this file);
- the first positional argument of ``translate(...)`` (not of ``str.translate``);
- ``title_template = "..."`` inside a class body;
- the arguments of the few helpers that carry a template to one of the above (FORWARDERS).

An argument counts when it is a string literal (adjacent literals are one literal to ``ast``),
the name of a module-level string constant of the same file, a ``+`` of such parts, or a
conditional expression whose branches are such. Resolving ``+`` and module constants is what
makes ``"Không nhận ra mã QR căn cước: ... " + _MANUAL`` in desk/domain/citizen_id.py come
out as the whole message that ``translate`` looks up, with no list of composed keys to keep
in step by hand. f-strings and anything computed at run time are skipped.
"""

from __future__ import annotations

import ast
import string
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from desk.cli import _CLICK_PHRASES, click_vi
from desk.domain import catalog, codes, lifecycle, validation
from desk.errors import InvalidInput
from desk.i18n import PARAMETER_LABELS, current_language, set_language
from desk.i18n_en import AREAS, ENGLISH
from desk.services import feedback, settings
from desk.services.auth import ROLE_LABELS
from desk.services.returns import RATING_LABELS
from screens import dossier as dossier_screen

ROOT = Path(__file__).resolve().parents[2]
SCANNED_PACKAGES = ("desk", "screens", "printing", "sync", "data")

# Helpers that take a template and hand it to a DeskError or translate() later:
# name -> (positional argument indexes, keyword argument names) that hold templates.
FORWARDERS: Mapping[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "_Problem": ((0,), ("template",)),  # desk/domain/citizen_id.py
    "_parse_date": ((), ("bad_shape", "impossible")),  # desk/domain/citizen_id.py
}

# Mappings whose values are rendered through translate() (or raised as a DeskError message).
LABEL_MAPPINGS: Mapping[str, Iterable[str]] = {
    "desk.domain.lifecycle.STATUS_LABELS": lifecycle.STATUS_LABELS.values(),
    "desk.domain.lifecycle.ACTION_LABELS": lifecycle.ACTION_LABELS.values(),
    "desk.domain.lifecycle._SPECIFIC_REASONS": lifecycle._SPECIFIC_REASONS.values(),
    "desk.services.auth.ROLE_LABELS": ROLE_LABELS.values(),
    "desk.services.returns.RATING_LABELS": RATING_LABELS.values(),
    "desk.services.feedback.STATE_LABELS": feedback.STATE_LABELS.values(),
    "screens.dossier.EVENT_LABELS": dossier_screen.EVENT_LABELS.values(),
    "desk.services.feedback.CHANNEL_LABELS": feedback.CHANNEL_LABELS.values(),
    "desk.cli._CLICK_PHRASES": [vietnamese for _, vietnamese in _CLICK_PHRASES],
    "desk.i18n.PARAMETER_LABELS": PARAMETER_LABELS,
    "desk.cli.click_vi (Typer's words)": [
        *click_vi._PANEL_WORDS.values(),
        click_vi.USAGE,
        click_vi.HELP_TEXT,
        click_vi.DID_YOU_MEAN,
        *click_vi.TYPE_LABELS.values(),
        *click_vi.PARAMETER_NAMES.values(),
    ],
    "desk.domain.validation._BY_TYPE": validation._BY_TYPE.values(),
    "desk.domain.validation._OS_REASONS": validation._OS_REASONS.values(),
    "desk.domain.catalog validator messages": [
        catalog.SAME_DAY_HAS_NO_DURATION,
        catalog.DURATION_POSITIVE,
        catalog.CUTOFF_SAME_DAY_ONLY,
        catalog.CASE_KEYS_UNIQUE,
    ],
    "desk.services.settings.SESSIONS_INVALID": [settings.SESSIONS_INVALID],
    # Reach InvalidInput only through a tuple in desk.domain.codes._diagnose.
    "desk.domain.codes._DAY_EXPECTED": [codes._DAY_EXPECTED],
    "desk.domain.codes._SEQ_EXPECTED": [codes._SEQ_EXPECTED],
}

# Templates whose outer whitespace is meaningful; none today (prompts add their own space).
OUTER_WHITESPACE_ALLOWED: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Template:
    text: str
    where: str  # "path:line", or the mapping's dotted name


# ------------------------------------------------------------------------------- the scan


def _python_files() -> list[Path]:
    return sorted(path for package in SCANNED_PACKAGES for path in (ROOT / package).rglob("*.py"))


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _base_name(base: ast.expr) -> str | None:
    if isinstance(base, ast.Name):
        return base.id
    if isinstance(base, ast.Attribute):
        return base.attr
    return None


def _desk_error_classes(trees: Iterable[ast.Module]) -> frozenset[str]:
    """DeskError and every class anywhere in the scanned code that derives from it."""
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    found = {"DeskError"}
    grew = True
    while grew:
        grew = False
        for node in classes:
            if node.name not in found and any(_base_name(b) in found for b in node.bases):
                found.add(node.name)
                grew = True
    return frozenset(found)


def _resolve(node: ast.expr, constants: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The string values ``node`` can have, when it is built from literals and constants."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.Name):
        return constants.get(node.id, ())
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        lefts, rights = _resolve(node.left, constants), _resolve(node.right, constants)
        return tuple(left + right for left in lefts for right in rights)
    if isinstance(node, ast.IfExp):
        return _resolve(node.body, constants) + _resolve(node.orelse, constants)
    return ()


def _module_constants(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    """Module-level ``NAME = <string expression>``, in order, so later ones may use earlier."""
    constants: dict[str, tuple[str, ...]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name):
            resolved = _resolve(value, constants)
            if resolved:
                constants[target.id] = resolved
    return constants


def _is_translate(call: ast.Call) -> bool:
    """``translate(...)`` or ``i18n.translate(...)``, never ``str.translate`` (tracking.py)."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "translate"
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and isinstance(func.value, ast.Name)
        and func.value.id == "i18n"
    )


def _template_arguments(call: ast.Call, error_classes: frozenset[str]) -> Iterator[ast.expr]:
    name = _callee(call)
    if name is None:
        return
    positions: tuple[int, ...] = ()
    keywords: tuple[str, ...] = ()
    if name in error_classes or _is_translate(call):
        positions = (0,)
    elif name in FORWARDERS:
        positions, keywords = FORWARDERS[name]
    for index in positions:
        if index < len(call.args) and not isinstance(call.args[index], ast.Starred):
            yield call.args[index]
    for keyword in call.keywords:
        if keyword.arg in keywords:
            yield keyword.value


def _title_templates(tree: ast.Module) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                names = [t.id for t in statement.targets if isinstance(t, ast.Name)]
            elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                names = [statement.target.id] if isinstance(statement.target, ast.Name) else []
            else:
                continue
            if "title_template" in names and statement.value is not None:
                yield statement.value


def scanned_templates() -> list[Template]:
    parsed = [(path, _parse(path)) for path in _python_files()]
    error_classes = _desk_error_classes(tree for _, tree in parsed)
    found: list[Template] = []
    for path, tree in parsed:
        constants = _module_constants(tree)
        relative = path.relative_to(ROOT).as_posix()
        nodes = [
            argument
            for call in ast.walk(tree)
            if isinstance(call, ast.Call)
            for argument in _template_arguments(call, error_classes)
        ]
        nodes.extend(_title_templates(tree))
        for node in nodes:
            for text in _resolve(node, constants):
                found.append(Template(text, f"{relative}:{node.lineno}"))
    return found


def mapped_templates() -> list[Template]:
    return [Template(text, where) for where, texts in LABEL_MAPPINGS.items() for text in texts]


def all_templates() -> list[Template]:
    return scanned_templates() + mapped_templates()


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _listing(templates: Iterable[Template]) -> str:
    return "\n".join(f"  {t.where}: {t.text!r}" for t in templates)


# ------------------------------------------------------------------------------- the tests


def test_scan_finds_every_kind_of_template() -> None:
    """Guards the scanner itself: an empty scan would make every other test pass."""
    texts = {t.text for t in all_templates()}
    assert len(texts) > 100
    assert "Dữ liệu không hợp lệ" in texts  # title_template
    assert "Chưa nhập mã hồ sơ." in texts  # InvalidInput literal
    assert "Quá hạn: {n}" in texts  # translate() literal
    assert "Mã QR căn cước thiếu họ và tên. Hãy quét lại hoặc nhập tay thông tin trên thẻ." in (
        texts
    )  # literal + module constant
    assert codes._AGENCY_EXPECTED in texts  # module constant passed by name
    assert "Số định danh chỉ được gồm chữ số." in texts  # forwarder (_Problem)
    assert "Ngày cấp không phải ngày có thật trên lịch." in texts  # forwarder keyword


def test_every_template_has_an_english_rendering() -> None:
    missing: dict[str, Template] = {}
    for template in all_templates():
        if template.text not in ENGLISH:
            missing.setdefault(template.text, template)
    assert not missing, (
        f"{len(missing)} Vietnamese template(s) have no entry in desk/i18n_en/ ENGLISH; "
        "add them under the comment of their module:\n" + _listing(missing.values())
    )


def test_english_keeps_the_placeholders() -> None:
    wrong = [
        f"  {key!r}: {sorted(_placeholders(key))} -> {value!r}: {sorted(_placeholders(value))}"
        for key, value in ENGLISH.items()
        if _placeholders(key) != _placeholders(value)
    ]
    assert not wrong, "English renderings with different {placeholders}:\n" + "\n".join(wrong)


def test_english_keeps_outer_whitespace_and_is_not_empty() -> None:
    def outer(text: str) -> tuple[str, str]:
        return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]

    wrong = [
        f"  {key!r} -> {value!r}"
        for key, value in ENGLISH.items()
        if not value.strip() or outer(key) != outer(value)
    ]
    assert not wrong, "Empty English text, or leading/trailing spaces differ:\n" + "\n".join(wrong)


def test_templates_are_nfc_without_outer_whitespace() -> None:
    templates = [*all_templates(), *(Template(key, "desk/i18n_en/") for key in ENGLISH)]
    not_nfc = [t for t in templates if not unicodedata.is_normalized("NFC", t.text)]
    padded = [
        t for t in templates if t.text != t.text.strip() and t.text not in OUTER_WHITESPACE_ALLOWED
    ]
    assert not not_nfc, "Templates not in NFC (normalise the source text):\n" + _listing(not_nfc)
    assert not padded, "Templates with leading/trailing whitespace:\n" + _listing(padded)
    texts = {t.text for t in templates}
    unused = sorted(OUTER_WHITESPACE_ALLOWED - texts)
    assert not unused, f"Remove from OUTER_WHITESPACE_ALLOWED (no longer used): {unused}"


def test_set_language_switches_rendered_errors() -> None:
    error = InvalidInput("Mật khẩu cần ít nhất {n} ký tự.", n=8)
    before = current_language()
    try:
        set_language("en")
        assert error.title == "Invalid input"
        assert error.message == "The password must have at least 8 characters."
        assert str(error) == error.message
        set_language("vi")
        assert error.title == "Dữ liệu không hợp lệ"
        assert error.message == "Mật khẩu cần ít nhất 8 ký tự."
    finally:
        set_language(before)


def test_no_stale_english_entries() -> None:
    used = {t.text for t in all_templates()}
    stale = sorted(key for key in ENGLISH if key not in used)
    assert not stale, (
        f"{len(stale)} ENGLISH key(s) in desk/i18n_en/ match no template in the code any more "
        "(reworded or removed); update or delete them:\n" + "\n".join(f"  {key!r}" for key in stale)
    )


def test_label_parameters_are_translated_with_the_message() -> None:
    from desk.domain.person import Person

    previous = current_language()
    try:
        set_language("en")
        try:
            Person(full_name=" ").validated("chủ hồ sơ")
        except InvalidInput as error:
            message = error.message
        else:  # pragma: no cover - the name is blank, so validation must fail
            raise AssertionError("blank name accepted")
    finally:
        set_language(previous)
    assert "dossier owner" in message
    assert "chủ hồ sơ" not in message


def test_no_template_is_translated_in_two_areas() -> None:
    seen: dict[str, str] = {}
    twice = []
    for area, entries in AREAS.items():
        for key in entries:
            if key in seen:
                twice.append(f"{seen[key]} and {area}: {key!r}")
            seen[key] = area
    assert not twice, "keys defined in two desk/i18n_en modules:\n" + "\n".join(twice)
