"""The floor of ``onestop verify`` (issue #7): read every chained row (events, ratings) of an SQLite
file with plain ``sqlite3`` and SHA-256 each, nothing else. ``python benchmarks/verify_floor.py FILE``."""

import hashlib
import sqlite3
import sys
import time

t0 = time.perf_counter()
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
sha = hashlib.sha256
n = 0
for sql in (
    "SELECT hash, id, dossier_id, action, at, user_id, from_unit_id, to_unit_id, note, data, entity, state FROM events",
    "SELECT hash, id, dossier_id, event, clerk_id, level, scale, satisfied, reasons, channel, entered_by, at"
    " FROM ratings",
):
    for row in conn.execute(sql):
        sha("\x1f".join(["-" if v is None else str(v) for v in row]).encode()).hexdigest()
        n += 1
print(f"{n} rows read and hashed in {time.perf_counter() - t0:.2f} s")
