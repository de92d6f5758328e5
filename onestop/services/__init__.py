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

The command line pays only for what it uses: a capability's module is imported, and its service
made, the first time it is used (``onestop show`` never loads intake, ratings or the calendar), and
the values below are imported from ``services/values.py`` (one dossier's from
``services/dossier_values.py``) when first asked for.
"""

from __future__ import annotations

import threading
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from onestop.auth import Act, Actor, Role
from onestop.services.context import Context

if TYPE_CHECKING:
    from onestop.clock import Clock
    from onestop.db.engine import Database
    from onestop.services.calendar import CalendarService
    from onestop.services.catalog import CatalogService, parse_catalog
    from onestop.services.config import ConfigService
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

S = TypeVar("S")

# Names this package exports from its modules, loaded on first use (PEP 562).
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "APPLICANT_KINDS",
            "CHANNELS",
            "DOCUMENT_FORMS",
            "OPEN_STATUSES",
            "RESULT_CHANNELS",
            "RESULT_FORMS",
            "BoardCounts",
            "DocumentSpec",
            "DossierFilter",
            "DossierRow",
            "ProcedureInfo",
            "RatingPrompt",
            "ReceiveRequest",
            "ReuseCandidate",
            "VerifyReport",
            "WorkPage",
            "WorkRow",
        ),
        "onestop.services.values",
    ),
    **dict.fromkeys(
        (
            "STATUSES",
            "Applicant",
            "AttachmentView",
            "DossierView",
            "EventView",
            "RatingView",
            "SubmittedDocument",
        ),
        "onestop.services.dossier_values",
    ),
    "parse_catalog": "onestop.services.catalog",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


_made = threading.RLock()  # two threads asking for the same service first get one service


class _Service(Generic[S]):
    """A capability service, made (and its module imported) on first use, then kept on the instance.

    A non-data descriptor: a test may still replace ``svc.dossiers`` by assignment."""

    def __init__(self, module: str, cls: str, *needs: str) -> None:
        self.module, self.cls, self.needs = module, cls, needs

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, svc: Onestop | None, owner: type | None = None) -> S:
        if svc is None:
            return self  # type: ignore[return-value]
        with _made:
            made = svc.__dict__.get(self.name)
            if made is None:
                cls = getattr(import_module(self.module), self.cls)
                made = svc.__dict__[self.name] = cls(svc.ctx, *(getattr(svc, n) for n in self.needs))
        return made  # type: ignore[no-any-return]


_S = "onestop.services."


class Onestop:
    """The counter's services over one database, with an injected clock."""

    staff: _Service[StaffService] = _Service(_S + "staff", "StaffService")
    config: _Service[ConfigService] = _Service(_S + "config", "ConfigService")
    catalog: _Service[CatalogService] = _Service(_S + "catalog", "CatalogService")
    calendar: _Service[CalendarService] = _Service(_S + "calendar", "CalendarService", "catalog")
    dossiers: _Service[DossierService] = _Service(_S + "dossiers", "DossierService")
    intake: _Service[IntakeService] = _Service(_S + "intake", "IntakeService", "catalog", "dossiers")
    lifecycle: _Service[LifecycleService] = _Service(
        _S + "lifecycle", "LifecycleService", "catalog", "dossiers"
    )
    papers: _Service[PaperService] = _Service(_S + "papers", "PaperService", "catalog", "dossiers")
    ratings: _Service[RatingService] = _Service(_S + "ratings", "RatingService")
    reports: _Service[ReportService] = _Service(_S + "reports", "ReportService", "ratings")
    oversight: _Service[OversightService] = _Service(_S + "oversight", "OversightService")
    digitisation: _Service[DigitisationService] = _Service(_S + "digitisation", "DigitisationService")
    integrity: _Service[IntegrityService] = _Service(_S + "integrity", "IntegrityService")
    worklists: _Service[WorkListService] = _Service(_S + "worklists", "WorkListService")

    def __init__(self, *, db: Database, clock: Clock | None = None) -> None:
        self.ctx = Context(db=db, clock=clock)

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
