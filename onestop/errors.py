"""Typed errors of the core.

``UserError`` (and its subclasses) carry a Vietnamese message meant for the person at the counter
or the administrator at the command line; the GUI shows it in a dialog, the CLI prints it and exits
with code 2. Anything else that escapes is a bug or an environment failure (exit code 1).
"""

from __future__ import annotations


class OnestopError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class UserError(OnestopError):
    """Invalid input or a request not allowed now: nothing was written (exit code 2)."""


class ValidationError(UserError):
    """A field failed validation; ``field`` names it (the Vietnamese label is in the message)."""


class NotFoundError(UserError):
    """The thing asked for (a dossier code, a procedure, a unit) does not exist."""


class PermissionDenied(UserError):
    """The acting user may not do this."""


class StorageError(OnestopError):
    """The database is unreachable, locked for too long, full, or of an unknown schema (exit 1)."""
