"""Password hashes for staff accounts: scrypt from the standard library, salted, self-describing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

_N, _R, _P = 2**14, 8, 1


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
