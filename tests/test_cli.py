"""The CLI end to end, in process over the shared index (the process-level cases live in
test_reliability.py)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPUS, Cli, coach_env

PLANTED_KEY = "sk-planted-secret-0123456789abcdef"


def test_first_index_adds_and_a_second_reports_everything_unchanged(
    cli: Cli, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "ladders" / "ic-3-senior-engineer.md", corpus)
    env = coach_env(tmp_path, COACH_CORPUS_DIR=str(corpus))
    first = cli(["index"], env)
    added = re.search(r"into (\d+) chunks: (\d+) added", first.stdout)
    assert first.exit_code == 0 and added and added[1] == added[2] != "0", first.stdout
    again = cli(["index"], env).stdout
    assert " 0 added" in again and "0 removed" in again and f"{added[1]} unchanged" in again


def test_index_over_the_shared_index_reports_everything_unchanged(
    cli: Cli, indexed_env: dict[str, str]
) -> None:
    out = cli(["index"], indexed_env).stdout
    assert " 0 added" in out and "0 removed" in out and "unchanged" in out


def test_search_json_lists_ranked_passages(cli: Cli, indexed_env: dict[str, str]) -> None:
    out = cli(
        ["search", "what would a senior engineer do on a maintenance team", "--json", "--k", "3"],
        indexed_env,
    ).stdout
    results = json.loads(out)
    assert len(results) == 3
    assert results[0]["doc_id"] == "articles/no-one-will-give-you-a-promotion"
    assert [r["rank"] for r in results] == [1, 2, 3]
    for r in results:
        assert {"doc_id", "title", "heading", "text", "score", "rank"} <= set(r)


def test_search_prints_readable_passages(cli: Cli, indexed_env: dict[str, str]) -> None:
    out = cli(["search", "is a promotion a reward?", "--k", "2"], indexed_env).stdout
    assert "1. articles/" in out and "score" in out


def test_sources_lists_the_indexed_documents(cli: Cli, indexed_env: dict[str, str]) -> None:
    out = cli(["sources"], indexed_env).stdout
    assert "articles/should-you-work-toward-a-promotion" in out
    assert "documents" in out


def test_config_masks_the_api_key(cli: Cli, indexed_env: dict[str, str]) -> None:
    env = dict(indexed_env, COACH_LLM_API_KEY=PLANTED_KEY, COACH_LLM_MODEL="gpt-test")
    proc = cli(["config", "--json"], env)
    assert PLANTED_KEY not in proc.stdout + proc.stderr
    shown = json.loads(proc.stdout)
    assert shown["llm_api_key"] == "********" and shown["llm_model"] == "gpt-test"


def test_config_file_is_read(cli: Cli, indexed_env: dict[str, str], tmp_path: Path) -> None:
    cfg = tmp_path / "coach.toml"
    cfg.write_text('retrieval_k = 7\nllm_model = "from-file"\n', encoding="utf-8")
    shown = json.loads(cli(["config", "--json"], dict(indexed_env, COACH_CONFIG=str(cfg))).stdout)
    assert shown["retrieval_k"] == 7 and shown["llm_model"] == "from-file"


@pytest.mark.parametrize(
    ("args", "extra_env", "message"),
    [
        (["search", "  "], {}, "query is empty"),
        (["search", "x", "--mode", "magic"], {}, "Unknown mode"),
        (["config"], {"COACH_RETRIEVAL_K": "zero"}, "Invalid settings"),
        (["config"], {"COACH_CONFIG": "/nonexistent/c.toml"}, "does not exist"),
    ],
)
def test_user_mistakes_are_one_line_errors_without_traceback(
    cli: Cli, indexed_env: dict[str, str], args: list[str], extra_env: dict[str, str], message: str
) -> None:
    proc = cli(args, dict(indexed_env, **extra_env))
    assert proc.exit_code == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_search_without_an_index_says_to_build_one(
    cli: Cli, indexed_env: dict[str, str], tmp_path: Path
) -> None:
    proc = cli(["search", "anything"], dict(indexed_env, COACH_DATA_DIR=str(tmp_path)))
    assert proc.exit_code == 1 and "coach index" in proc.stderr and "Traceback" not in proc.stderr


def test_a_message_of_zero_width_characters_is_refused_and_nothing_is_saved(
    cli: Cli, indexed_env: dict[str, str]
) -> None:
    """Before: `coach ask` accepted it, saved it and answered (the UI already refused it)."""
    result = cli(["ask", "--offline", "\u200b\u200c\ufeff"], indexed_env)
    assert result.exit_code == 1 and "The message is empty" in result.output
    listed = cli(["sessions", "list"], indexed_env)
    assert listed.exit_code == 0 and "\u200b" not in listed.output
