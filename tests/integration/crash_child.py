"""The victim of the crash test: receives dossiers and acts on them in a loop until killed.

    python -m tests.integration.crash_child DB START SEED

START is an ISO instant; the child's clock starts there and moves a few seconds per call, so
every round of the crash test works on a day of its own choosing. After opening the database
and one warm-up intake (the first one compiles every query, which would otherwise take most
of a short round), the child prints one line, ``ready``, and then nothing more (a full pipe
must never block it). It stops by itself only after DEADLINE_SECONDS, so an orphan cannot
run forever; the test treats a child that was not killed by SIGKILL as a failure.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import col, select

from data.models import Dossier
from desk.domain.lifecycle import Status
from desk.domain.person import Person
from desk.services.container import DeskServices
from desk.services.intake import ComponentInput, ReceiveRequest
from desk.services.returns import ReturnRequest

DEADLINE_SECONDS = 20.0
STEP = timedelta(seconds=3)
# (procedure, case) pairs of tests/fixtures/catalog_small.json
PROCEDURES = (
    ("T-SAMEDAY", None),
    ("T-3WD", None),
    ("T-3WD", "xac-minh"),
    ("T-PAUSE", None),
    ("T-8WH", None),
)

ACTIONABLE = frozenset(
    {Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.RESULT_READY}
)


class SteppingClock:
    def __init__(self, start: datetime) -> None:
        self._now = start

    def __call__(self) -> datetime:
        self._now += STEP
        return self._now


def applicant(number: int) -> Person:
    """A synthetic, self-consistent applicant (male, born 1985, province code 001)."""
    return Person(
        full_name=f"CÔNG DÂN THỬ NGHIỆM {number}",
        id_number=f"001085{number:06d}",
        date_of_birth=date(1985, 1, 1),
        sex="Nam",
        address="Thôn Thử Nghiệm, xã Thử Nghiệm",
        phone="0912000000",
    )


def open_dossiers(services: DeskServices) -> dict[str, Status]:
    """Dossiers left open by earlier rounds, so that actions also reach them."""
    wanted = [int(status) for status in ACTIONABLE]
    with services.context.db.read() as session:
        rows = session.exec(
            select(Dossier.code, Dossier.status)
            .where(col(Dossier.status).in_(wanted))
            .order_by(col(Dossier.received_at).desc())
            .limit(40)
        ).all()
    return {code: Status(status) for code, status in rows}


def receive(services: DeskServices, rng: random.Random) -> tuple[str, Status]:
    procedure, case = rng.choice(PROCEDURES)
    number = rng.randrange(1, 500)  # citizens come back
    incomplete = rng.random() < 0.25
    request = ReceiveRequest(
        procedure_code=procedure,
        case_key=case,
        owner=applicant(number),
        components=[ComponentInput(name="Giấy tờ khác", required=False)] if incomplete else None,
        channel=rng.choice(("direct", "direct", "online", "postal")),
        allow_incomplete=incomplete,
    )
    result = services.intake.receive(request)
    return result.code, result.status


def act(services: DeskServices, rng: random.Random, code: str, status: Status) -> Status:
    """One legal next step for a dossier whose status the child knows."""
    intake = services.intake
    if status is Status.SUPPLEMENT_REQUESTED:
        return intake.supplement_received(code)
    if status is Status.RECEIVED:
        choice = rng.random()
        if choice < 0.6:
            return intake.hand_over(code, unit="Bộ phận chuyên môn thử nghiệm")
        if choice < 0.8:
            return intake.request_supplement(
                code, items=["Bản sao giấy tờ thử nghiệm"], reason="Thiếu giấy tờ"
            )
        return intake.result_ready(code)
    if status is Status.PROCESSING:
        if rng.random() < 0.8:
            return intake.result_ready(code)
        return intake.request_supplement(code, items=["Bản vẽ thử nghiệm"], reason="Bổ sung")
    if status is Status.RESULT_READY:
        return services.returns.return_result(ReturnRequest(code=code))
    raise AssertionError(f"no action planned for status {status}")


def run(db: Path, start: datetime, seed: int) -> int:
    rng = random.Random(seed)
    services = DeskServices.open(db, clock=SteppingClock(start))
    known = open_dossiers(services)
    step(services, rng, known, receive_only=True)  # the first intake compiles every query
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        step(services, rng, known)
    services.close()
    return 0


def step(
    services: DeskServices, rng: random.Random, known: dict[str, Status], receive_only: bool = False
) -> None:
    if known and not receive_only and rng.random() < 0.35:
        code = rng.choice(sorted(known))
        status = act(services, rng, code, known[code])
    else:
        code, status = receive(services, rng)
    if status in ACTIONABLE:
        known[code] = status
    else:
        known.pop(code, None)


def main(argv: list[str]) -> int:
    db, start, seed = argv
    return run(Path(db), datetime.fromisoformat(start), int(seed))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
