"""HTTP guards in front of the Gradio app: Host allowlist, CSP, proxy trust, login limits.

A pure ASGI middleware (streaming responses pass straight through). A request whose
``Host`` or ``Origin`` is not on the allowlist is refused, which defeats DNS
rebinding; every response carries a Content-Security-Policy that forbids remote
images, frames, form posts elsewhere and plugins, as a second wall behind escaping.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from coach.security.accounts import LoginLimiter

Scope = MutableMapping[str, Any]
ASGIApp = Callable[..., Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)
EXTRA_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def split_list(value: str) -> list[str]:
    return [item.strip().lower() for item in value.split(",") if item.strip()]


def host_name(value: str) -> str:
    """``example.com:7860`` → ``example.com``; ``[::1]:7860`` → ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_host_list(allowed_hosts: str, bind_host: str) -> list[str]:
    """The configured names, plus the bound address when it is one concrete address."""
    names = split_list(allowed_hosts)
    try:
        if not ipaddress.ip_address(bind_host).is_unspecified:
            names.append(bind_host.lower())
    except ValueError:
        names.append(bind_host.lower())
    return names


def host_allowed(host: str, allowed: list[str]) -> bool:
    if "*" in allowed:
        return True
    name = host_name(host)
    return bool(name) and name in allowed


class WebGuard:
    """Refuses foreign Host/Origin and untrusted clients; adds security headers."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        allowed: list[str],
        limiter: LoginLimiter,
        trusted_proxies: list[str] | None = None,
    ) -> None:
        self.app = app
        self.allowed = allowed
        self.limiter = limiter
        self.trusted_proxies = trusted_proxies  # None: no proxy mode

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        client = (scope.get("client") or ("", 0))[0]
        origin = headers.get("origin")
        if not host_allowed(headers.get("host", ""), self.allowed):
            await refuse(scope, send, 421, "This host name is not served here.")
            return
        if origin and origin != "null" and not host_allowed(urlsplit(origin).netloc, self.allowed):
            await refuse(scope, send, 403, "Cross-origin requests are not accepted.")
            return
        if self.trusted_proxies is not None and client not in self.trusted_proxies:
            await refuse(scope, send, 403, "Only the authenticating proxy may connect.")
            return
        is_login = (
            scope["type"] == "http"
            and scope.get("method") == "POST"
            and (scope.get("path", "").rstrip("/").endswith("/login"))
        )
        if is_login and self.limiter.blocked(client):
            await refuse(scope, send, 429, "Too many failed logins; wait a few minutes.")
            return

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                if is_login and message.get("status") != 200:
                    self.limiter.failed(client)
                message["headers"] = [*message.get("headers", []), *EXTRA_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def refuse(scope: Scope, send: Any, status: int, text: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *EXTRA_HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": text.encode()})


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (a loopback address or "localhost")."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, has_auth: bool) -> str | None:
    """A warning when the UI is reachable beyond this machine without a password."""
    if is_loopback(host) or has_auth:
        return None
    return (
        f"warning: serving on {host} without a password; anyone who can reach this port can "
        "read conversations. Set COACH_AUTH_USERNAME and COACH_AUTH_PASSWORD."
    )
