"""The Plan panel in a real browser: commitments, status, evidence, calendar and draft downloads."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import REPO
from tests.ui_server import running_ui

# A real Chromium against a real UI server: `make test` and CI run it; plain `pytest` skips it.
pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = REPO / "artifacts" / "ui"

if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError(
            "Chromium is missing; `make test` installs it (apt-get install chromium)"
        )
    pytest.skip("Chromium not installed; run `make test` to install it", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    with running_ui(tmp_path_factory.mktemp("ui-plan")) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(
            accept_downloads=True, viewport={"width": 1400, "height": 1600}
        )
        p = context.new_page()
        p.set_default_timeout(60_000)
        p.goto(url)
        expect(p.locator("#mode")).to_contain_text("offline")
        yield p
        browser.close()


def field(page: Page, elem_id: str):
    return page.locator(f"#{elem_id} :is(input, textarea)").first


def download(page: Page, button: str) -> bytes:
    page.locator(f"#{button}").click()
    link = page.locator("#plan-download a").first
    expect(link).to_be_visible()
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


def test_plan_panel_commitment_done_evidence_calendar_and_draft(page: Page) -> None:
    # No waiting for the page's load event: a first click must not lose its identity.
    page.get_by_text("Plan", exact=True).first.click()
    field(page, "plan-target").fill("senior engineer")
    field(page, "plan-why").fill("lead the team's reliability work")
    page.locator("#plan-save-goal").click()
    expect(page.locator("#plan-status")).to_contain_text("Plan saved")
    page.locator("#plan-gaps").click()
    expect(page.locator("#plan-view")).to_contain_text("ladders/ic-3-senior-engineer")

    field(page, "plan-action").fill("List the top 10 recurring pages")
    field(page, "plan-due").fill("2026-12-04")
    page.locator("#plan-add-commitment").click()
    expect(page.locator("#plan-view")).to_contain_text("List the top 10 recurring pages")

    page.locator("#plan-pick input").click()
    page.get_by_role("option", name="List the top 10 recurring pages").first.click()
    page.locator("#plan-status-pick input").click()
    page.get_by_role("option", name="done", exact=True).click()
    page.locator("#plan-set-status").click()
    expect(page.locator("#plan-view")).to_contain_text("(done")

    field(page, "plan-evidence").fill("Listed the top 10 pages and fixed the first two")
    field(page, "plan-impact").fill("pages fell from 20 a week to 6")
    page.locator("#plan-add-evidence").click()
    expect(page.locator("#plan-view")).to_contain_text("pages fell from 20 a week to 6")

    field(page, "plan-check-in").fill("2026-12-15")
    page.locator("#plan-save-check-in").click()
    expect(page.locator("#plan-view")).to_contain_text("2026-12-15, then every 3 months")

    field(page, "plan-due").fill("next friday")
    field(page, "plan-action").fill("Another step")
    page.locator("#plan-add-commitment").click()
    expect(page.locator("#plan-status")).to_contain_text("is not a date")

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("#plan").screenshot(path=str(ARTIFACTS / "plan.png"))

    calendar = Calendar.from_ical(download(page, "plan-ics"))
    events = list(calendar.walk("VEVENT"))
    check = next(e for e in events if "check-in" in str(e.get("summary")))
    assert check.decoded("dtstart") == dt.date(2026, 12, 15)
    assert check.get("rrule")["INTERVAL"] == [3]
    packet = download(page, "plan-packet").decode("utf-8")
    assert "Listed the top 10 pages and fixed the first two" in packet
    assert "pages fell from 20 a week to 6" in packet and "[E1, " in packet

    page.reload()  # the plan belongs to this browser and survives a reload
    page.get_by_text("Plan", exact=True).first.click()
    expect(page.locator("#plan-view")).to_contain_text("List the top 10 recurring pages")
