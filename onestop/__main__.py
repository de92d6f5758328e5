"""``python -m onestop [arguments]`` is the same as the ``onestop`` command."""

from onestop.cli import main

# Guarded: tools that import every module of the package (pkgutil.walk_packages) must not start it.
if __name__ == "__main__":
    raise SystemExit(main())
