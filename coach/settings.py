"""Effective settings: one pydantic model fed by ``COACH_*`` variables and an optional file.

Grouped where the variables already were: ``settings.llm``, ``.judge``, ``.chroma``,
``.auth`` and ``.ui`` hold ``COACH_LLM_*``, ``COACH_JUDGE_*``, ``COACH_CHROMA_*``,
``COACH_AUTH_*`` and ``COACH_UI_*`` (with ``COACH_HOST`` and ``COACH_PORT``); every
variable name is unchanged, and flat names still work in a config file or a keyword.
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
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
    YamlConfigSettingsSource,
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


class LlmSettings(BaseModel):
    """The chat model (``COACH_LLM_*``)."""

    model_config = ConfigDict(extra="ignore")
    # A backend by name (coach.llm.registry): unset means "openai" when a model is named,
    # else "offline"; a package can register more.
    backend: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][\w.-]{0,63}$")
    base_url: str | None = None
    model: str | None = None
    api_key: SecretStr | None = None
    timeout: float = Field(default=60.0, gt=0)
    max_retries: int = Field(default=3, ge=0, le=10)
    temperature: float = Field(default=0.3, ge=0, le=2)
    max_tokens: int = Field(default=800, ge=0, le=65536)  # 0: let the server decide
    stream: bool = True
    # The model's context window in tokens; when set, each prompt is fitted to it (less
    # the reply). Unset: sent whole, and shrunk only if the server says it is too long.
    context_tokens: int | None = Field(default=None, ge=1024, le=10_000_000)


class JudgeSettings(BaseModel):
    """The model that grades live eval answers (``COACH_JUDGE_*``); unset fields fall back
    to the chat model's."""

    model_config = ConfigDict(extra="ignore")
    base_url: str | None = None
    model: str | None = None
    api_key: SecretStr | None = None


class ChromaSettings(BaseModel):
    """Where the vectors live (``COACH_CHROMA_*``): a Chroma server, or embedded when unset."""

    model_config = ConfigDict(extra="ignore")
    url: str | None = None  # e.g. http://chroma.internal:8000; unset = embedded store
    token: SecretStr | None = None  # sent as a bearer token to a Chroma server
    collection: str = Field(default="coach_chunks", pattern=r"^[A-Za-z0-9][\w.-]{1,61}[A-Za-z0-9]$")


class AuthSettings(BaseModel):
    """Who may use the chat UI (``COACH_AUTH_*``); see README "Reliability and security"."""

    model_config = ConfigDict(extra="ignore")
    username: str | None = None
    password: SecretStr | None = None
    trusted_header: str | None = None  # e.g. X-Forwarded-User, set by an auth proxy


class UiSettings(BaseModel):
    """Where the chat UI listens (``COACH_HOST``, ``COACH_PORT``, ``COACH_UI_CONCURRENCY``)."""

    model_config = ConfigDict(extra="ignore")
    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=0, le=65535)
    concurrency: int = Field(default=8, ge=1, le=256)  # turns one UI process runs at once


#: The nested groups, by the prefix their variables already had: ``COACH_LLM_BASE_URL`` is
#: ``llm.base_url``, and so is ``llm_base_url`` in a flat config file or a keyword.
GROUPS: dict[str, type[BaseModel]] = {
    "llm": LlmSettings,
    "judge": JudgeSettings,
    "chroma": ChromaSettings,
    "auth": AuthSettings,
    "ui": UiSettings,
}
#: Group fields whose variables never had the group's prefix: (group, field) → flat name.
UNPREFIXED = {("ui", "host"): "host", ("ui", "port"): "port"}
_BY_FLAT_NAME = {flat: key for key, flat in UNPREFIXED.items()}


def flat_name(group: str, field: str) -> str:
    """The name a group field has as a variable (less ``COACH_``) and in ``coach config``."""
    return UNPREFIXED.get((group, field), f"{group}_{field}")


def fold(values: dict[str, Any]) -> dict[str, Any]:
    """Flat names (``llm_base_url``) into their group (``{"llm": {"base_url": …}}``);
    a flat name wins over the same field given nested in the same mapping."""
    folded: dict[str, Any] = {}
    flat: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        group, _, field = key.partition("_")
        if key in _BY_FLAT_NAME:
            group, field = _BY_FLAT_NAME[key]
            flat.setdefault(group, {})[field] = value
        elif group in GROUPS and field in GROUPS[group].model_fields:
            flat.setdefault(group, {})[field] = value
        else:
            folded[key] = value
    for group, fields in flat.items():
        nested = folded.get(group)
        base = nested.model_dump() if isinstance(nested, BaseModel) else dict(nested or {})
        folded[group] = {**base, **fields}
    return folded


class _UnprefixedEnvSource(PydanticBaseSettingsSource):
    """``COACH_HOST`` and ``COACH_PORT``: group fields whose variables predate the group."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        found = {
            flat: os.environ[f"COACH_{flat.upper()}"]
            for flat in _BY_FLAT_NAME
            if f"COACH_{flat.upper()}" in os.environ
        }
        return fold(found)


class _ConfigFileSource(PydanticBaseSettingsSource):
    """Reads the optional TOML/YAML config file with pydantic-settings' own readers; flat
    names and ``[llm]``-style tables both work; a broken file is a clear error."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = config_file_path()
        if not path.is_file():
            if os.environ.get("COACH_CONFIG"):
                raise ConfigError(f"Config file {path} (from COACH_CONFIG) does not exist.")
            return {}
        try:
            source = (
                YamlConfigSettingsSource(self.settings_cls, yaml_file=path)
                if path.suffix in {".yaml", ".yml"}
                else TomlConfigSettingsSource(self.settings_cls, toml_file=path)
            )
            data = (
                source.yaml_data
                if isinstance(source, YamlConfigSettingsSource)
                else source.toml_data
            )
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"Config file {path} cannot be read: {exc}") from None
        except (TypeError, ValueError) as exc:  # a YAML list or scalar where a table belongs
            raise ConfigError(
                f"Config file {path} must hold a table of settings ({exc})."
            ) from None
        if not data:
            return {}
        if not isinstance(data, dict):
            raise ConfigError(f"Config file {path} must hold a table of settings.")
        return fold(data)


class Settings(BaseSettings):
    """Everything the coach can be told; see ``coach config`` for the effective values."""

    model_config = SettingsConfigDict(
        env_prefix="COACH_",
        # COACH_LLM_BASE_URL → llm.base_url: the first "_" after the prefix names the group.
        env_nested_delimiter="_",
        env_nested_max_split=1,
        extra="ignore",
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    corpus_dir: Path = Field(default_factory=default_corpus_dir)
    ladder_dir: Path | None = None
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    # onnx: onnxruntime + tokenizers, no torch import (fast start); torch: sentence-transformers
    embedding_backend: Literal["onnx", "torch"] = "onnx"
    retrieval_k: int = Field(default=5, ge=1, le=50)
    chunk_chars: int = Field(default=900, ge=200, le=8000)

    llm: LlmSettings = Field(default_factory=LlmSettings)
    offline: bool = False
    fallback_offline: bool = True
    judge: JudgeSettings = Field(default_factory=JudgeSettings)

    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    lexical_refresh_seconds: float = Field(default=5.0, ge=0)

    # postgresql://user:password@host:5432/db selects the PostgreSQL session store.
    database_url: SecretStr | None = None

    max_message_chars: int = Field(default=4000, ge=100, le=100_000)
    history_turns: int = Field(default=6, ge=0, le=50)

    ui: UiSettings = Field(default_factory=UiSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    # Web security: see README "Reliability and security".
    secret_key: SecretStr | None = None  # signs browser identities; unset: data_dir/secret.key
    allowed_hosts: str = "127.0.0.1,localhost,::1"  # Host header allowlist, comma-separated
    users_file: Path | None = None  # bcrypt accounts (`coach users add`); default data_dir/users
    trusted_proxies: str = ""  # addresses allowed to send that header, comma-separated
    login_attempts: int = Field(default=10, ge=1, le=1000)  # failed logins per 5 min per address

    @model_validator(mode="before")
    @classmethod
    def _fold_flat_names(cls, data: Any) -> Any:
        """``Settings(llm_model="x")`` and flat config keys keep working."""
        return fold(data) if isinstance(data, dict) else data

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
        return (
            init_settings,
            env_settings,
            _UnprefixedEnvSource(settings_cls),
            _ConfigFileSource(settings_cls),
        )

    def updated(self, **changes: Any) -> Settings:
        """A validated copy with fields changed by their flat names (``llm_base_url``,
        ``data_dir``); the environment is not read again."""
        data = self.model_dump()
        for key, value in fold(changes).items():
            data[key] = {**data[key], **value} if key in GROUPS else value
        return type(self).model_validate(data)

    @property
    def backend_name(self) -> str:
        if self.offline:
            return "offline"
        return self.llm.backend or ("openai" if self.llm.model else "offline")

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
        """Settings by their flat names (as the variables spell them), secrets masked."""
        shown: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            items = (
                [(flat_name(name, f), getattr(value, f)) for f in type(value).model_fields]
                if isinstance(value, BaseModel)
                else [(name, value)]
            )
            for key, item in items:
                if isinstance(item, SecretStr):
                    shown[key] = "********" if item.get_secret_value() else ""
                elif isinstance(item, Path):
                    shown[key] = str(item)
                else:
                    shown[key] = item
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
