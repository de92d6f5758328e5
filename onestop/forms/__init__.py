"""The printed papers of the one-stop counter (TT 03/2025/TT-VPCP, Phụ lục I): Mẫu 01 to 07.

Pure renderers: a frozen dataclass from :mod:`onestop.forms.model` in, PDF bytes out; no database,
no Qt. ``render_form("03", data)`` renders any of them; each module also has its own functions
(``receipt_bytes``, ``guidance_bytes``, …).

Importing this package costs nothing: reportlab is loaded by the first rendering, so the services
can import :mod:`onestop.forms.model` without paying for it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from onestop.forms.model import FORM_TITLES

__all__ = ["FORM_TITLES", "render_form"]

# Mẫu -> (module, bytes function, dataclass name)
_RENDERERS: dict[str, tuple[str, str, str]] = {
    "01": ("receipt", "receipt_bytes", "ReceiptData"),
    "02": ("guidance", "guidance_bytes", "GuidanceData"),
    "03": ("refusal", "refusal_bytes", "RefusalData"),
    "04": ("apology", "apology_bytes", "ApologyData"),
    "05": ("stop", "stop_bytes", "StopData"),
    "06": ("control", "control_bytes", "ControlSheetData"),
    "07": ("register", "register_bytes", "RegisterData"),
}


def render_form(kind: str, data: Any) -> bytes:
    """Mẫu ``kind`` ("01".."07", see ``FORM_TITLES``) of ``data`` as PDF bytes.

    ``data`` must be the form's dataclass (``ReceiptData`` for "01", ``GuidanceData`` for "02", …,
    ``RegisterData`` for "07"); anything else raises ``TypeError``, an unknown kind ``ValueError``.
    """
    try:
        module, function, expected = _RENDERERS[kind]
    except KeyError:
        raise ValueError(f"unknown form {kind!r}: expected one of {', '.join(_RENDERERS)}") from None
    if type(data).__name__ != expected or type(data).__module__ != "onestop.forms.model":
        raise TypeError(f"Mẫu {kind} renders a {expected}, not a {type(data).__name__}")
    render = getattr(import_module(f"onestop.forms.{module}"), function)
    pdf: bytes = render(data)
    return pdf
