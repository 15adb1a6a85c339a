"""The CLI end to end, each command a real subprocess on a temporary data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

PLANTED_KEY = "sk-planted-secret-0123456789abcdef"


def run(args: list[str], env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "coach.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} failed ({proc.returncode}): {proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("cli")
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update(
        COACH_DATA_DIR=str(home / "data"),
        COACH_CORPUS_DIR=str(CORPUS),
        XDG_CONFIG_HOME=str(home / "config"),
        HF_HUB_OFFLINE="1",
    )
    first = run(["index"], env)
    assert "added" in first.stdout
    return env


def test_index_twice_reports_everything_unchanged(cli_env: dict[str, str]) -> None:
    out = run(["index"], cli_env).stdout
    assert " 0 added" in out and "0 removed" in out and "unchanged" in out


def test_search_json_lists_ranked_passages(cli_env: dict[str, str]) -> None:
    out = run(
        ["search", "what would a senior engineer do on a maintenance team", "--json", "--k", "3"],
        cli_env,
    ).stdout
    results = json.loads(out)
    assert len(results) == 3
    assert results[0]["doc_id"] == "articles/no-one-will-give-you-a-promotion"
    assert [r["rank"] for r in results] == [1, 2, 3]
    for r in results:
        assert {"doc_id", "title", "heading", "text", "score", "rank"} <= set(r)


def test_search_prints_readable_passages(cli_env: dict[str, str]) -> None:
    out = run(["search", "is a promotion a reward?", "--k", "2"], cli_env).stdout
    assert "1. articles/" in out and "score" in out


def test_sources_lists_the_indexed_documents(cli_env: dict[str, str]) -> None:
    out = run(["sources"], cli_env).stdout
    assert "articles/should-you-work-toward-a-promotion" in out
    assert "documents" in out


def test_config_masks_the_api_key(cli_env: dict[str, str]) -> None:
    env = dict(cli_env, COACH_LLM_API_KEY=PLANTED_KEY, COACH_LLM_MODEL="gpt-test")
    proc = run(["config", "--json"], env)
    assert PLANTED_KEY not in proc.stdout + proc.stderr
    shown = json.loads(proc.stdout)
    assert shown["llm_api_key"] == "********" and shown["llm_model"] == "gpt-test"


def test_config_file_is_read(cli_env: dict[str, str], tmp_path: Path) -> None:
    cfg = tmp_path / "coach.toml"
    cfg.write_text('retrieval_k = 7\nllm_model = "from-file"\n', encoding="utf-8")
    shown = json.loads(run(["config", "--json"], dict(cli_env, COACH_CONFIG=str(cfg))).stdout)
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
    cli_env: dict[str, str], args: list[str], extra_env: dict[str, str], message: str
) -> None:
    proc = run(args, dict(cli_env, **extra_env), check=False)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_search_without_an_index_says_to_build_one(cli_env: dict[str, str], tmp_path: Path) -> None:
    proc = run(["search", "anything"], dict(cli_env, COACH_DATA_DIR=str(tmp_path)), check=False)
    assert proc.returncode == 1 and "coach index" in proc.stderr and "Traceback" not in proc.stderr
