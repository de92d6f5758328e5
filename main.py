"""Start onestop: ``python main.py [arguments]`` is the same as the ``onestop`` command."""

from onestop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
