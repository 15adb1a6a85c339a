"""Reports and the regression gate: JSON, Markdown, a terminal table, the baseline."""

from __future__ import annotations

import json
from pathlib import Path

from coach.evals.checks import CaseResult
from coach.settings import default_evals_dir

DEFAULT_BASELINE = default_evals_dir() / "baseline.json"
GATED = ("pass_rate", "guidance_coverage", "hit_at_k", "recall_at_k", "mrr", "question_rate")
TOLERANCE = 1e-9


def report_json(summary: dict, results: list[CaseResult], mode: str) -> dict:
    return {"mode": mode, "summary": summary, "cases": [r.as_dict() for r in results]}


def baseline_data(summary: dict, results: list[CaseResult]) -> dict:
    return {
        "summary": {key: summary[key] for key in GATED},
        "cases": {r.id: {"passed": r.passed, "checks": r.checks} for r in results},
    }


def load_baseline(path: Path) -> dict | None:
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def write_baseline(path: Path, summary: dict, results: list[CaseResult]) -> None:
    path.write_text(
        json.dumps(baseline_data(summary, results), indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )


def regressions(baseline: dict, summary: dict, results: list[CaseResult]) -> list[str]:
    """What got worse: cases that passed and now fail (with the checks lost), and figures
    that fell below the baseline."""
    lost: list[str] = []
    before = baseline.get("cases", {})
    for r in results:
        old = before.get(r.id)
        if old and old.get("passed") and not r.passed:
            failed = [name for name, ok in r.checks.items() if not ok and old["checks"].get(name)]
            detail = "; ".join(failed) if failed else (r.error or "checks changed")
            lost.append(f"case {r.id} passed before and now fails: lost {detail}")
    for key in GATED:
        old_value = baseline.get("summary", {}).get(key)
        if old_value is not None and summary[key] < old_value - TOLERANCE:
            lost.append(f"{key} fell from {old_value:.3f} to {summary[key]:.3f}")
    return lost


def markdown(summary: dict, results: list[CaseResult], mode: str, lost: list[str]) -> str:
    lines = ["# Eval report", "", f"Mode: {mode}", "", "| figure | value |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in summary.items()]
    lines += ["", "## Cases", "", "| case | passed | failed checks |", "|---|---|---|"]
    for r in results:
        failed = ", ".join(name for name, ok in r.checks.items() if not ok) or (r.error or "")
        lines.append(f"| {r.id} | {'yes' if r.passed else 'no'} | {failed.replace('|', '/')} |")
    if lost:
        lines += ["", "## Regressions against the baseline", ""] + [f"- {item}" for item in lost]
    return "\n".join(lines) + "\n"
