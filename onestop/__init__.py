"""onestop: the desktop application of a Vietnamese one-stop counter (Bộ phận Một cửa).

The package ``onestop`` is the core: domain rules, services, storage and printed forms. It never
imports Qt; the GUI lives in ``onestop.ui`` and only adapts the core.

Glossary: hồ sơ = dossier, thủ tục (TTHC) = procedure, hẹn trả = appointment (due moment),
tiếp nhận = receive, cán bộ tiếp nhận = clerk, đơn vị = unit, lĩnh vực = field.
"""

__version__ = "0.1.0"
