"""Password hashes for staff accounts: scrypt from the standard library, salted, self-describing.

The cost of new hashes is scrypt n=2^13, r=8, p=1 (8 MiB of memory, about 25 ms a check on the
development machine), half of the n=2^14 used before (about 50 ms). The trade-off, for a security reviewer:

- Every command of the command line signs in, so the check is paid by every ``onestop show``; at
  2^14 it was the largest cost of ``onestop show`` after importing SQLAlchemy.
- Online guessing is bounded by the lock-out, not by the hash: ``auth.max_failed_logins`` (5 by
  default) failures in a row lock the account until an administrator unlocks it, and every refused
  sign-in takes at least 0.35 s (``services/staff.py``). The hash cost only matters to someone who
  has stolen the database file.
- Against such an offline attacker 2^13 is still memory-hard (8 MiB a guess) and costs half of
  2^14: one bit of password strength less. Neither setting reaches OWASP's recommendation for scrypt
  (n=2^17, r=8, p=1 or an equivalent), which is tuned for servers that check a password per login,
  not per command; the file itself is protected by the operating system's permissions (one writer
  PC per SQLite file) and, on PostgreSQL, by the server's accounts.
- A command's check no longer costs it the check's time, without lowering the cost: a script's
  sign-in (``ONESTOP_PASSWORD``, an SQLite file) reads the account's hash read-only and runs scrypt
  in a thread while the command imports SQLAlchemy (``EarlyCheck``; scrypt releases the GIL);
  otherwise the check runs beside the command's own imports (``StaffService.sign_in(meanwhile=)``).
  Either way ``sign_in`` reads the account itself, uses an early outcome only for the very hash and
  password it holds, and nothing that needs the account (a dossier) is read before the check ends.
- Stored hashes carry their own parameters (``scrypt$N$R$P$salt$digest``): hashes made at 2^14
  still verify, unchanged. Raising the cost again later needs only a new ``_N`` here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
from collections.abc import Callable

_N, _R, _P = 2**13, 8, 1


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt_b64), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


_DUMMY = f"scrypt${_N}${_R}${_P}${base64.b64encode(b'onestop-dummy-salt').decode()}${base64.b64encode(bytes(32)).decode()}"


def dummy_check(password: str) -> None:
    """Spend the time of a real check (an unknown user name must not answer faster)."""
    check_password(password or "", _DUMMY)


class EarlyCheck:
    """A password check started before the database layer is loaded (a command's sign-in).

    A thread reads the account's stored hash with ``read_stored`` and checks ``password`` against
    it; scrypt releases the GIL, so the check runs while the command imports SQLAlchemy.
    ``StaffService.sign_in`` still reads the account itself and takes the outcome only for the very
    hash it read (``outcome_for``); anything else (no hash read, another hash, an error) leaves the
    check to it, as without this. It decides nothing: it only saves the time of a check."""

    def __init__(self, password: str, read_stored: Callable[[], str | None]) -> None:
        self._password = password
        self._read_stored = read_stored
        self._stored: str | None = None
        self._outcome: bool | None = None
        self._thread = threading.Thread(target=self._run, name="password-check-early", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            stored = self._read_stored()
            if stored is not None:
                self._outcome = check_password(self._password, stored)
                self._stored = stored
        except Exception:  # sign_in checks again, and reports what goes wrong
            self._stored = None

    def outcome_for(self, password: str, stored: str) -> bool | None:
        """The check's outcome when it was of this password against this stored hash, else None."""
        self._thread.join()
        if self._stored is None or self._stored != stored or self._password != password:
            return None
        return self._outcome
