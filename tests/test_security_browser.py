"""Hostile content in a real browser: nothing a model, a ladder or a user writes becomes markup.

A local chat-completions server answers with HTML (remote image, full-page overlay,
password form, unsafe links); a user ladder file and the user's own message carry the
same. A beacon listener counts every request the page makes to it: it must stay at 0.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port
from tests.test_ui_browser import CHROMIUM, browser  # noqa: F401 - the shared fixture
from tests.ui_server import running_ui

if CHROMIUM is None:  # pragma: no cover - test_ui_browser already skips the module
    pytest.skip("Chromium not installed", allow_module_level=True)

from playwright.sync_api import Page, expect


class Beacon:
    """A loopback listener that records every request path it receives."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.end_headers()

            do_POST = do_GET

        self.hits = hits
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


# A real Chromium against a real UI server: `make test` and CI run it; plain `pytest` skips it.
pytestmark = pytest.mark.slow


def payload(beacon: int, who: str) -> str:
    base = f"http://127.0.0.1:{beacon}"
    return (
        f'<img src="{base}/{who}-img"> '
        f'<div id="{who}-overlay" style="position:fixed;top:0;left:0;width:100%;height:100%;'
        f'background:white;z-index:9999">Session expired</div> '
        f'<form id="{who}-form" action="{base}/steal"><input type="password" name="pw"></form> '
        f"![t]({base}/{who}-md-img)"
    )


@pytest.fixture(scope="module")
def beacon() -> Iterator[Beacon]:
    b = Beacon()
    yield b
    b.server.shutdown()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, beacon: Beacon) -> Iterator[str]:
    home = tmp_path_factory.mktemp("ui-html")
    ladder = home / "ladder"
    ladder.mkdir()
    (ladder / "on-call-rotation.md").write_text(
        "# On-call rotation leadership\n\nLeading the on-call rotation and cutting pages is "
        "promotion evidence for a senior engineer on a maintenance team. "
        + payload(beacon.port, "ladder")
        + "\n",
        encoding="utf-8",
    )
    llm_port = free_port()
    llm = subprocess.Popen(
        [sys.executable, "tests/html_llm_server.py", str(llm_port), str(beacon.port)], cwd=REPO
    )
    try:
        with running_ui(
            home,
            COACH_LLM_BASE_URL=f"http://127.0.0.1:{llm_port}/v1",
            COACH_LLM_MODEL="html",
            COACH_LLM_MAX_RETRIES="0",
            COACH_LADDER_DIR=str(ladder),
        ) as url:
            yield url
    finally:
        llm.terminate()
        llm.wait(timeout=20)


def assert_inert(page: Page, beacon: Beacon) -> None:
    page.wait_for_timeout(1500)  # give any image or prefetch time to reach the beacon
    assert beacon.hits == [], beacon.hits
    for who in ("model", "user", "ladder"):
        assert page.locator(f"#{who}-overlay, #{who}-form").count() == 0, who
    assert page.locator("input[type=password]").count() == 0
    assert page.locator("#chat img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    covering = page.evaluate(
        """() => [...document.querySelectorAll('#chat *')].filter(e => {
            const s = getComputedStyle(e);
            return s.position === 'fixed' && e.getBoundingClientRect().width > 500;
        }).length"""
    )
    assert covering == 0


def test_html_from_model_ladder_and_user_renders_as_text_and_fetches_nothing(
    browser,  # noqa: F811
    hostile_server: str,
    beacon: Beacon,
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(hostile_server)
        expect(page.locator("#mode")).to_contain_text("html (a language model)")
        expect(page.locator("#mode")).not_to_contain_text("127.0.0.1")
        question = (
            "I lead the on-call rotation on a maintenance team; is that promotion evidence? "
            + payload(beacon.port, "user")
        )
        page.locator("#message textarea").fill(question)
        page.locator("#send").click()
        chat = page.locator("#chat")
        expect(chat).to_contain_text("What is your goal?", timeout=90_000)
        expect(chat).to_contain_text("Sources (")
        page.get_by_text("Sources (").first.click()
        expect(chat).to_contain_text("On-call rotation leadership")
        # the markup is shown as the text it is
        expect(chat).to_contain_text('<form id="model-form"')
        expect(chat).to_contain_text('<div id="user-overlay"')
        expect(chat).to_contain_text('<img src="http://127.0.0.1')
        assert_inert(page, beacon)
        page.reload()  # rendered again from the saved session
        expect(chat).to_contain_text("What is your goal?", timeout=30_000)
        page.get_by_text("Sources (").first.click()
        assert_inert(page, beacon)
    finally:
        context.close()


def test_a_browser_keeps_its_conversation_across_a_server_restart(
    browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    port = free_port()
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        with running_ui(tmp_path, port=port) as url:
            page.goto(url)
            page.locator("#message textarea").fill("Should I go for promotion this year?")
            page.locator("#send").click()
            expect(page.locator("#chat")).to_contain_text("Sources (", timeout=90_000)
        with running_ui(tmp_path, port=port) as url:
            page.goto(url)
            expect(page.locator("#chat")).to_contain_text(
                "Should I go for promotion this year?", timeout=30_000
            )
        other = browser.new_context()  # another browser on the same server sees nothing
        try:
            with running_ui(tmp_path, port=port) as url:
                stranger = other.new_page()
                stranger.goto(url)
                expect(stranger.locator("#mode")).to_contain_text("offline")
                stranger.wait_for_timeout(2000)
                expect(stranger.locator("#chat")).not_to_contain_text("promotion this year")
                stranger.get_by_text("Sessions").click()
                stranger.locator("#picker input").click()
                assert stranger.get_by_role("option").count() == 0
        finally:
            other.close()
    finally:
        context.close()
