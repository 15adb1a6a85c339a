"""Settings: grouped in code, every COACH_* variable and flat config name unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.errors import ConfigError
from coach.settings import Settings, load_settings


def test_variables_keep_their_names_and_land_in_their_groups(monkeypatch) -> None:
    for name, value in {
        "COACH_LLM_BASE_URL": "http://127.0.0.1:8080/v1",
        "COACH_LLM_MAX_TOKENS": "300",
        "COACH_JUDGE_MODEL": "grader",
        "COACH_CHROMA_COLLECTION": "team_chunks",
        "COACH_AUTH_USERNAME": "ana",
        "COACH_HOST": "0.0.0.0",
        "COACH_PORT": "9000",
        "COACH_UI_CONCURRENCY": "3",
        "COACH_RETRIEVAL_K": "7",
    }.items():
        monkeypatch.setenv(name, value)
    s = Settings()
    assert (s.llm.base_url, s.llm.max_tokens, s.judge.model) == (
        "http://127.0.0.1:8080/v1",
        300,
        "grader",
    )
    assert (s.chroma.collection, s.auth.username, s.retrieval_k) == ("team_chunks", "ana", 7)
    assert (s.ui.host, s.ui.port, s.ui.concurrency) == ("0.0.0.0", 9000, 3)
    shown = s.masked()  # `coach config` shows the names the variables have
    assert shown["host"] == "0.0.0.0" and shown["ui_concurrency"] == 3
    assert shown["llm_max_tokens"] == 300 and "ui_host" not in shown
    # A keyword outranks the environment, by flat name or by group.
    assert Settings(llm_max_tokens=50).llm.max_tokens == 50
    assert Settings(port=7000).ui.port == 7000
    assert (
        s.updated(llm_model="m").llm.model == "m" and s.updated(llm_model="m").llm.max_tokens == 300
    )


def test_a_config_file_takes_flat_names_or_tables(tmp_path: Path, monkeypatch) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        'retrieval_k = 6\nllm_model = "flat"\nport = 7001\n\n[llm]\nbase_url = "http://x/v1"\n'
        "context_tokens = 8192\n\n[ui]\nconcurrency = 2\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("COACH_CONFIG", str(cfg))
    monkeypatch.setenv("COACH_LLM_MAX_TOKENS", "123")  # the environment outranks the file
    s = load_settings()
    assert (s.retrieval_k, s.llm.model, s.llm.base_url, s.llm.context_tokens) == (
        6,
        "flat",
        "http://x/v1",
        8192,
    )
    assert (s.llm.max_tokens, s.ui.port, s.ui.concurrency) == (123, 7001, 2)
    yml = tmp_path / "config.yaml"
    yml.write_text("llm:\n  model: from-yaml\nchroma_collection: yaml_chunks\n", encoding="utf-8")
    monkeypatch.setenv("COACH_CONFIG", str(yml))
    s = load_settings()
    assert (s.llm.model, s.chroma.collection) == ("from-yaml", "yaml_chunks")


@pytest.mark.parametrize(
    "text",
    ["- just\n- a list\n", "a scalar\n"],
)
def test_a_config_file_that_is_not_a_table_is_a_clear_error(
    tmp_path: Path, monkeypatch, text: str
) -> None:
    yml = tmp_path / "config.yaml"
    yml.write_text(text, encoding="utf-8")
    monkeypatch.setenv("COACH_CONFIG", str(yml))
    with pytest.raises(ConfigError, match="must hold a table"):
        load_settings()


def test_a_bad_value_in_a_group_names_the_variable_path(monkeypatch) -> None:
    monkeypatch.setenv("COACH_LLM_MAX_TOKENS", "-5")
    with pytest.raises(ConfigError, match=r"llm\.max_tokens"):
        load_settings()
