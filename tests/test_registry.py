"""Chat-model backends by name, including one another package registers by entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.errors import ConfigError
from coach.llm import registry
from coach.llm.base import describe_model
from coach.runtime import choose_model
from coach.settings import Settings

PLUGIN = """
class EchoModel:
    name = "echo"

    def __init__(self, settings):
        self.settings = settings

    def stream(self, request):
        yield "Echo [1]. What next?"


def make(settings):
    return EchoModel(settings)
"""


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A separate distribution on sys.path that registers ``echo`` in the entry-point group."""
    (tmp_path / "coach_echo.py").write_text(PLUGIN)
    info = tmp_path / "coach_echo-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: coach-echo\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[{registry.GROUP}]\necho = coach_echo:make\n")
    monkeypatch.syspath_prepend(str(tmp_path))


def test_the_default_backend_follows_whether_a_model_is_named() -> None:
    assert choose_model(Settings()).name == "offline grounded responder"
    named = choose_model(Settings(llm_model="m", llm_base_url="http://127.0.0.1:9/v1"))
    assert named.name == "m"
    assert choose_model(Settings(llm_model="m"), offline=True).name == "offline grounded responder"


def test_a_registered_backend_is_selected_by_name_without_editing_the_coach(
    installed_plugin: None,
) -> None:
    settings = Settings(llm_backend="echo")
    assert "echo" in registry.names() and settings.uses_remote_model
    model = choose_model(settings)
    assert model.name == "echo" and list(model.stream([])) == ["Echo [1]. What next?"]
    assert describe_model(settings) == "the echo backend"


def test_an_unknown_backend_is_one_clear_line_naming_the_installed_ones() -> None:
    with pytest.raises(
        ConfigError, match=r"No chat-model backend named 'nope'; installed: offline, openai"
    ):
        choose_model(Settings(llm_backend="nope"))
