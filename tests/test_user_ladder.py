"""Bring your own ladder: user documents index beside the built-in ones and win ties."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.retrieval.embeddings import Embedder
from coach.retrieval.indexing import IndexReport, build_index
from coach.runtime import Runtime
from tests.conftest import CORPUS, Cli, coach_env, make_runtime

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


@pytest.fixture(scope="module")
def ladder_index(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> tuple[Runtime, IndexReport]:
    """The shipped corpus plus one user ladder folder, indexed once for this module."""
    home = tmp_path_factory.mktemp("ladder")
    rt = make_runtime(home / "data", CORPUS, embedder, ladder_dir=make_ladder(home))
    return rt, build_index(rt.settings, rt.store)


def test_user_ladder_indexes_reports_bad_files_and_wins_a_matching_question(
    ladder_index: tuple[Runtime, IndexReport],
) -> None:
    rt, report = ladder_index
    assert len(report.errors) == 2
    assert any("broken.md" in e and "binary" in e for e in report.errors)
    assert any("latin1.txt" in e and "UTF-8" in e for e in report.errors)

    user = [c for c in rt.retriever.chunks.values() if c.origin == "user"]
    assert user and {c.doc_id for c in user} == {"user/staff-engineer"}
    assert all(c.kind == "ladder" and c.title == "staff-engineer.md" for c in user)

    passages = rt.retriever.search("What does a staff engineer own, and what is expected?", k=5)
    assert passages[0].chunk.origin == "user"
    assert any(p.doc_id == "ladders/ic-4-staff-engineer" for p in passages), "built-in also matched"


def test_answers_cite_user_ladders_by_file_name(
    ladder_index: tuple[Runtime, IndexReport], tmp_path: Path
) -> None:
    from coach.coaching.turn import Coach
    from coach.llm.offline import OfflineResponder
    from coach.sessions.sqlite import SessionStore

    rt, _ = ladder_index
    coach = Coach(rt.settings, rt.retriever, OfflineResponder(), SessionStore(tmp_path / "s.db"))
    result = coach.ask(None, "Just tell me what a staff engineer at my company is expected to do.")
    assert any(s.title == "staff-engineer.md" for s in result.sources)


@pytest.mark.slow
def test_cli_remembers_the_ladder_folder_until_told_to_forget(cli: Cli, tmp_path: Path) -> None:
    ladder = make_ladder(tmp_path)
    env = coach_env(tmp_path)
    first = cli(["index", "--ladder-dir", str(ladder)], env)
    assert first.exit_code == 0 and "skipped" in first.stderr and "broken.md" in first.stderr
    again = cli(["index"], env)
    assert " 0 added" in again.stdout and "0 removed" in again.stdout
    assert "user/staff-engineer" in cli(["sources"], env).stdout
    forget = cli(["index", "--no-ladder"], env)
    assert "removed" in forget.stdout and " 0 removed" not in forget.stdout
    assert "user/staff-engineer" not in cli(["sources"], env).stdout
    missing = cli(["index", "--ladder-dir", str(tmp_path / "nope")], env)
    assert missing.exit_code == 1 and "is not a folder" in missing.stderr
