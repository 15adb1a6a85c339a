"""Bring your own ladder: user documents index beside the built-in ones and win ties."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.embeddings import Embedder
from coach.indexing import build_index
from tests.conftest import CORPUS, make_runtime

STAFF_DOC = """\
# Staff Engineer at Acme

Staff engineers at Acme own the technical strategy for a product area that spans several
teams. They write the area's architecture roadmap, chair its design reviews, and are
measured on how much faster and safer the teams in the area ship.

## Signals for promotion to Staff at Acme

Acme's promotion committee looks for at least two quarters of cross-team technical
leadership, a written strategy adopted by a director, and sponsorship from a principal.
"""


def make_ladder(root: Path) -> Path:
    ladder = root / "acme-ladder"
    ladder.mkdir()
    (ladder / "staff-engineer.md").write_text(STAFF_DOC, encoding="utf-8")
    (ladder / "broken.md").write_bytes(b"\x00\x01binary junk")
    (ladder / "latin1.txt").write_bytes("Ingénieur senior: expectations".encode("latin-1"))
    return ladder


def test_user_ladder_indexes_reports_bad_files_and_wins_a_matching_question(
    tmp_path: Path, embedder: Embedder
) -> None:
    ladder = make_ladder(tmp_path)
    rt = make_runtime(tmp_path / "data", CORPUS, embedder, ladder_dir=ladder)
    report = build_index(rt.settings, rt.store)
    assert len(report.errors) == 2
    assert any("broken.md" in e and "binary" in e for e in report.errors)
    assert any("latin1.txt" in e and "UTF-8" in e for e in report.errors)

    user = [c for c in rt.retriever.chunks.values() if c.origin == "user"]
    assert user and {c.doc_id for c in user} == {"user/staff-engineer"}
    assert all(c.kind == "ladder" and c.title == "staff-engineer.md" for c in user)

    passages = rt.retriever.search("What does a staff engineer own, and what is expected?", k=5)
    assert passages[0].chunk.origin == "user"
    assert any(p.doc_id == "ladders/ic-4-staff-engineer" for p in passages), "built-in also matched"


def test_answers_cite_user_ladders_by_file_name(tmp_path: Path, embedder: Embedder) -> None:
    from coach.conversation import Coach
    from coach.offline import OfflineResponder
    from coach.sessions import SessionStore

    ladder = make_ladder(tmp_path)
    rt = make_runtime(tmp_path / "data", CORPUS, embedder, ladder_dir=ladder)
    build_index(rt.settings, rt.store)
    coach = Coach(rt.settings, rt.retriever, OfflineResponder(), SessionStore(tmp_path / "s.db"))
    result = coach.ask(None, "Just tell me what a staff engineer at my company is expected to do.")
    assert any(s.title == "staff-engineer.md" for s in result.sources)


def cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_cli_remembers_the_ladder_folder_until_told_to_forget(tmp_path: Path) -> None:
    ladder = make_ladder(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update(COACH_DATA_DIR=str(tmp_path / "data"), COACH_CORPUS_DIR=str(CORPUS))
    first = cli(["index", "--ladder-dir", str(ladder)], env)
    assert first.returncode == 0 and "skipped" in first.stderr and "broken.md" in first.stderr
    again = cli(["index"], env)
    assert " 0 added" in again.stdout and "0 removed" in again.stdout
    assert "user/staff-engineer" in cli(["sources"], env).stdout
    forget = cli(["index", "--no-ladder"], env)
    assert "removed" in forget.stdout and " 0 removed" not in forget.stdout
    assert "user/staff-engineer" not in cli(["sources"], env).stdout
    missing = cli(["index", "--ladder-dir", str(tmp_path / "nope")], env)
    assert missing.returncode == 1 and "is not a folder" in missing.stderr
