"""Builds every service over one database: used by the CLI and the TUI's composition root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from data.db import Database, sqlite_url
from data.migrate import ensure_current
from data.storage import NOT_A_DATABASE, check_before_open, storage_problem
from desk.domain.validation import os_reason
from desk.errors import ConfigError
from desk.services.auth import AuthService
from desk.services.blobs import blob_dir_for
from desk.services.calendar import CalendarService
from desk.services.catalog import CatalogService
from desk.services.context import Clock, ServiceContext, system_clock
from desk.services.feedback import FeedbackService
from desk.services.handover import HandOverService
from desk.services.immediate import ImmediateService
from desk.services.intake import IntakeService
from desk.services.lookup import LookupService
from desk.services.maintenance import MaintenanceService
from desk.services.online import OnlineService
from desk.services.preferences import PreferencesService
from desk.services.printing import PrintService
from desk.services.report_export import ReportExportService
from desk.services.reports import ReportsService
from desk.services.returns import ReturnsService
from desk.services.scanning import ScanService
from desk.services.settings import OfficeService
from desk.services.signing import SigningService
from desk.services.sync import SyncService


@dataclass(frozen=True)
class DeskServices:
    context: ServiceContext
    office: OfficeService
    calendar: CalendarService
    catalog: CatalogService
    intake: IntakeService
    returns: ReturnsService
    lookup: LookupService
    reports: ReportsService
    auth: AuthService
    maintenance: MaintenanceService
    printing: PrintService
    preferences: PreferencesService
    exports: ReportExportService
    feedback: FeedbackService
    signing: SigningService
    scanning: ScanService
    sync: SyncService
    online: OnlineService
    handover: HandOverService
    immediate: ImmediateService

    @classmethod
    def build(cls, db: Database, clock: Clock = system_clock) -> DeskServices:
        context = ServiceContext(db, clock)
        return cls(
            context=context,
            office=OfficeService(context),
            calendar=CalendarService(context),
            catalog=CatalogService(context),
            intake=IntakeService(context),
            returns=ReturnsService(context),
            lookup=LookupService(context),
            reports=ReportsService(context),
            auth=AuthService(context),
            maintenance=MaintenanceService(context),
            printing=PrintService(context, blob_dir_for(db.engine)),
            preferences=PreferencesService(context),
            exports=ReportExportService(context),
            feedback=FeedbackService(context),
            signing=SigningService(context, blob_dir_for(db.engine)),
            scanning=ScanService(context, blob_dir_for(db.engine)),
            sync=SyncService(context, blob_dir_for(db.engine)),
            online=OnlineService(context),
            handover=HandOverService(context),
            immediate=ImmediateService(context),
        )

    @classmethod
    def open(cls, path: Path, clock: Clock = system_clock) -> DeskServices:
        """Open (creating if needed) the desk database at ``path`` and migrate it to head."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigError(
                "Không tạo được thư mục dữ liệu {path}: {reason}",
                path=str(path.parent),
                reason=os_reason(error),
            ) from None
        check_before_open(path)
        db = Database.open(sqlite_url(path))
        try:
            ensure_current(db.engine)
        except DatabaseError as error:
            db.dispose()
            raise storage_problem(error, str(path)) or ConfigError(
                NOT_A_DATABASE, path=str(path)
            ) from None
        return cls.build(db, clock)

    def close(self) -> None:
        self.printing.close()
        self.context.db.dispose()
