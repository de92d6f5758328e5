"""The one way to reach files shipped in ``resources/`` (fonts, demo catalogue, calendar)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any


def resource(*parts: str) -> Traversable:
    """A shipped resource, e.g. ``resource("fonts", "LiberationSerif-Regular.ttf")``."""
    node = resources.files("onestop.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def resource_path(*parts: str) -> Path:
    """A real file path to a shipped resource (fonts must be read from disk by reportlab and Qt)."""
    node = resource(*parts)
    # Installed as files (wheel or editable): Traversable is a Path already.
    return Path(str(node))


@cache
def load_json(*parts: str) -> Any:
    """A shipped JSON document, parsed once per process."""
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
