"""The period report on a big database: from the tallies (onestop.db.tally) and counting the rows.

    .venv/bin/python benchmarks/report_year.py sqlite:////tmp/big.db [--year 2026] [--rounds 5]

Signs in as ``lanhdao`` (password ``demo``, a demo database) once, then times
``svc.reports.report`` in one process for the year, a month and a day, each from the tallies and
from the rows (the path a period the tallies cannot answer for takes), in alternating rounds;
prints the medians and checks both give the same report. Then the whole ``onestop report`` process
for the year (start-up, sign-in and printing included), for scale.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from onestop.app import open_services
    from onestop.db import tally

    svc = open_services(args.url)
    head = svc.staff.sign_in("lanhdao", "demo")
    y = args.year
    periods = {
        "year": (date(y, 1, 1), date(y, 12, 31)),
        "month": (date(y, 11, 1), date(y, 11, 30)),
        "day": (date(y, 11, 16), date(y, 11, 16)),
    }
    tallies = tally.period_days

    def run(period: tuple[date, date], rows: bool) -> tuple[float, dict[str, Any]]:
        tally.period_days = (lambda *_: None) if rows else tallies  # type: ignore[assignment]
        start = time.perf_counter()
        out = svc.reports.report(*period, actor=head)
        return time.perf_counter() - start, out

    print(f"{'period':<8}{'received':>10}{'tallies (median)':>20}{'rows (median)':>18}")
    for name, period in periods.items():
        run(period, False)  # warm-up: the file's pages in the cache
        fast, slow = [], []
        for _ in range(args.rounds):
            t1, a = run(period, False)
            t2, b = run(period, True)
            fast.append(t1)
            slow.append(t2)
            assert a == b, f"{name}: the tallies and the rows disagree"
        print(
            f"{name:<8}{a['received']:>10,}{statistics.median(fast) * 1000:>17.0f} ms"
            f"{statistics.median(slow) * 1000:>15.0f} ms"
        )
    tally.period_days = tallies
    onestop = Path(sys.executable).with_name("onestop")
    env = dict(os.environ, ONESTOP_USER="lanhdao", ONESTOP_PASSWORD="demo")
    times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        subprocess.run(
            [str(onestop), "--db", args.url, "report", "--from", f"{y}-01-01", "--to", f"{y}-12-31"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    print(f"onestop report, the year, whole process: median {statistics.median(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
