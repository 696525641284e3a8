"""Name search through the trigram index (revision 0006): accents and case folded, any part of
a name, the index kept in step by triggers, dossiers that existed before the upgrade indexed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from data.db import make_engine, sqlite_url
from data.migrate import upgrade
from desk.services.container import DeskServices
from tests.conftest import citizen
from tests.helpers import receive
from tests.integration.test_migrations import seed_every_table


def test_any_part_of_a_name_finds_the_dossier(services: DeskServices) -> None:
    mot = receive(services, owner=citizen(1, full_name="NGUYỄN THỬ NGHIỆM MỘT")).code
    hai = receive(services, owner=citizen(2, full_name="TRẦN THỬ NGHIỆM HAI")).code
    assert {d.code for d in services.lookup.by_name("thu nghiem")} == {mot, hai}
    assert [d.code for d in services.lookup.by_name("Nguyễn")] == [mot]
    assert [d.code for d in services.lookup.by_name("nghiem ha")] == [hai]
    assert [d.code for d in services.lookup.by_name("tr")] == [hai]  # 2 letters: a scan
    assert services.lookup.by_name('khong "co" ai') == []


def test_the_search_reads_the_index_not_every_dossier(services: DeskServices) -> None:
    receive(services)
    with services.context.db.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT rowid FROM dossier_name_fts "
                    "WHERE dossier_name_fts MATCH '\"nghiem\"'"
                )
            )
        )
    assert "VIRTUAL TABLE INDEX" in plan


def test_dossiers_from_before_the_index_are_found(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "desk.db"))
    try:
        upgrade(engine, "0005")
        seed_every_table(engine)  # one dossier whose owner_name_search is "dossier.owner…"
        upgrade(engine)
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT count(*) FROM dossier_name_fts WHERE dossier_name_fts MATCH 'owner'")
            ).scalar_one()
        assert found == 1
    finally:
        engine.dispose()
