"""Builds the services over one database: used by the CLI and the TUI's composition root.

Each service is built (and its module imported) the first time it is used: a CLI command pays
only for what it touches (`desk due` needs the office's rules, the catalogue and the calendar,
never the printer, the token or the sync client). tests/unit/test_lazy_imports.py keeps it so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from sqlalchemy.exc import DatabaseError

from data.db import Database, sqlite_url
from data.migrate import ensure_current
from data.storage import NOT_A_DATABASE, check_before_open, storage_problem
from desk.domain.validation import os_reason
from desk.errors import ConfigError
from desk.services.blobs import blob_dir_for
from desk.services.context import Clock, ServiceContext, system_clock

if TYPE_CHECKING:
    from desk.services.auth import AuthService
    from desk.services.calendar import CalendarService
    from desk.services.catalog import CatalogService
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


T = TypeVar("T")


class _built_once(Generic[T]):  # a decorator, named like cached_property
    """``functools.cached_property`` with a lock on every Python: the TUI's workers reach the
    services from several threads, and two PrintService objects for one desk would be two
    print queues."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self.build = build
        self.name = build.__name__

    @overload
    def __get__(self, obj: None, owner: type) -> _built_once[T]: ...
    @overload
    def __get__(self, obj: DeskServices, owner: type) -> T: ...
    def __get__(self, obj: DeskServices | None, owner: type) -> _built_once[T] | T:
        if obj is None:
            return self
        built = obj.__dict__
        if self.name not in built:
            with obj.lock:
                if self.name not in built:
                    built[self.name] = self.build(obj)
        value: T = built[self.name]
        return value


class DeskServices:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.lock = threading.RLock()

    @classmethod
    def build(cls, db: Database, clock: Clock = system_clock) -> DeskServices:
        return cls(ServiceContext(db, clock))

    @_built_once
    def office(self) -> OfficeService:
        from desk.services.settings import OfficeService

        return OfficeService(self.context)

    @_built_once
    def calendar(self) -> CalendarService:
        from desk.services.calendar import CalendarService

        return CalendarService(self.context)

    @_built_once
    def catalog(self) -> CatalogService:
        from desk.services.catalog import CatalogService

        return CatalogService(self.context)

    @_built_once
    def intake(self) -> IntakeService:
        from desk.services.intake import IntakeService

        return IntakeService(self.context)

    @_built_once
    def returns(self) -> ReturnsService:
        from desk.services.returns import ReturnsService

        return ReturnsService(self.context)

    @_built_once
    def lookup(self) -> LookupService:
        from desk.services.lookup import LookupService

        return LookupService(self.context)

    @_built_once
    def reports(self) -> ReportsService:
        from desk.services.reports import ReportsService

        return ReportsService(self.context)

    @_built_once
    def auth(self) -> AuthService:
        from desk.services.auth import AuthService

        return AuthService(self.context)

    @_built_once
    def maintenance(self) -> MaintenanceService:
        from desk.services.maintenance import MaintenanceService

        return MaintenanceService(self.context)

    @_built_once
    def printing(self) -> PrintService:
        from desk.services.printing import PrintService

        return PrintService(self.context, blob_dir_for(self.context.db.engine))

    @_built_once
    def preferences(self) -> PreferencesService:
        from desk.services.preferences import PreferencesService

        return PreferencesService(self.context)

    @_built_once
    def exports(self) -> ReportExportService:
        from desk.services.report_export import ReportExportService

        return ReportExportService(self.context)

    @_built_once
    def feedback(self) -> FeedbackService:
        from desk.services.feedback import FeedbackService

        return FeedbackService(self.context)

    @_built_once
    def signing(self) -> SigningService:
        from desk.services.signing import SigningService

        return SigningService(self.context, blob_dir_for(self.context.db.engine))

    @_built_once
    def scanning(self) -> ScanService:
        from desk.services.scanning import ScanService

        return ScanService(self.context, blob_dir_for(self.context.db.engine))

    @_built_once
    def sync(self) -> SyncService:
        from desk.services.sync import SyncService

        return SyncService(self.context, blob_dir_for(self.context.db.engine))

    @_built_once
    def online(self) -> OnlineService:
        from desk.services.online import OnlineService

        return OnlineService(self.context)

    @_built_once
    def handover(self) -> HandOverService:
        from desk.services.handover import HandOverService

        return HandOverService(self.context)

    @_built_once
    def immediate(self) -> ImmediateService:
        from desk.services.immediate import ImmediateService

        return ImmediateService(self.context)

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
        if "printing" in self.__dict__:  # built: its print worker may hold a job
            self.printing.close()
        self.context.db.dispose()
