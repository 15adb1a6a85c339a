"""Accounts for the UI: a users file of bcrypt hashes, and a login attempt limiter.

The file holds one ``name:hash`` line per user, mode 0600. Passwords are hashed with
bcrypt (a maintained library; no home-made crypto), which also makes each guess slow.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections import deque
from pathlib import Path

import bcrypt

from coach.errors import ConfigError

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72  # bcrypt's own limit; longer ones are refused, not cut


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"The password is too short; use at least {MIN_PASSWORD} characters.")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise ConfigError(f"The password is longer than {MAX_PASSWORD_BYTES} bytes.")


def read_users(path: Path) -> dict[str, bytes]:
    """Name → bcrypt hash; a missing file means no accounts."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"Cannot read the users file {path} ({exc.strerror}).") from None
    users: dict[str, bytes] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, hashed = line.strip().partition(":")
        if not sep or not NAME.match(name) or not hashed.startswith("$2"):
            raise ConfigError(f"The users file {path} has a malformed line {number}.")
        users[name] = hashed.encode("ascii")
    return users


def add_user(path: Path, name: str, password: str) -> bool:
    """Add or replace ``name``; True if it replaced an existing account."""
    if not NAME.match(name):
        raise ConfigError(
            f"User name {name[:70]!r} is not allowed; use letters, digits, '.', '_', '@', '-'."
        )
    check_new_password(password)
    users = read_users(path)
    replaced = name in users
    users[name] = bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt())
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(f"{n}:{h.decode('ascii')}\n" for n, h in sorted(users.items()))
    os.replace(temp, path)
    return replaced


class UsersFile:
    """Checks passwords against the users file, re-read when it changes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, username: str, password: str) -> bool:
        hashed = read_users(self.path).get(username)
        encoded = password.encode("utf-8")
        if hashed is None or len(encoded) > MAX_PASSWORD_BYTES:
            return False
        return bcrypt.checkpw(encoded, hashed)


class LoginLimiter:
    """At most ``limit`` failed logins per client address in ``window`` seconds."""

    def __init__(self, limit: int = 10, window: float = 300.0) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(client, deque())
        while failures and now - failures[0] > self.window:
            failures.popleft()
        return failures

    def blocked(self, client: str) -> bool:
        with self._lock:
            return len(self._recent(client, time.monotonic())) >= self.limit

    def failed(self, client: str) -> None:
        with self._lock:
            self._recent(client, time.monotonic()).append(time.monotonic())
