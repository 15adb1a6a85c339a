"""Eval cases: the YAML format, validated before any case runs.

A file is a list of cases. A case is either one ``question`` (with an optional hand-written
``history``) and its ``expect``, or a script of user ``turns`` whose history is the coach's
own answers, each turn with its own ``expect`` and a ``conversation`` block for what must
hold across turns. A case belongs to the ``dev`` split (tune freely) unless it says
``split: test`` or lives under a folder named ``test`` (never tuned on). ``category``
defaults to the file's name. A malformed file is reported with file, case id and the problem.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from coach.errors import CoachError
from coach.settings import default_evals_dir

DEFAULT_CASES_DIR = default_evals_dir() / "cases"


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str = Field(min_length=1)


class Point(BaseModel):
    model_config = ConfigDict(extra="forbid")
    point: str = Field(min_length=1)
    any: list[str] = Field(min_length=1)


NEGATIVE_CHECKS = (
    "marked_quote",
    "ladder_fit",
    "known_question",
    "repeat",
    "promise",
    "language",
)
NegativeCheck = Literal[
    "marked_quote", "ladder_fit", "known_question", "repeat", "promise", "language"
]
KnownField = Literal[
    "current_level", "target_level", "track", "team", "manager_alignment", "motivations"
]


class Commitment(BaseModel):
    """Whether this turn must record a commitment, and what the answer must echo (its date)."""

    model_config = ConfigDict(extra="forbid")
    recorded: bool
    mentions: list[str] = Field(default_factory=list)


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[str] = Field(default_factory=list)
    passages: list[str] = Field(default_factory=list)
    covers: list[Point] = Field(default_factory=list)
    avoids: list[str] = Field(default_factory=list)
    asks_question: bool | None = None
    max_questions: int | None = Field(default=None, ge=0)
    commitment: Commitment | None = None
    skip: list[NegativeCheck] = Field(
        default_factory=list, description="negative checks that do not apply to this case"
    )


class ScriptTurn(BaseModel):
    """One user message of a scripted conversation and what its answer must do."""

    model_config = ConfigDict(extra="forbid")
    say: str = Field(min_length=1)
    lang: Literal["en", "ru"] | None = None
    known: dict[KnownField, str] = Field(default_factory=dict)
    expect: Expect = Field(default_factory=Expect)


class ConversationExpect(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage_reaches: Literal["goal", "reality", "options", "will"] | None = None
    stage_never_goes_back: bool = True
    no_repeated_question: bool = True


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    split: Literal["dev", "test"] | None = None
    category: str | None = None
    lang: Literal["en", "ru"] | None = None
    known: dict[KnownField, str] = Field(
        default_factory=dict, description="profile facts the user has already given"
    )
    question: str | None = Field(default=None, min_length=1)
    history: list[Turn] = Field(default_factory=list)
    expect: Expect = Field(default_factory=Expect)
    turns: list[ScriptTurn] = Field(default_factory=list)
    conversation: ConversationExpect | None = None

    @model_validator(mode="after")
    def _question_or_turns(self) -> Case:
        if bool(self.question) == bool(self.turns):
            raise ValueError("a case has either a question (with expect) or turns, not both")
        return self

    @property
    def is_conversation(self) -> bool:
        return bool(self.turns)

    def script(self) -> list[ScriptTurn]:
        """Every case as a script: a single question is a one-turn script."""
        if self.turns:
            return self.turns
        assert self.question is not None
        return [ScriptTurn(say=self.question, lang=self.lang, known=self.known, expect=self.expect)]

    @field_validator("history")
    @classmethod
    def _alternates(cls, turns: list[Turn]) -> list[Turn]:
        for before, after in itertools.pairwise(turns):
            if before.role == after.role:
                raise ValueError("history turns must alternate between user and assistant")
        return turns


class CaseFileError(CoachError):
    """A case file is malformed; the run stops before any case runs."""


def _case_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"})
        elif path.is_file():
            files.append(path)
        else:
            raise CaseFileError(f"{path}: no such case file or folder")
    if not files:
        raise CaseFileError(f"no case files found in {', '.join(map(str, paths))}")
    return files


def load_cases(paths: list[Path] | None = None) -> list[Case]:
    """Every case from the given files or folders, ids unique across files."""
    problems: list[str] = []
    cases: list[Case] = []
    seen: dict[str, Path] = {}
    for path in _case_files(paths or [DEFAULT_CASES_DIR]):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: cannot read ({exc})")
            continue
        except yaml.YAMLError as exc:
            problems.append(f"{path}: not valid YAML ({str(exc).splitlines()[0]})")
            continue
        if not isinstance(raw, list):
            problems.append(f"{path}: must be a YAML list of cases")
            continue
        for index, item in enumerate(raw):
            label = item.get("id") if isinstance(item, dict) else None
            where = f"{path}, case {label or f'#{index + 1}'}"
            if isinstance(item, dict) and "question" in item and "expect" not in item:
                problems.append(f"{where}: expect: Field required")
                continue
            try:
                case = Case.model_validate(item)
            except ValidationError as exc:
                for err in exc.errors():
                    field = ".".join(str(p) for p in err["loc"]) or "case"
                    problems.append(f"{where}: {field}: {err['msg']}")
                continue
            if case.id in seen:
                problems.append(f"{where}: duplicate id (also in {seen[case.id]})")
                continue
            seen[case.id] = path
            if case.split is None:
                case.split = "test" if "test" in path.parent.parts[-1:] else "dev"
            if case.category is None:
                case.category = path.stem
            cases.append(case)
    if problems:
        raise CaseFileError("malformed eval cases:\n  " + "\n  ".join(problems))
    return cases
