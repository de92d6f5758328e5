"""What kinds of data a write changed, so that every view showing them can refresh itself.

The idea is Anki's ``OpChanges``: a write reports *what kind* of data it touched, and each view decides
whether that concerns it. No Qt here: the services may one day return a ``Changes`` with their result;
until then the GUI declares it when it builds the write (``onestop.ui.ops.WriteOp(changes=...)``).
"""

from __future__ import annotations

import enum


class Changes(enum.Flag):
    """Kinds of data, combined with ``|``: ``Changes.DOSSIERS | Changes.RATINGS``."""

    NONE = 0
    DOSSIERS = enum.auto()  # hồ sơ: received, corrected, their events and receipt versions
    RATINGS = enum.auto()  # đánh giá: a citizen's or an entered rating
    SETTINGS = enum.auto()  # the agency's settings, office hours and time zone included
    STAFF = enum.auto()  # cán bộ: accounts, roles, passwords, locks
    CATALOG = enum.auto()  # thủ tục: the procedure catalogue and its versions
    CALENDAR = enum.auto()  # holidays, compensatory days, working Saturdays
    UNITS = enum.auto()  # đơn vị: the agency's units


__all__ = ["Changes"]
