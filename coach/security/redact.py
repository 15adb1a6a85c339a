"""One place that hides credentials in addresses: ``https://user:key@host/v1?api-key=…``.

Shown URLs keep only scheme, host, port and path; user info, query and fragment go.
``redact_text`` also replaces any configured secret that appears verbatim in a text.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from coach.settings import Settings

URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")
HIDDEN = "********"


def redact_url(url: str) -> str:
    """The address without user info, query or fragment."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return HIDDEN
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{port}{parts.path}"


def redact_text(text: str, settings: Settings | None = None) -> str:
    """Every URL in ``text`` redacted, and every configured secret replaced."""
    out = URL.sub(_redact_match, text)
    if settings is not None:
        for secret in secret_values(settings):
            out = out.replace(secret, HIDDEN)
    return out


def _redact_match(match: re.Match[str]) -> str:
    """Trailing punctuation belongs to the sentence, not to the address."""
    url = match.group(0)
    tail = len(url) - len(url.rstrip(".,;:)!?"))
    return redact_url(url[: len(url) - tail]) + url[len(url) - tail :]


def secret_values(settings: Settings) -> list[str]:
    values = []
    for value in (
        settings.llm.api_key,
        settings.chroma.token,
        settings.auth.password,
        settings.secret_key,
    ):
        if value is not None and len(value.get_secret_value()) >= 4:
            values.append(value.get_secret_value())
    url = settings.llm.base_url or ""
    try:
        parts = urlsplit(url)
        values += [v for v in (parts.password, parts.username, parts.query) if v and len(v) >= 4]
    except ValueError:
        pass
    return values
