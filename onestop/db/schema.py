"""The schema: SQLAlchemy Core tables (no ORM: a command such as ``onestop show`` must not pay for
declaring classes it never uses). Alembic migrations (``onestop/db/migrations``) create it.

Portable SQL only (SQLite and PostgreSQL). Times are stored as whole seconds since the epoch (UTC)
and come back as aware UTC datetimes (``UTCDateTime``); the agency's zone is applied only when shown.

Every table but the caches and queues is under the tamper-evident chain (``onestop.ledger``): its
rows are what the chained events say they are, and ``onestop verify`` checks it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
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


metadata = MetaData(naming_convention=NAMING)

HANDOVER_WHERE = "action IN ('transfer', 'result', 'return')"  # the events that end a unit's hold

_ChainId = BigInteger().with_variant(Integer(), "sqlite")  # SQLite: an alias of the rowid

settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

units = Table(
    "units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(50), nullable=False, unique=True),
    Column("name", String(255), nullable=False),
    Column("search_key", String(255), nullable=False),
    Column("kind", String(20), nullable=False),  # receiving | competent
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=True),  # closed (renamed, merged) after this day
    # Who took its work over: another unit's id (checked by the program: SQLite cannot add a foreign
    # key to an existing table without rebuilding it, and units are referenced everywhere).
    Column("successor_id", Integer, nullable=True),
    Column("allotted_hours", Integer, nullable=True),  # working hours a step in this unit may take
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(50), nullable=False, unique=True),
    Column("full_name", String(100), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(20), nullable=False),  # onestop.auth.Role
    Column("unit_id", Integer, ForeignKey("units.id"), nullable=True),
    Column("all_units", Boolean, nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    # Sign-in failures in a row; at the setting's limit the account is locked (an administrator unlocks).
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked", Boolean, nullable=False, server_default="0"),
)

procedures = Table(
    "procedures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(50), nullable=False),
    Column("version", Integer, nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("name", Text, nullable=False),
    Column("search_key", Text, nullable=False),
    Column("field", String(255), nullable=False),
    Column("competent_unit", String(255), nullable=False),  # as the catalogue words it
    Column("default_unit_id", Integer, ForeignKey("units.id"), nullable=True),
    Column("time_unit", String(20), nullable=False),  # working_days | working_hours | same_day
    Column("time_value", Integer, nullable=False),
    Column("cutoff", String(5), nullable=True),  # "15:00"
    Column("fee_text", Text, nullable=False),
    Column("fee_amount", BigInteger, nullable=True),
    Column("legal_basis", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("code", "version", name="uq_procedures_code_version"),
    Index("ix_procedures_code_current", "code", "is_current"),
)

procedure_documents = Table(
    "procedure_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("procedure_id", Integer, ForeignKey("procedures.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("form", String(50), nullable=False),
    Column("count", Integer, nullable=False),
    Column("required", Boolean, nullable=False),
    # How long a digitised copy of this paper may be reused for a later dossier (NĐ 45/2020), in
    # days from its scan; NULL: without limit.
    Column("valid_days", Integer, nullable=True),
)

calendar_years = Table(
    "calendar_years",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("seeded_at", UTCDateTime, nullable=False),
    # Where the stored days came from: "official" (the list shipped with the program), "provisional"
    # (the holidays package, until an official list exists), "edited" (an administrator changed it:
    # never replaced by a newer list); NULL: stored before this was kept (never replaced).
    Column("source", String(20), nullable=True),
)

calendar_days = Table(
    "calendar_days",
    metadata,
    Column("day", Date, primary_key=True),
    Column("year", Integer, nullable=False, index=True),
    Column("kind", String(30), nullable=False),  # holiday | compensatory | swapped_day_off | working_saturday
    Column("name", String(255), nullable=False),
)

sequences = Table(
    "sequences",
    metadata,
    # Named counters: dossier code per unit and day, register number per volume, the configuration
    # revision (every counter re-reads its cached settings, calendar and catalogue when it moves).
    Column("name", String(100), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

snapshots = Table(
    "snapshots",
    metadata,
    # Printed context shared by many receipts (agency names, procedure name and time limit as of the
    # day), stored once and referenced, so a renamed agency never changes an old receipt.
    # Content-addressed: ``digest`` is the SHA-256 of ``data``.
    Column("id", Integer, primary_key=True),
    Column("digest", String(64), nullable=False, unique=True),
    Column("data", Text, nullable=False),  # JSON
)

dossiers = Table(
    "dossiers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(50), nullable=False, unique=True),
    Column("procedure_id", Integer, ForeignKey("procedures.id"), nullable=False),
    Column("unit_identifier", String(50), nullable=False),
    Column("status", String(30), nullable=False),
    Column("applicant_name", String(255), nullable=False),  # a person (≤ 100) or an organisation (≤ 255)
    # No b-tree index on id number and phone: random keys slow every insert; the FTS index finds them.
    Column("id_number", String(12), nullable=False),
    Column("phone", String(15), nullable=False),
    Column("address", String(255), nullable=False),
    Column("email", String(254), nullable=False),
    Column("search_key", Text, nullable=False),
    Column("sets", Integer, nullable=False),
    Column("channel", String(20), nullable=False),  # counter | post | online (how it was submitted)
    Column("result_channel", String(20), nullable=False),  # counter | post | online
    Column("fee_text", Text, nullable=False),
    Column("fee_amount", BigInteger, nullable=True),
    Column("received_at", UTCDateTime, nullable=False, index=True),
    Column("due_at", UTCDateTime, nullable=False),  # the original appointment, never moved
    Column("extended_due_at", UTCDateTime, nullable=True),
    Column("received_by", Integer, ForeignKey("staff.id"), nullable=False),
    Column("current_unit_id", Integer, ForeignKey("units.id"), nullable=True),
    Column("holder_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("paused_at", UTCDateTime, nullable=True),
    Column("finished_at", UTCDateTime, nullable=True),
    Column("register_volume", String(20), nullable=False),
    Column("register_number", Integer, nullable=False),
    Column("receipt_version", Integer, nullable=False),
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), nullable=False),  # what its receipt prints
    Column("applicant_kind", String(20), nullable=True),  # NULL: a person; "organisation"
    Column("tax_code", String(14), nullable=True),  # organisations
    # The due moment after supplement pauses (NULL: due_at). Statistics judge against it, never
    # against a re-appointment (extended_due_at).
    Column("legal_due_at", UTCDateTime, nullable=True),
    Column("result_at", UTCDateTime, nullable=True),  # when the result was ready
    Index("ix_dossiers_status_due", "status", "due_at"),
    # Covering indexes of the period report, led by its group keys (procedure, receiving clerk) so
    # its passes stream the groups in index order without sorting the period's rows; the weekly
    # series counts the results by moment (ix_dossiers_result_due) and the receipts by received_at.
    Index("ix_dossiers_report_received", "procedure_id", "received_by", "received_at", "status"),
    Index(
        "ix_dossiers_report_result",
        "procedure_id",
        "received_by",
        "result_at",
        "legal_due_at",
        "due_at",
        "received_at",
    ),
    Index("ix_dossiers_result_due", "result_at", "legal_due_at", "due_at"),
    # What the report's joins read of a dossier by key (results, ratings), compact, not the wide row.
    Index("ix_dossiers_key", "id", "procedure_id", "legal_due_at", "due_at", "received_at"),
)

dossier_documents = Table(
    "dossier_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("form", String(50), nullable=False),
    Column("count", Integer, nullable=False),
)

receipt_versions = Table(
    "receipt_versions",
    metadata,
    # The applicant as each receipt version printed it. Written at the first correction (version 1,
    # as received, then version 2, …); a dossier never corrected prints its own row as version 1.
    Column("id", Integer, primary_key=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", Integer, ForeignKey("staff.id"), nullable=False),
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), nullable=False),
    Column("data", Text, nullable=False),  # JSON: {"applicant": {...}}
    UniqueConstraint("dossier_id", "version", name="uq_receipt_versions_dossier_version"),
)

events = Table(
    "events",
    metadata,
    # One step in the life of the agency's data: a dossier's step, or a change of settings, staff,
    # units, catalogue or calendar. Append-only (triggers refuse UPDATE and DELETE) and chained:
    # ``hash`` covers the content and the hash of the chained row before it (``id`` - 1). ``id`` is
    # the position in the chain, shared with the ratings. ``entity`` names what the event changed
    # ("dossier:12", "staff:3", "setting:agency.hotline", …) and ``state`` is the digest of that
    # entity's stored rows right after it (onestop.ledger), which ``verify`` compares with the rows.
    Column("id", _ChainId, primary_key=True, autoincrement=False),
    Column("dossier_id", Integer, ForeignKey("dossiers.id"), nullable=True, index=True),
    Column("action", String(30), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("from_unit_id", Integer, ForeignKey("units.id"), nullable=True),
    Column("to_unit_id", Integer, ForeignKey("units.id"), nullable=True),
    Column("note", Text, nullable=False),
    Column("data", Text, nullable=False),  # JSON of action-specific details
    Column("hash", String(64), nullable=False),
    Column("entity", String(120), nullable=True),
    Column("state", String(64), nullable=True),
    # The report's pass over the results by the officer who recorded them (covering).
    Index("ix_events_report", "at", "action", "user_id", "from_unit_id", "dossier_id"),
    # Its groups per officer and unit, streamed in index order (the report lists both keys).
    Index("ix_events_officer", "user_id", "action", "from_unit_id", "at", "dossier_id"),
    # The handovers of each dossier in order, all the figures per step read (onestop.db.tally).
    Index(
        "ix_events_handover",
        "dossier_id",
        "id",
        "action",
        "at",
        "from_unit_id",
        "data",
        sqlite_where=text(HANDOVER_WHERE),
        postgresql_where=text(HANDOVER_WHERE),
    ),
)

chain_head = Table(
    "chain_head",
    metadata,
    # The last link of the tamper-evident chain (one row). Locked by every writer that appends.
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)

ratings = Table(
    "ratings",
    metadata,
    # A citizen's rating of one service (a dossier's receipt or return), chained with the history:
    # ``id`` is its position in the same chain as the events. Append-only; one per dossier and event.
    Column("id", _ChainId, primary_key=True, autoincrement=False),
    Column("dossier_id", Integer, ForeignKey("dossiers.id"), nullable=False),
    Column("event", String(20), nullable=False),  # receipt | return
    Column("clerk_id", Integer, ForeignKey("staff.id"), nullable=False),  # who served
    Column("level", String(30), nullable=False),
    Column("scale", Integer, nullable=False),
    Column("satisfied", Boolean, nullable=False),  # as the settings counted it that day
    Column("reasons", String(255), nullable=False),  # comma-separated keys
    Column("channel", String(20), nullable=False),  # kiosk | paper | phone
    Column("entered_by", Integer, ForeignKey("staff.id"), nullable=True),
    Column("at", UTCDateTime, nullable=False, index=True),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("dossier_id", "event", name="uq_ratings_dossier_event"),
    Index("ix_ratings_report", "at", "level", "satisfied", "event", "reasons", "clerk_id", "dossier_id"),
    # The report's groups per clerk, event and level, streamed in index order (keys listed).
    Index("ix_ratings_clerk", "clerk_id", "event", "level", "satisfied", "at", "reasons", "dossier_id"),
)

directives = Table(
    "directives",
    metadata,
    # The head of agency's directive on a dossier: to whom, what, by when; shown on the addressee's
    # screen until answered. Under the chain (entity "directive:<id>") and in the dossier's history.
    Column("id", Integer, primary_key=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id"), nullable=False, index=True),
    Column("to_user_id", Integer, ForeignKey("staff.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("due_at", UTCDateTime, nullable=True),
    Column("created_by", Integer, ForeignKey("staff.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("answer", Text, nullable=True),
    Column("answered_at", UTCDateTime, nullable=True),
    Column("answered_by", Integer, ForeignKey("staff.id"), nullable=True),
)

files = Table(
    "files",
    metadata,
    # The digitised files, each stored once, named by the SHA-256 of its bytes (onestop.db.files says
    # why they live in the database). Not chained row by row: the name is the content's digest, which
    # ``verify`` recomputes, and the chained attachments name the files by it.
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(50), nullable=False),  # application/pdf
    Column("created_at", UTCDateTime, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

attachments = Table(
    "attachments",
    metadata,
    # A digitised component of a dossier (``document``: its place in the receipt's list, 1-based) or
    # its electronic result (``kind`` "result", ``document`` NULL). A later attachment for the same
    # place replaces it as the current scan; the earlier one stays. ``reused_from``: the earlier
    # dossier's attachment whose file this one reuses (NĐ 45/2020), same ``sha256``, no copy.
    # Under the chain (entity "attachment:<id>") and in the dossier's history.
    Column("id", Integer, primary_key=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),  # component | result
    Column("document", Integer, nullable=True),
    Column("sha256", String(64), ForeignKey("files.sha256"), nullable=False, index=True),
    Column("pages", Integer, nullable=False),
    Column("attached_by", Integer, ForeignKey("staff.id"), nullable=False),
    Column("attached_at", UTCDateTime, nullable=False),
    Column("reused_from", Integer, ForeignKey("attachments.id"), nullable=True),
)

rating_requests = Table(
    "rating_requests",
    metadata,
    # The counter asks the kiosk to show the rating prompt (a kiosk in another process polls). A
    # queue, not a record: what counts is the rating, which is chained.
    Column("id", Integer, primary_key=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id"), nullable=False),
    Column("event", String(20), nullable=False),
    Column("clerk_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("station", String(100), nullable=False),  # the counter that asked
    Column("state", String(20), nullable=False),  # pending | showing | rated | timeout | cancelled
    Column("kiosk", String(100), nullable=False),  # the kiosk that took it
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_rating_requests_state", "state", "id"),
)

# ---------------------------------------------------------------------------- report tallies
# What the period report adds up, per day (in the agency's zone, at ``tally_meta.offset_seconds``
# from UTC) and group key: kept in the same transaction as the event or rating they count
# (onestop.db.tally), so a yearly report reads a few thousand rows instead of a million dossiers.
# Derived, never entered: ``verify`` recounts them from the dossiers, events and ratings.

tally_meta = Table(
    "tally_meta",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # one row, id 1
    Column("offset_seconds", Integer, nullable=False),  # the zone's offset the days were cut at
)

tally_dossiers = Table(
    "tally_dossiers",
    metadata,
    # Per day, procedure and receiving clerk: received that day (and of those, refused, stopped or
    # withdrawn since), and with a result that day (on time or late, and the seconds they took
    # against the seconds allowed).
    Column("day", Integer, primary_key=True, autoincrement=False),  # days since 1970-01-01, local
    Column("procedure_id", Integer, primary_key=True, autoincrement=False),
    Column("received_by", Integer, primary_key=True, autoincrement=False),
    Column("received", Integer, nullable=False),
    Column("refused", Integer, nullable=False),
    Column("stopped", Integer, nullable=False),
    Column("withdrawn", Integer, nullable=False),
    Column("on_time", Integer, nullable=False),
    Column("late", Integer, nullable=False),
    Column("busy_seconds", BigInteger, nullable=False),
    Column("allowed_seconds", BigInteger, nullable=False),
)

tally_officers = Table(
    "tally_officers",
    metadata,
    # Per day, officer who recorded the result and the unit they recorded it for (0: none).
    Column("day", Integer, primary_key=True, autoincrement=False),
    Column("user_id", Integer, primary_key=True, autoincrement=False),
    Column("unit_id", Integer, primary_key=True, autoincrement=False),
    Column("on_time", Integer, nullable=False),
    Column("late", Integer, nullable=False),
    Column("busy_seconds", BigInteger, nullable=False),
    Column("allowed_seconds", BigInteger, nullable=False),
)

tally_ratings = Table(
    "tally_ratings",
    metadata,
    # Per day, clerk rated, event, level, satisfied, reasons given and the dossier's procedure.
    Column("day", Integer, primary_key=True, autoincrement=False),
    Column("clerk_id", Integer, primary_key=True, autoincrement=False),
    Column("event", String(20), primary_key=True),
    Column("level", String(30), primary_key=True),
    Column("satisfied", Boolean, primary_key=True),
    Column("reasons", String(255), primary_key=True),
    Column("procedure_id", Integer, primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
)

tally_steps = Table(
    "tally_steps",
    metadata,
    # Per day and unit (0: the counter), the steps that ended that day (a transfer on, the result,
    # the return): how many, the seconds the unit held them, how many were judged against the
    # unit's allotted time then (the handover event's data says "step") and how many were late.
    Column("day", Integer, primary_key=True, autoincrement=False),
    Column("unit_id", Integer, primary_key=True, autoincrement=False),
    Column("steps", Integer, nullable=False),
    Column("held_seconds", BigInteger, nullable=False),
    Column("judged", Integer, nullable=False),
    Column("late", Integer, nullable=False),
)
