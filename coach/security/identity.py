"""Who is asking: the owner of a session, proved to the server, never taken on trust.

Owners are plain strings stored beside each session: ``local`` for the CLI on its own
data dir, ``user:NAME`` for an authenticated account, ``anon:ID`` for a browser
without an account. An anonymous browser holds a token ``ID.SIGNATURE`` signed with
the server secret (HMAC-SHA256), so a client cannot claim another browser's ID, and
a restart (same secret) keeps every browser's conversations.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from coach.errors import ConfigError
from coach.settings import Settings

LOCAL_OWNER = "local"
SECRET_FILE = "secret.key"
MAX_TOKEN_CHARS = 200


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def load_secret(settings: Settings) -> bytes:
    """The server secret: ``COACH_SECRET_KEY``, else one generated once into the data dir."""
    if settings.secret_key is not None and settings.secret_key.get_secret_value():
        return settings.secret_key.get_secret_value().encode("utf-8")
    path = settings.data_dir / SECRET_FILE
    try:
        return _read_or_create_secret(path)
    except OSError as exc:
        raise ConfigError(
            f"Cannot keep the server secret in {path} ({exc.strerror}); set COACH_SECRET_KEY "
            "or COACH_DATA_DIR to a writable folder."
        ) from None


def _read_or_create_secret(path: Path) -> bytes:
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    try:
        # O_EXCL: two processes starting at once agree on the first one's secret.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        data = path.read_bytes().strip()
        if len(data) >= 32:
            return data
        raise OSError(0, "the secret file is shorter than 32 bytes") from None
    value = secrets.token_urlsafe(48).encode("ascii")
    with os.fdopen(fd, "wb") as handle:
        handle.write(value)
    return value


class Signer:
    """Issues and checks anonymous browser tokens and derives stable sub-keys."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, purpose: str, value: str) -> str:
        digest = hmac.new(self._secret, f"{purpose}\x00{value}".encode(), hashlib.sha256)
        return _b64(digest.digest())

    def derive(self, purpose: str) -> str:
        """A stable value for ``purpose`` that reveals nothing about the secret."""
        return self._mac("derive", purpose)

    def new_token(self) -> str:
        browser_id = secrets.token_urlsafe(18)
        return f"{browser_id}.{self._mac('browser', browser_id)}"

    def owner_of_token(self, token: object) -> str | None:
        """``anon:ID`` for a well-signed token, None for anything else (any type)."""
        if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
            return None
        browser_id, _, signature = token.partition(".")
        if not browser_id or not signature:
            return None
        if not hmac.compare_digest(signature, self._mac("browser", browser_id)):
            return None
        return f"anon:{browser_id}"


def user_owner(username: str) -> str:
    return f"user:{username}"
