"""English renderings of the user-facing text, keyed by the Vietnamese template (NFC).

desk.i18n.translate looks a template up in ``ENGLISH``, whole, when the language is English; a
template without an entry is shown in Vietnamese. Every ``{placeholder}`` of a key appears
in its value. tests/unit/test_i18n.py finds the templates in the code and fails, listing
them, when one has no entry here or an entry here is no longer used.

One module per area (core, devices, sync, screens) so that work on one area never edits
another's dictionary; a key defined in two modules is an error caught by the test.
"""

from __future__ import annotations

from desk.i18n_en import (
    core,
    day_queues,
    devices,
    first_day,
    scan_screens,
    screens,
    signing,
    sync,
)

AREAS: dict[str, dict[str, str]] = {
    "core": core.ENGLISH,
    "devices": devices.ENGLISH,
    "sync": sync.ENGLISH,
    "screens": screens.ENGLISH,
    "signing": signing.ENGLISH,
    "scan_screens": scan_screens.ENGLISH,
    "day_queues": day_queues.ENGLISH,
    "first_day": first_day.ENGLISH,
}

ENGLISH: dict[str, str] = {key: value for area in AREAS.values() for key, value in area.items()}
