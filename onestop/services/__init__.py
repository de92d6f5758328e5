"""The services of the counter: the only door to the data, for the screens and the command line.

``Onestop`` is built once in ``main()`` from a database and a clock and handed to whoever needs it.
It is only the composition root: one shared context (database, clock, configuration) and one service
per capability::

    svc.staff       signing in, accounts                    (services/staff.py)
    svc.config      the agency's settings                   (services/config.py)
    svc.catalog     procedures and units                    (services/catalog.py)
    svc.calendar    the working calendar, appointment preview (services/calendar.py)
    svc.intake      receiving, corrections, receipts        (services/intake.py)
    svc.lifecycle   handovers, supplements, result, return… (services/lifecycle.py)
    svc.papers      the data of Mẫu 01-06 for the forms      (services/papers.py)
    svc.dossiers    looking dossiers up, lists, search      (services/dossiers.py)
    svc.worklists   an officer's dossiers, the overdue ones  (services/worklists.py)
    svc.ratings     citizen ratings and the kiosk           (services/ratings.py)
    svc.reports     the period report, the register (Mẫu 07) (services/reports.py)
    svc.oversight   the head of agency's directives          (services/oversight.py)
    svc.digitisation scans of components and results, reuse (services/digitisation.py)
    svc.integrity   verify, anchor                          (services/integrity.py)

Every method that writes, or shows something a role may not see, takes the acting user as the
keyword ``actor`` and checks it against the permission table (``onestop.auth``). Services raise
``UserError`` subclasses (Vietnamese messages naming the field) and never show anything.
"""

from __future__ import annotations

from onestop.auth import Act, Actor, Role
from onestop.clock import Clock
from onestop.db.engine import Database
from onestop.services.calendar import CalendarService
from onestop.services.catalog import CatalogService, parse_catalog
from onestop.services.config import ConfigService
from onestop.services.context import Context
from onestop.services.digitisation import DigitisationService
from onestop.services.dossiers import DossierService
from onestop.services.intake import IntakeService
from onestop.services.integrity import IntegrityService
from onestop.services.lifecycle import LifecycleService
from onestop.services.oversight import OversightService
from onestop.services.papers import PaperService
from onestop.services.ratings import RatingService
from onestop.services.reports import ReportService
from onestop.services.staff import StaffService
from onestop.services.values import (
    APPLICANT_KINDS,
    CHANNELS,
    DOCUMENT_FORMS,
    OPEN_STATUSES,
    RESULT_CHANNELS,
    RESULT_FORMS,
    STATUSES,
    Applicant,
    AttachmentView,
    BoardCounts,
    DocumentSpec,
    DossierFilter,
    DossierRow,
    DossierView,
    EventView,
    ProcedureInfo,
    RatingPrompt,
    RatingView,
    ReceiveRequest,
    ReuseCandidate,
    SubmittedDocument,
    VerifyReport,
    WorkPage,
    WorkRow,
)
from onestop.services.worklists import WorkListService


class Onestop:
    """The counter's services over one database, with an injected clock."""

    def __init__(self, *, db: Database, clock: Clock | None = None) -> None:
        self.ctx = Context(db=db, clock=clock)
        self.staff = StaffService(self.ctx)
        self.config = ConfigService(self.ctx)
        self.catalog = CatalogService(self.ctx)
        self.calendar = CalendarService(self.ctx, self.catalog)
        self.dossiers = DossierService(self.ctx)
        self.intake = IntakeService(self.ctx, self.catalog, self.dossiers)
        self.lifecycle = LifecycleService(self.ctx, self.catalog, self.dossiers)
        self.papers = PaperService(self.ctx, self.catalog, self.dossiers)
        self.ratings = RatingService(self.ctx)
        self.reports = ReportService(self.ctx, self.ratings)
        self.oversight = OversightService(self.ctx)
        self.digitisation = DigitisationService(self.ctx)
        self.integrity = IntegrityService(self.ctx)
        self.worklists = WorkListService(self.ctx)

    @property
    def db(self) -> Database:
        return self.ctx.db

    def services(self) -> dict[str, object]:
        """Every capability service by name (the permission tests walk them all)."""
        return {
            "staff": self.staff,
            "config": self.config,
            "catalog": self.catalog,
            "calendar": self.calendar,
            "dossiers": self.dossiers,
            "intake": self.intake,
            "lifecycle": self.lifecycle,
            "papers": self.papers,
            "ratings": self.ratings,
            "reports": self.reports,
            "oversight": self.oversight,
            "digitisation": self.digitisation,
            "integrity": self.integrity,
            "worklists": self.worklists,
        }

    def permissions(self, actor: Actor) -> frozenset[Act]:
        """What this actor may do now: the screens show or hide their actions by it."""
        self.ctx.sync()
        return self.ctx.permissions(actor)


__all__ = [
    "APPLICANT_KINDS",
    "CHANNELS",
    "DOCUMENT_FORMS",
    "OPEN_STATUSES",
    "RESULT_CHANNELS",
    "RESULT_FORMS",
    "STATUSES",
    "Act",
    "Actor",
    "Applicant",
    "AttachmentView",
    "BoardCounts",
    "DocumentSpec",
    "DossierFilter",
    "DossierRow",
    "DossierView",
    "EventView",
    "Onestop",
    "ProcedureInfo",
    "RatingPrompt",
    "RatingView",
    "ReceiveRequest",
    "ReuseCandidate",
    "Role",
    "SubmittedDocument",
    "VerifyReport",
    "WorkPage",
    "WorkRow",
    "parse_catalog",
]
