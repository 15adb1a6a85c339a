"""The checks one answer is held to, and the figures a run is summarised by. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fnmatch import fnmatch

from coach.evals.cases import Case, Expect
from coach.metrics import hit_at_k, mean, recall_at_k, reciprocal_rank

QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"\n]*\"")


def count_questions(answer: str) -> int:
    """Questions the coach itself asks: '?' outside quotations, runs counted once."""
    return len(re.findall(r"\?+", QUOTED.sub("", answer)))


@dataclass
class CaseResult:
    id: str
    answer: str
    retrieved: list[str]
    passages: list[str]
    checks: dict[str, bool]
    pass_rate: float | None = None  # live runs: share of repeats that passed
    error: str | None = None
    split: str = "dev"
    category: str = ""
    question: str = ""
    reasons: dict[str, str] = field(default_factory=dict)  # failed check -> why
    notes: list[str] = field(default_factory=list)
    coverage: list[dict] = field(default_factory=list)  # per covers point: keyword, semantic
    cited: list[dict] = field(default_factory=list)  # the passages the answer cites
    turns: list[dict] = field(default_factory=list)  # conversations: one entry per turn
    judge: dict | None = None
    # Per turn: "complete" (the model's own answer shown), "fallback" (set aside or failed,
    # the offline answer shown), "policy" (distress, override, off-topic: the coach answered
    # without the model), "error"/"partial". Live runs report the model's share.
    statuses: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        if self.pass_rate is not None:
            return self.pass_rate >= 0.5
        return self.error is None and all(self.checks.values())

    def as_dict(self) -> dict:
        out = {
            "id": self.id,
            "passed": self.passed,
            "answer": self.answer,
            "retrieved": self.retrieved,
            "checks": self.checks,
        }
        out.update(
            split=self.split,
            category=self.category,
            question=self.question,
            reasons=self.reasons,
            coverage=self.coverage,
            cited=self.cited,
            statuses=self.statuses,
        )
        if self.notes:
            out["notes"] = self.notes
        if self.turns:
            out["turns"] = self.turns
        if self.judge is not None:
            out["judge"] = self.judge
        if self.pass_rate is not None:
            out["pass_rate"] = self.pass_rate
        if self.error:
            out["error"] = self.error
        return out

    def failures(self) -> list[tuple[str, str]]:
        """(check, reason) for every failed check, reasons filled in where none was given."""
        return [
            (name, self.reasons.get(name, "expectation not met"))
            for name, ok in self.checks.items()
            if not ok
        ]


def run_checks(
    case: Case, answer: str, retrieved: list[str], passages: list[str]
) -> dict[str, bool]:
    """Name → pass for every expectation the case states."""
    return expect_checks(case.expect, answer, retrieved, passages)


def expect_checks(
    expect: Expect, answer: str, retrieved: list[str], passages: list[str]
) -> dict[str, bool]:
    """Name → pass for every expectation stated (keyword coverage only)."""
    lowered = answer.lower()
    checks: dict[str, bool] = {}
    for glob in expect.sources:
        checks[f"source:{glob}"] = any(fnmatch(doc, glob) for doc in retrieved)
    for phrase in expect.passages:
        checks[f"passage:{phrase}"] = any(phrase.lower() in p.lower() for p in passages)
    for point in expect.covers:
        checks[f"covers:{point.point}"] = any(word.lower() in lowered for word in point.any)
    if expect.avoids:
        hits = [phrase for phrase in expect.avoids if phrase.lower() in lowered]
        checks["avoids"] = not hits
    questions = count_questions(answer)
    if expect.asks_question is not None:
        checks["asks_question"] = (questions > 0) == expect.asks_question
    if expect.max_questions is not None:
        checks["max_questions"] = questions <= expect.max_questions
    return checks


def retrieval_figures(case: Case, retrieved: list[str]) -> tuple[float, float, float] | None:
    """(hit, recall, reciprocal rank) over the case's source globs, or None without sources."""
    globs = case.expect.sources
    if not globs:
        return None
    relevant = [any(fnmatch(d, g) for g in globs) for d in retrieved]
    matched = [g for g in globs if any(fnmatch(d, g) for d in retrieved)]
    return (
        hit_at_k(relevant, len(relevant)),
        recall_at_k(matched, globs, len(globs)),
        reciprocal_rank(relevant),
    )


def _is_cover(name: str) -> bool:
    return name.split(":", 1)[0] == "covers" or (":covers:" in name and name[0] == "t")


def summarise(cases: list[Case], results: list[CaseResult]) -> dict:
    """Figures over every case, then the same for each split (dev and test)."""
    summary = _figures(cases, results)
    splits = {}
    for split in ("dev", "test"):
        subset = [r for r in results if r.split == split]
        if subset:
            splits[split] = _figures(cases, subset)
    if splits:
        summary["splits"] = splits
    return summary


def _figures(cases: list[Case], results: list[CaseResult]) -> dict:
    by_id = {c.id: c for c in cases}
    points_total = sum(
        sum(len(t.expect.covers) for t in by_id[r.id].script()) if r.id in by_id else 0
        for r in results
    )
    points_met = sum(1 for r in results for name, ok in r.checks.items() if _is_cover(name) and ok)
    keyword = sum(1 for r in results for c in r.coverage if c.get("keyword"))
    semantic = sum(1 for r in results for c in r.coverage if c.get("semantic"))
    negatives = [
        ok for r in results for name, ok in r.checks.items() if name.split(":")[-2:-1] == ["no"]
    ]
    figures = [
        retrieval_figures(by_id[r.id], r.retrieved)
        for r in results
        if r.id in by_id and not by_id[r.id].is_conversation
    ]
    present = [f for f in figures if f is not None]
    extra = {
        "keyword_coverage": round(keyword / points_total, 4) if points_total else 1.0,
        "semantic_coverage": round(semantic / points_total, 4) if points_total else 1.0,
        "negative_pass_rate": round(mean([1.0 if ok else 0.0 for ok in negatives]), 4)
        if negatives
        else 1.0,
        "conversations": sum(1 for r in results if r.turns),
    }
    statuses = [s for r in results for s in r.statuses if s != "policy"]
    if statuses:  # the share of model turns whose answer passed the guardrails and was shown
        extra["model_answer_rate"] = round(statuses.count("complete") / len(statuses), 4)
    return {
        "cases": len(results),
        "pass_rate": round(mean([1.0 if r.passed else 0.0 for r in results]), 4),
        "guidance_coverage": round(points_met / points_total, 4) if points_total else 1.0,
        "hit_at_k": round(mean([f[0] for f in present]), 4),
        "recall_at_k": round(mean([f[1] for f in present]), 4),
        "mrr": round(mean([f[2] for f in present]), 4),
        "question_rate": round(
            mean([1.0 if count_questions(r.answer) else 0.0 for r in results]), 4
        ),
        "avg_answer_words": round(mean([len(r.answer.split()) for r in results]), 1),
        **extra,
    }
