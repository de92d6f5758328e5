"""The agency's settings (declared in ``onestop.settings``), shared by every counter."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.services.context import Context, public, requires
from onestop.settings import Settings, coerce


class ConfigService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @public
    def settings(self) -> Settings:
        """The settings as stored now (what the login window and the kiosk show is public)."""
        return self.ctx.settings()

    @requires(Act.MANAGE_SETTINGS)
    def set_settings(self, values: dict[str, Any], *, actor: Actor) -> list[str]:
        """Store ``values`` (each checked first: all or nothing); one chained event per key that
        changed. Returns the keys that changed."""
        clean = {key: coerce(key, value) for key, value in values.items()}

        def work(conn: Connection) -> list[str]:
            changed: list[str] = []
            stored = dict(conn.execute(select(t.settings.c.key, t.settings.c.value)).all())
            for key, value in clean.items():
                payload = json.dumps(value, ensure_ascii=False, sort_keys=True)
                if stored.get(key) == payload:
                    continue
                if key in stored:
                    conn.execute(update(t.settings).where(t.settings.c.key == key).values(value=payload))
                else:
                    conn.execute(insert(t.settings).values(key=key, value=payload))
                self.ctx.record(conn, actor=actor, action="setting", kind="setting", key=key)
                changed.append(key)
            if "agency.time_zone" in changed:  # the report's tallies cut days at the new zone's offset
                from zoneinfo import ZoneInfo

                from onestop.db import tally

                offset = tally.zone_offset(ZoneInfo(clean["agency.time_zone"]), self.ctx.now())
                if tally.offset_seconds(conn) != offset:
                    tally.rebuild(conn, offset)
            if changed:
                self.ctx.bump(conn)
            return changed

        changed = self.ctx.db.write(work)
        self.ctx.invalidate()
        return changed
