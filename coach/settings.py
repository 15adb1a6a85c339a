"""Effective settings: one pydantic model fed by ``COACH_*`` variables and an optional file.

Precedence (highest first): explicit overrides, environment, config file, defaults.
The config file is TOML or YAML, found at ``COACH_CONFIG`` or
``~/.config/coach/config.toml``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from coach.errors import ConfigError

DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "coach"


def default_corpus_dir() -> Path:
    """The repo's ``corpus/`` in a checkout, else the copy shipped inside the wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "corpus", here / "_corpus"):
        if candidate.is_dir():
            return candidate
    return here.parent / "corpus"


def default_evals_dir() -> Path:
    """The repo's ``evals/`` (cases, retrieval labels, baseline) in a checkout, else the wheel's."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "evals", here / "_evals"):
        if candidate.is_dir():
            return candidate
    return here.parent / "evals"


def config_file_path() -> Path:
    explicit = os.environ.get("COACH_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "coach" / "config.toml"


class _ConfigFileSource(PydanticBaseSettingsSource):
    """Reads the optional TOML/YAML config file; a broken file is a clear error."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = config_file_path()
        if not path.is_file():
            if os.environ.get("COACH_CONFIG"):
                raise ConfigError(f"Config file {path} (from COACH_CONFIG) does not exist.")
            return {}
        try:
            text = path.read_text(encoding="utf-8")
            data = yaml.safe_load(text) if path.suffix in {".yaml", ".yml"} else tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"Config file {path} cannot be read: {exc}") from None
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise ConfigError(f"Config file {path} must hold a table of settings.")
        return data


class Settings(BaseSettings):
    """Everything the coach can be told; see ``coach config`` for the effective values."""

    model_config = SettingsConfigDict(env_prefix="COACH_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    corpus_dir: Path = Field(default_factory=default_corpus_dir)
    ladder_dir: Path | None = None
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    # onnx: onnxruntime + tokenizers, no torch import (fast start); torch: sentence-transformers
    embedding_backend: Literal["onnx", "torch"] = "onnx"
    retrieval_k: int = Field(default=5, ge=1, le=50)
    chunk_chars: int = Field(default=900, ge=200, le=8000)

    # A chat-model backend by name (coach.llm.registry): unset means "openai" when a model
    # is named, else "offline"; a package can register more.
    llm_backend: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][\w.-]{0,63}$")
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(default=60.0, gt=0)
    llm_max_retries: int = Field(default=3, ge=0, le=10)
    llm_temperature: float = Field(default=0.3, ge=0, le=2)
    llm_max_tokens: int = Field(default=800, ge=0, le=65536)  # 0: let the server decide
    llm_stream: bool = True
    # The model's context window in tokens; when set, each prompt is fitted to it (less
    # the reply). Unset: sent whole, and shrunk only if the server says it is too long.
    llm_context_tokens: int | None = Field(default=None, ge=1024, le=10_000_000)
    offline: bool = False
    fallback_offline: bool = True

    # The model that grades live eval answers (``coach eval --live --judge``); unset fields
    # fall back to the chat model's.
    judge_base_url: str | None = None
    judge_model: str | None = None
    judge_api_key: SecretStr | None = None

    chroma_url: str | None = None  # e.g. http://chroma.internal:8000; unset = embedded store
    chroma_token: SecretStr | None = None  # sent as a bearer token to a Chroma server
    chroma_collection: str = Field(
        default="coach_chunks", pattern=r"^[A-Za-z0-9][\w.-]{1,61}[A-Za-z0-9]$"
    )
    lexical_refresh_seconds: float = Field(default=5.0, ge=0)

    # postgresql://user:password@host:5432/db selects the PostgreSQL session store.
    database_url: SecretStr | None = None

    max_message_chars: int = Field(default=4000, ge=100, le=100_000)
    history_turns: int = Field(default=6, ge=0, le=50)

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=0, le=65535)
    ui_concurrency: int = Field(default=8, ge=1, le=256)  # turns one UI process runs at once
    auth_username: str | None = None
    auth_password: SecretStr | None = None
    # Web security: see README "Reliability and security".
    secret_key: SecretStr | None = None  # signs browser identities; unset: data_dir/secret.key
    allowed_hosts: str = "127.0.0.1,localhost,::1"  # Host header allowlist, comma-separated
    users_file: Path | None = None  # bcrypt accounts (`coach users add`); default data_dir/users
    auth_trusted_header: str | None = None  # e.g. X-Forwarded-User, set by an auth proxy
    trusted_proxies: str = ""  # addresses allowed to send that header, comma-separated
    login_attempts: int = Field(default=10, ge=1, le=1000)  # failed logins per 5 min per address

    @field_validator("data_dir", "corpus_dir", "ladder_dir", "users_file", mode="after")
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _ConfigFileSource(settings_cls))

    @property
    def backend_name(self) -> str:
        if self.offline:
            return "offline"
        return self.llm_backend or ("openai" if self.llm_model else "offline")

    @property
    def uses_remote_model(self) -> bool:
        """The configured chat model is used unless offline mode is forced or none is set."""
        return self.backend_name != "offline"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def users_path(self) -> Path:
        return self.users_file or self.data_dir / "users"

    @property
    def sessions_db(self) -> Path:
        return self.data_dir / "sessions.sqlite3"

    def masked(self) -> dict[str, Any]:
        """Settings as plain values with every secret masked, for display."""
        shown: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                shown[name] = "********" if value.get_secret_value() else ""
            elif isinstance(value, Path):
                shown[name] = str(value)
            else:
                shown[name] = value
        return shown


def load_settings(**overrides: Any) -> Settings:
    """Build settings, turning validation failures into one readable ``ConfigError``."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"Invalid settings ({problems}). Check COACH_* variables.") from None
