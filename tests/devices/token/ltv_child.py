"""Signing for the long-term-validation test, in a child process on its own copy of the
SoftHSM2 token (which holds the CA-issued "ltv" certificate for the signer key).

    python -m tests.devices.token.ltv_child WORK MODULE ROOT_PEM TSA_URL

Signs one dossier's result with the TSA configured (B-LT expected), and another with no TSA
(B-B) which is then brought up to B-LTA once the TSA is configured; writes both files to WORK
and prints the levels and notes as JSON; a third B-B result is left for the command line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desk.services.container import DeskServices
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock
from tests.devices.token.conftest import result_pdf
from tests.devices.token.softhsm import TOKEN_LABEL, USER_PIN
from tests.devices.token.test_sign_tui import ready_dossier, signing_officer


def main(work: Path, module: str, root_pem: str, tsa_url: str) -> dict[str, object]:
    services = DeskServices.open(work / "desk.db", clock=FakeClock())
    services.office.init_office(
        agency_code=AGENCY_CODE,
        agency_name="Ủy ban nhân dân xã Thử Nghiệm",
        desk_range="0001-4999",
        tracking_base_url="https://tracuu.motcua.invalid",
    )
    services.catalog.import_file(SMALL_CATALOG)
    services.signing.update_settings(module_path=module, trust_roots=[root_pem], tsa_url=tsa_url)
    leader = signing_officer(services, "leader")
    seen: dict[str, object] = {}

    def sign(code: str) -> str:
        result = services.signing.sign_result(
            code,
            result_pdf(),
            token_label=TOKEN_LABEL,
            cert_label="ltv",
            pin=USER_PIN,
            officer_id=leader.id,
        )
        seen[f"notes_{len(seen)}"] = list(result.signed.notes)
        return result.signed.level

    long_term = ready_dossier(services)
    seen["long_term"] = sign(long_term)
    seen["long_term_ok"] = services.signing.verify(
        services.signing.signed_file(long_term) or b""
    ).ok
    (work / "b-lt.pdf").write_bytes(services.signing.signed_file(long_term) or b"")

    services.signing.update_settings(tsa_url=None)
    later = ready_dossier(services)
    seen["offline"] = sign(later)
    for_cli = ready_dossier(services)  # left at B-B for `desk token extend` in the parent
    sign(for_cli)
    seen["for_cli"] = for_cli
    services.signing.update_settings(tsa_url=tsa_url)
    extended = services.signing.extend_result(later, officer_id=leader.id)
    seen["extended"] = extended.signed.level
    seen["extended_ok"] = extended.report.ok
    (work / "b-lta.pdf").write_bytes(extended.signed.data)
    services.close()
    return seen


if __name__ == "__main__":
    folder, module_path, root, tsa = sys.argv[1:5]
    sys.stdout.write(json.dumps(main(Path(folder), module_path, root, tsa), ensure_ascii=False))
