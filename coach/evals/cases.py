"""Eval cases: the YAML format, validated before any case runs.

A file is a list of cases; every field but ``id``, ``question`` and ``expect`` is
optional. A malformed file is reported with file, case id and the problem.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[str] = Field(default_factory=list)
    passages: list[str] = Field(default_factory=list)
    covers: list[Point] = Field(default_factory=list)
    avoids: list[str] = Field(default_factory=list)
    asks_question: bool | None = None
    max_questions: int | None = Field(default=None, ge=0)


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    question: str = Field(min_length=1)
    history: list[Turn] = Field(default_factory=list)
    expect: Expect

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
            cases.append(case)
    if problems:
        raise CaseFileError("malformed eval cases:\n  " + "\n  ".join(problems))
    return cases
