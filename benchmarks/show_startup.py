"""``onestop show CODE`` as a whole process beside its floor (``benchmarks/show_floor.py``).

    .venv/bin/python benchmarks/show_startup.py --db /tmp/show/x.db [--runs 15] [--user tiepnhan1]

The database must exist (``onestop --db sqlite:////tmp/show/x.db demo --dossiers 20000`` makes one;
the demo's passwords are "demo"). Every round runs each command once, in an order that alternates
from round to round, each ``show`` and floor with another random code, so that the machine's load
hits all of them alike. Prints the median and the minimum of each command (wall and CPU time), and
show ÷ floor.

``--compare DIR`` also runs ``show`` from another copy of the source (``git archive main | tar -x -C
DIR``), with the same interpreter and packages, in the same rounds: before and after a change.
The package's bytecode is compiled first, as an installed program's is (``pip install`` compiles
it); with ``PYTHONDONTWRITEBYTECODE`` set, every run would otherwise compile onestop from source.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--user", default="tiepnhan1")
    ap.add_argument("--password", default="demo")
    ap.add_argument("--compare", type=Path, help="another copy of the source whose show runs alongside")
    args = ap.parse_args()
    for source in (HERE.parent, args.compare):
        if source is not None:
            compileall.compile_dir(str(source / "onestop"), quiet=1)
    url = f"sqlite:///{args.db.resolve()}"
    with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as conn:
        codes = [c for (c,) in conn.execute("SELECT code FROM dossiers ORDER BY random() LIMIT 200")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONESTOP_")}
    env |= {"ONESTOP_USER": args.user, "ONESTOP_PASSWORD": args.password}
    py = sys.executable
    show = [py, "-c", "import sys; from onestop.cli import main; sys.exit(main())"]  # the console script
    commands = {
        "onestop show CODE": lambda code: [*show, "--db", url, "show", code],
        "floor (show_floor.py)": lambda code: [py, str(HERE / "show_floor.py"), url, args.user, code],
        "python -c 'import sqlalchemy'": lambda _c: [py, "-c", "import sqlalchemy"],
        "python -c pass": lambda _c: [py, "-c", "pass"],
    }
    if args.compare is not None:
        commands["show (--compare)"] = lambda code: [
            "env",
            f"PYTHONPATH={args.compare}",
            *show,
            "--db",
            url,
            "show",
            code,
        ]

    def run(cmd: list[str]) -> tuple[float, float]:
        """Wall time and CPU time (user + system) of one run of ``cmd``."""
        started = time.perf_counter()
        child = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=tempfile.gettempdir()
        )
        assert child.stderr is not None
        errors = child.stderr.read()
        _pid, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stderr.close()
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed (exit {child.returncode}): {errors.decode()}")
        return took, usage.ru_utime + usage.ru_stime

    rng = random.Random(1)
    for make in commands.values():  # warm the disk cache
        run(make(rng.choice(codes)))
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    load = [os.getloadavg()[0]]
    for i in range(args.runs):
        names = list(commands) if i % 2 == 0 else list(reversed(commands))
        code = rng.choice(codes)
        for name in names:
            took, used = run(commands[name](code))
            wall[name].append(took)
            cpu[name].append(used)
    load.append(os.getloadavg()[0])
    print(f"{args.runs} interleaved rounds, load average {load[0]:.1f} before, {load[1]:.1f} after")
    print(f"  {'':<32} {'wall median':>12} {'wall min':>9} {'CPU median':>11} {'CPU min':>8}")
    for name in commands:
        print(
            f"  {name:<32} {ms(statistics.median(wall[name])):>12} {ms(min(wall[name])):>9}"
            f" {ms(statistics.median(cpu[name])):>11} {ms(min(cpu[name])):>8}"
        )
    floor = "floor (show_floor.py)"
    for show in [name for name in commands if name.startswith("onestop show") or name.startswith("show")]:
        for label, data in (("wall", wall), ("CPU", cpu)):
            print(
                f"  {show} / floor ({label}): {statistics.median(data[show]) / statistics.median(data[floor]):.2f}×"
                f" (medians), {min(data[show]) / min(data[floor]):.2f}× (minimums),"
                f" {statistics.median(a / b for a, b in zip(data[show], data[floor], strict=True)):.2f}×"
                " (median of the rounds' ratios)"
            )
    return 0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
