"""The HTTP guard and the trusted-proxy mode: hosts, origins, proxy addresses, login limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gradio_client import Client
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from coach.security.accounts import LoginLimiter
from coach.security.web import WebGuard, allowed_host_list, host_allowed, host_name
from tests.ui_server import running_ui


def guarded(**kwargs) -> TestClient:
    async def hello(request):
        return PlainTextResponse("hello")

    async def login(request):
        form = await request.form()
        return PlainTextResponse("ok", status_code=200 if form.get("password") == "right" else 400)

    app = Starlette(routes=[Route("/", hello), Route("/login", login, methods=["POST"])])
    app.add_middleware(WebGuard, **kwargs)
    return TestClient(app)


def test_host_names_are_parsed_and_matched_exactly() -> None:
    assert host_name("[::1]:7860") == "::1" and host_name("Example.COM:80") == "example.com"
    allowed = allowed_host_list("127.0.0.1,localhost,::1", "0.0.0.0")
    assert allowed == ["127.0.0.1", "localhost", "::1"]
    assert "10.1.2.3" in allowed_host_list("localhost", "10.1.2.3")
    assert host_allowed("localhost:7860", allowed) and host_allowed("[::1]:1", allowed)
    for bad in ("evil.example", "localhost.evil.example", "127.0.0.1.nip.io", ""):
        assert not host_allowed(bad, allowed)


def test_guard_refuses_foreign_host_origin_and_untrusted_clients() -> None:
    client = guarded(allowed=["testserver"], limiter=LoginLimiter())
    ok = client.get("/")
    assert ok.status_code == 200 and "img-src 'self'" in ok.headers["content-security-policy"]
    assert ok.headers["x-frame-options"] == "DENY"
    assert client.get("/", headers={"host": "evil.example"}).status_code == 421
    assert client.get("/", headers={"origin": "http://evil.example"}).status_code == 403
    assert client.get("/", headers={"origin": "http://testserver"}).status_code == 200
    proxied = guarded(allowed=["testserver"], limiter=LoginLimiter(), trusted_proxies=["10.0.0.9"])
    assert proxied.get("/").status_code == 403  # the test client is not the proxy
    trusted = guarded(
        allowed=["testserver"], limiter=LoginLimiter(), trusted_proxies=["testclient"]
    )
    assert trusted.get("/").status_code == 200


def test_failed_logins_are_limited_per_address() -> None:
    client = guarded(allowed=["testserver"], limiter=LoginLimiter(limit=3, window=60))
    codes = [client.post("/login", data={"password": "wrong"}).status_code for _ in range(5)]
    assert codes == [400, 400, 400, 429, 429]
    assert client.post("/login", data={"password": "right"}).status_code == 429
    fresh = guarded(allowed=["testserver"], limiter=LoginLimiter(limit=3, window=60))
    assert fresh.post("/login", data={"password": "right"}).status_code == 200


@pytest.mark.slow  # a real UI process behind a proxy; `make test` and CI run it
def test_behind_a_trusted_proxy_each_named_user_sees_only_their_sessions(tmp_path: Path) -> None:
    with running_ui(
        tmp_path, COACH_AUTH_TRUSTED_HEADER="X-Forwarded-User", COACH_TRUSTED_PROXIES="127.0.0.1"
    ) as url:
        alice = Client(url, verbose=False, headers={"X-Forwarded-User": "alice"})
        out = alice.predict("I'm a senior engineer. ALICE-PRIVATE", None, None, api_name="/turn")
        sid = out[3]
        again = Client(url, verbose=False, headers={"X-Forwarded-User": "alice"})
        assert "ALICE-PRIVATE" in json.dumps(again.predict(None, sid, api_name="/load")[0])
        bob = Client(url, verbose=False, headers={"X-Forwarded-User": "bob"})
        seen = bob.predict(None, sid, api_name="/load")
        assert seen[2] is None and "ALICE-PRIVATE" not in json.dumps(seen)
    owner = (
        __import__("sqlite3")
        .connect(tmp_path / "data" / "sessions.sqlite3")
        .execute("SELECT owner FROM sessions WHERE id = ?", (sid,))
    )
    assert owner.fetchone()[0] == "user:alice"
