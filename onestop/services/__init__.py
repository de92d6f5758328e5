"""The services of the counter: the only door to the data, for the screens and the command line.

``Onestop`` is built once in ``main()`` from a database and a clock and handed to whoever needs it.
It is only the composition root: one shared context (database, clock, configuration) and one service
per capability::

    svc.staff       signing in, accounts                    (services/staff.py)
    svc.config      the agency's settings                   (services/config.py)
    svc.catalog     procedures and units                    (services/catalog.py)
    svc.calendar    the working calendar, appointment preview (services/calendar.py)
    svc.intake      receiving, corrections, receipts        (services/intake.py)
    svc.dossiers    looking dossiers up, lists, search      (services/dossiers.py)
    svc.ratings     citizen ratings and the kiosk           (services/ratings.py)
    svc.integrity   verify, anchor                          (services/integrity.py)

Every method that writes, or shows something a role may not see, takes the acting user as the
keyword ``actor`` and checks it against the permission table (``onestop.auth``). Services raise
``UserError`` subclasses (Vietnamese messages naming the field) and never show anything.

The command line pays only for what it uses: a capability's module is imported, and its service
made, the first time it is used (``onestop show`` never loads intake, ratings or the calendar), and
the values below are imported from ``services/values.py`` when first asked for.
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
    from onestop.services.dossiers import DossierService
    from onestop.services.intake import IntakeService
    from onestop.services.integrity import IntegrityService
    from onestop.services.ratings import RatingService
    from onestop.services.staff import StaffService
    from onestop.services.values import (
        APPLICANT_KINDS,
        CHANNELS,
        DOCUMENT_FORMS,
        OPEN_STATUSES,
        RESULT_CHANNELS,
        STATUSES,
        Applicant,
        DocumentSpec,
        DossierFilter,
        DossierRow,
        DossierView,
        EventView,
        ProcedureInfo,
        RatingPrompt,
        RatingView,
        ReceiveRequest,
        SubmittedDocument,
        VerifyReport,
    )

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
            "STATUSES",
            "Applicant",
            "DocumentSpec",
            "DossierFilter",
            "DossierRow",
            "DossierView",
            "EventView",
            "ProcedureInfo",
            "RatingPrompt",
            "RatingView",
            "ReceiveRequest",
            "SubmittedDocument",
            "VerifyReport",
        ),
        "onestop.services.values",
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


class Onestop:
    """The counter's services over one database, with an injected clock."""

    staff: _Service[StaffService] = _Service("onestop.services.staff", "StaffService")
    config: _Service[ConfigService] = _Service("onestop.services.config", "ConfigService")
    catalog: _Service[CatalogService] = _Service("onestop.services.catalog", "CatalogService")
    calendar: _Service[CalendarService] = _Service("onestop.services.calendar", "CalendarService", "catalog")
    dossiers: _Service[DossierService] = _Service("onestop.services.dossiers", "DossierService")
    intake: _Service[IntakeService] = _Service(
        "onestop.services.intake", "IntakeService", "catalog", "dossiers"
    )
    ratings: _Service[RatingService] = _Service("onestop.services.ratings", "RatingService")
    integrity: _Service[IntegrityService] = _Service("onestop.services.integrity", "IntegrityService")

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
            "ratings": self.ratings,
            "integrity": self.integrity,
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
    "STATUSES",
    "Act",
    "Actor",
    "Applicant",
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
    "Role",
    "SubmittedDocument",
    "VerifyReport",
    "parse_catalog",
]
