"""The embedded demo office: a commune desk with the bundled catalogue and two officers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from desk.services.auth import AuthService
from desk.services.catalog import CatalogService, bundled_catalog_path
from desk.services.printing import PrintService
from desk.services.settings import OfficeService

DEMO_PRINT_FOLDER = "ban-in"
"""Next to the demo database: where its folder printer puts the PDFs."""


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str


def demo_definition() -> dict[str, Any]:
    text = resources.files("data.reference").joinpath("demo_office.json").read_text("utf-8")
    value = json.loads(text)
    assert isinstance(value, dict)
    return value


def create_demo(
    office: OfficeService, catalog: CatalogService, auth: AuthService
) -> list[DemoLogin]:
    """Set up the demo office in an empty database and return the officers' logins."""
    spec = demo_definition()
    office.init_office(
        agency_code=spec["agency_code"],
        agency_name=spec["agency_name"],
        desk_range=spec["desk_range"],
        place_name=spec["place_name"],
        unit_name=spec["unit_name"],
        parent_name=spec["parent_name"],
        phone=spec["phone"],
        desk_name=spec["desk_name"],
    )
    catalog.import_file(bundled_catalog_path())
    office.mark_demo()
    office.update_rules(report_head=spec.get("report_head", ""))  # Biểu 06a's signer
    logins: list[DemoLogin] = []
    for officer in spec["officers"]:
        # Demo passwords are printed in the README, so no first-login change is forced.
        auth.create_officer(
            username=officer["username"],
            full_name=officer["full_name"],
            role=officer["role"],
            title=officer["title"],
            password=officer["password"],
            must_change_password=False,
        )
        logins.append(DemoLogin(officer["username"], officer["password"], officer["role"]))
    return logins


def demo_printer(printing: PrintService, folder: Path) -> Path:
    """The demo office prints into a folder (no printer to set up before the first intake):
    the desk's default, and the one printer a reception officer may choose."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = f"folder:{folder.resolve()}"
    choice = printing.printer_choice()
    printing.set_printer_choice(choice.with_default(spec).with_allowed((*choice.allowed, spec)))
    return folder.resolve()


def shown_logins(office: OfficeService) -> list[DemoLogin]:
    """The demo's logins for its login screen (none for a real office)."""
    if not office.is_demo():
        return []
    return [
        DemoLogin(o["username"], o["password"], o["role"]) for o in demo_definition()["officers"]
    ]
