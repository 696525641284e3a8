"""The token pulled out in the middle of "Ký số kết quả", in a child process.

SoftHSM2 cannot be unplugged, and a PKCS#11 module is loaded once per process: once a token's
folder disappears under it, every later call of that process fails. So the test runs this
script in its own process on its own copy of the token, moves the token's folder away after
the dialog has shown the token (the officer pulls it out) and before the PIN is sent, and
prints what the officer saw and what the desk kept, as JSON.

    python -m tests.devices.token.removal_pilot TOKEN_FOLDER SPY_MODULE RESULT_PDF WORK_DIR
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from data.models import Blob
from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock
from tests.devices.token.test_sign_tui import open_dialog, ready_dossier, signing_officer
from tests.helpers import count
from tests.tui.conftest import settle


def main(token_folder: Path, spy: Path, pdf: Path, work: Path) -> dict[str, object]:
    services = DeskServices.open(work / "desk.db", clock=FakeClock())
    services.office.init_office(
        agency_code=AGENCY_CODE,
        agency_name="Ủy ban nhân dân xã Thử Nghiệm",
        desk_range="0001-4999",
        tracking_base_url="https://tracuu.motcua.invalid",
    )
    services.catalog.import_file(SMALL_CATALOG)
    services.signing.update_settings(module_path=str(spy))
    code = ready_dossier(services)
    leader = signing_officer(services, "leader")
    seen: dict[str, object] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        dialog = await open_dialog(app, pilot, code, pdf)
        seen["token"] = str(dialog.query_one("#sign-token", Static).render())
        seen["pin_open"] = not dialog.query_one("#sign-pin", Input).disabled
        for folder in (token_folder / "tokens").iterdir():  # the officer pulls the token out
            folder.rename(work / folder.name)
        dialog.query_one("#sign-pin", Input).focus()
        await pilot.press("1", "2", "3", "4", "enter")
        await settle(app, pilot)
        seen["message"] = str(dialog.query_one("#sign-message", Static).render())
        seen["still_open"] = app.screen is dialog
        seen["tries"] = dialog.tries

    async def run() -> None:
        app = make_app(services, officer=leader)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())
    seen["signed"] = services.signing.signed(code) is not None
    seen["blobs"] = count(services, Blob)
    services.close()
    return seen


if __name__ == "__main__":
    token, spy_module, result, folder = (Path(a) for a in sys.argv[1:5])
    sys.stdout.write(json.dumps(main(token, spy_module, result, folder), ensure_ascii=False))
