"""The schema: SQLAlchemy 2 typed models. Alembic migrations (``onestop/db/migrations``) create it.

Portable SQL only (SQLite and PostgreSQL). Times are stored as whole seconds since the epoch (UTC)
and come back as aware UTC datetimes (``UTCDateTime``); the agency's zone is applied only when shown.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; whole seconds since the Unix epoch in the column.

    An integer is the same on SQLite and PostgreSQL, compares and indexes cheaply, is a third of the
    size of SQLite's text timestamps, and cannot carry a wrong zone. (SQL: ``datetime(at, 'unixepoch')``
    on SQLite, ``to_timestamp(at)`` on PostgreSQL.) The counter works to the minute; seconds are kept.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return int(value.timestamp())

    def process_result_value(self, value: int | str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # written by hand behind the program's back: read what can be read
            if not value.strip().lstrip("-").isdigit():
                parsed = datetime.fromisoformat(value)
                return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
            value = int(value)
        return datetime.fromtimestamp(value, UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class Unit(Base):
    """A receiving unit or a competent (deciding) unit, valid between two dates (agencies get renamed)."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    search_key: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(20))  # receiving | competent
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))  # tiep_nhan | xu_ly | lanh_dao | quan_tri
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    all_units: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Procedure(Base):
    """One version of a procedure (thủ tục). An edit makes a new version; dossiers keep theirs."""

    __tablename__ = "procedures"
    __table_args__ = (
        UniqueConstraint("code", "version", name="uq_procedures_code_version"),
        Index("ix_procedures_code_current", "code", "is_current"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(255))
    competent_unit: Mapped[str] = mapped_column(String(255))  # as the catalogue words it
    default_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    time_unit: Mapped[str] = mapped_column(String(20))  # working_days | working_hours | same_day
    time_value: Mapped[int] = mapped_column(Integer)
    cutoff: Mapped[str | None] = mapped_column(String(5), nullable=True)  # "15:00"
    fee_text: Mapped[str] = mapped_column(Text, default="")
    fee_amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProcedureDocument(Base):
    __tablename__ = "procedure_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(50))
    count: Mapped[int] = mapped_column(Integer)
    required: Mapped[bool] = mapped_column(Boolean)


class CalendarYear(Base):
    """A year of the working calendar has been seeded (and may since have been edited)."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seeded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CalendarDay(Base):
    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(
        String(30)
    )  # holiday | compensatory | swapped_day_off | working_saturday
    name: Mapped[str] = mapped_column(String(255))


class Sequence(Base):
    """Named counters (dossier code per unit and day, register number per volume)."""

    __tablename__ = "sequences"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (Index("ix_dossiers_status_due", "status", "due_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    unit_identifier: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(30))
    applicant_name: Mapped[str] = mapped_column(String(100))
    # No b-tree index on id number and phone: random keys slow every insert; the FTS index finds them.
    id_number: Mapped[str] = mapped_column(String(12), default="")
    phone: Mapped[str] = mapped_column(String(15), default="")
    address: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    search_key: Mapped[str] = mapped_column(Text)
    sets: Mapped[int] = mapped_column(Integer, default=1)
    channel: Mapped[str] = mapped_column(String(20))  # counter | post | online (how it was submitted)
    result_channel: Mapped[str] = mapped_column(String(20))  # counter | post | online
    fee_text: Mapped[str] = mapped_column(Text, default="")
    fee_amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the original appointment, never moved
    extended_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    received_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    current_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    register_volume: Mapped[str] = mapped_column(String(20))
    register_number: Mapped[int] = mapped_column(Integer)
    receipt_version: Mapped[int] = mapped_column(Integer, default=1)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshots.id"))  # what its receipt prints


class DossierDocument(Base):
    __tablename__ = "dossier_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(50))
    count: Mapped[int] = mapped_column(Integer)


class Snapshot(Base):
    """Printed context shared by many receipts (agency names, procedure name and time limit as of the
    day), stored once and referenced, so a renamed agency never changes an old receipt."""

    __tablename__ = "snapshots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    data: Mapped[str] = mapped_column(Text)  # JSON


class ReceiptVersion(Base):
    """The applicant as each receipt version printed it. Written at the first correction (version 1,
    as received, then version 2, …); a dossier never corrected prints its own row as version 1."""

    __tablename__ = "receipt_versions"
    __table_args__ = (UniqueConstraint("dossier_id", "version", name="uq_receipt_versions_dossier_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshots.id"))
    data: Mapped[str] = mapped_column(Text)  # JSON: {"applicant": {...}}


class Event(Base):
    """One step of a dossier's history. Append-only (triggers refuse UPDATE and DELETE) and chained:
    ``hash`` covers the content and the hash of the chained row before it (``id`` - 1).
    ``id`` is the position in the chain: allocated from ``chain_head``, gapless, shared with the
    other chained tables (ratings), so no two chained rows anywhere have the same id."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=False
    )
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    from_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    to_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text, default="")  # JSON of action-specific details
    hash: Mapped[str] = mapped_column(String(64))


class ChainHead(Base):
    """The last link of the tamper-evident chain (one row). Locked by every writer that appends."""

    __tablename__ = "chain_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class Rating(Base):
    """A citizen's rating of one service (a dossier's receipt or return), chained with the history:
    ``id`` is its position in the same chain as the events. Append-only; one per dossier and event."""

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("dossier_id", "event", name="uq_ratings_dossier_event"),)
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=False
    )
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"))
    event: Mapped[str] = mapped_column(String(20))  # receipt | return
    clerk_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))  # who served
    level: Mapped[str] = mapped_column(String(30))
    scale: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[bool] = mapped_column(Boolean)  # as the settings counted it that day
    reasons: Mapped[str] = mapped_column(String(255), default="")  # comma-separated keys
    channel: Mapped[str] = mapped_column(String(20))  # kiosk | paper | phone
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    hash: Mapped[str] = mapped_column(String(64))


class RatingRequest(Base):
    """The counter asks the kiosk to show the rating prompt (a kiosk in another process polls)."""

    __tablename__ = "rating_requests"
    __table_args__ = (Index("ix_rating_requests_state", "state", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"))
    event: Mapped[str] = mapped_column(String(20))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    station: Mapped[str] = mapped_column(String(100), default="")  # the counter that asked
    state: Mapped[str] = mapped_column(String(20))  # pending | showing | rated | timeout | cancelled
    kiosk: Mapped[str] = mapped_column(String(100), default="")  # the kiosk that took it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
