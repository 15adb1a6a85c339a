"""Reports and the regression gate: JSON, Markdown, a terminal table, the baseline."""

from __future__ import annotations

import html
import json
from pathlib import Path

from coach.errors import CoachError
from coach.evals.checks import CaseResult
from coach.settings import default_evals_dir

DEFAULT_BASELINE = default_evals_dir() / "baseline.json"
GATED = ("pass_rate", "guidance_coverage", "hit_at_k", "recall_at_k", "mrr", "question_rate")
TOLERANCE = 1e-9


def report_json(summary: dict, results: list[CaseResult], mode: str) -> dict:
    return {"mode": mode, "summary": summary, "cases": [r.as_dict() for r in results]}


def baseline_data(summary: dict, results: list[CaseResult]) -> dict:
    data = {
        "summary": {key: summary[key] for key in GATED},
        "cases": {r.id: {"passed": r.passed, "checks": r.checks} for r in results},
    }
    splits = summary.get("splits") or {}
    if splits:
        data["splits"] = {
            name: {key: figures[key] for key in GATED} for name, figures in splits.items()
        }
    return data


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
        if old_value is not None and key in summary and summary[key] < old_value - TOLERANCE:
            lost.append(f"{key} fell from {old_value:.3f} to {summary[key]:.3f}")
    for split, old_figures in (baseline.get("splits") or {}).items():
        now = (summary.get("splits") or {}).get(split)
        if now is None:
            continue
        for key in GATED:
            old_value = old_figures.get(key)
            if old_value is not None and now[key] < old_value - TOLERANCE:
                lost.append(f"{split} {key} fell from {old_value:.3f} to {now[key]:.3f}")
    return lost


def gate(
    baseline_path: Path,
    summary: dict,
    results: list[CaseResult],
    *,
    explicit: bool,
    update: bool,
    live: bool,
) -> list[str]:
    """Update the baseline, or compare with it; the regressions found (empty when none).

    Live runs are not gated: a model's answers vary between runs.
    """
    if update:
        write_baseline(baseline_path, summary, results)
        return []
    if live:
        return []
    known = load_baseline(baseline_path)
    if known is None:
        if explicit:
            raise CoachError(
                f"Baseline {baseline_path} does not exist; create it with --update-baseline."
            )
        return []
    return regressions(known, summary, results)


def _figures_table(summary: dict) -> list[str]:
    splits = summary.get("splits") or {}
    names = list(splits)
    keys = [k for k, v in summary.items() if not isinstance(v, dict)]
    head = "| figure | all | " + " | ".join(names) + " |" if names else "| figure | value |"
    lines = [head, "|---" * (2 + len(names)) + "|"]
    for key in keys:
        cells = [str(summary[key])] + [str(splits[n].get(key, "")) for n in names]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return lines


def _quote_block(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in (text or "(empty)").splitlines()]


def _judge_cells(r: CaseResult) -> str:
    if not r.judge:
        return ""
    scores = r.judge.get("scores") or {}
    return ", ".join(f"{k} {v}" for k, v in scores.items()) or str(r.judge.get("error", ""))


def markdown(summary: dict, results: list[CaseResult], mode: str, lost: list[str]) -> str:
    lines = ["# Eval report", "", f"Mode: {mode}", ""]
    lines += [
        "Figures per split: dev cases may be tuned on; test cases were written from the",
        "sources and are never tuned on.",
        "",
    ]
    lines += _figures_table(summary)
    judged = any(r.judge for r in results)
    head = "| case | split | category | passed | failed checks |" + (" judge |" if judged else "")
    lines += ["", "## Cases", "", head, "|---|---|---|---|---|" + ("---|" if judged else "")]
    for r in results:
        failed = ", ".join(name for name, ok in r.checks.items() if not ok) or (r.error or "")
        row = (
            f"| {r.id} | {r.split} | {r.category} | {'yes' if r.passed else 'no'} "
            f"| {failed.replace('|', '/')} |"
        )
        if judged:
            row += f" {_judge_cells(r).replace('|', '/')} |"
        lines.append(row)
    failing = [r for r in results if not r.passed]
    if failing:
        lines += ["", "## Failing cases", ""]
    for r in failing:
        lines += [f"### {r.id} ({r.split}, {r.category})", ""]
        exchanges = r.turns or [{"question": r.question, "answer": r.answer, "cited": r.cited}]
        for i, t in enumerate(exchanges, start=1):
            label = f"Turn {i}: " if r.turns else ""
            lines += [f"**{label}Question:** {t['question']}", "", "**Answer:**", ""]
            lines += [*_quote_block(t["answer"]), ""]
            if t.get("cited"):
                lines.append("**Cited passages:**")
                lines.append("")
                for c in t["cited"]:
                    text = " ".join(c["passage"].split())
                    lines.append(f"- [{c['n']}] {c['doc_id']} · {c['heading']}: {text[:400]}")
                lines.append("")
        lines.append("**Failed checks:**")
        lines.append("")
        for name, why in r.failures():
            lines.append(f"- `{name}`: {why}")
        if r.error:
            lines.append(f"- error: {r.error}")
        if r.judge:
            lines += ["", f"**Judge:** {json.dumps(r.judge, ensure_ascii=False)}"]
        lines.append("")
    if judged:
        lines += ["", "## Judge scores", ""]
        for r in results:
            if r.judge:
                lines.append(f"- {r.id}: {_judge_cells(r)}")
    if lost:
        lines += ["", "## Regressions against the baseline", ""] + [f"- {item}" for item in lost]
    return "\n".join(lines) + "\n"


HTML_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:6px;
vertical-align:top;text-align:left}tr.fail>td:first-child{border-left:4px solid #c33}
tr.pass>td:first-child{border-left:4px solid #3a3}pre{white-space:pre-wrap;margin:0}
details{margin:.3em 0}.why{color:#a22}.meta{color:#666}
"""
HTML_SCRIPT = """
function applyFilter(){var c=document.getElementById('cat').value,
s=document.getElementById('split').value,f=document.getElementById('only').checked;
document.querySelectorAll('tbody tr').forEach(function(r){
var ok=(!c||r.dataset.category===c)&&(!s||r.dataset.split===s)&&(!f||r.className==='fail');
r.style.display=ok?'':'none';});}
"""


def html_report(summary: dict, results: list[CaseResult], mode: str, lost: list[str]) -> str:
    """One self-contained page: figures, then one row per case, filterable by category."""
    e = html.escape
    categories = sorted({r.category for r in results})
    figure_rows = "".join(
        f"<tr>{''.join(f'<td>{e(c.strip())}</td>' for c in line.strip('|').split('|'))}</tr>"
        for line in _figures_table(summary)[2:]
    )
    head_cells = "".join(
        f"<th>{e(c.strip())}</th>" for c in _figures_table(summary)[0].strip("|").split("|")
    )
    rows = []
    for r in results:
        exchanges = r.turns or [{"question": r.question, "answer": r.answer, "cited": r.cited}]
        parts = []
        for t in exchanges:
            cited = "".join(
                f"<li>[{c['n']}] {e(c['doc_id'])} · {e(c['heading'])}: {e(c['passage'][:600])}</li>"
                for c in t.get("cited", [])
            )
            parts.append(
                f"<p><b>Q:</b> {e(t['question'])}</p><pre>{e(t['answer'])}</pre>"
                + (
                    f"<details><summary>cited passages</summary><ul>{cited}</ul></details>"
                    if cited
                    else ""
                )
            )
        failures = "".join(
            f"<li><code>{e(n)}</code>: <span class='why'>{e(w)}</span></li>"
            for n, w in r.failures()
        )
        if r.error:
            failures += f"<li>error: {e(r.error)}</li>"
        judge = f"<div class='meta'>judge: {e(_judge_cells(r))}</div>" if r.judge else ""
        rows.append(
            f"<tr class='{'pass' if r.passed else 'fail'}' data-category='{e(r.category)}' "
            f"data-split='{e(r.split)}'><td>{e(r.id)}<div class='meta'>{e(r.split)} · "
            f"{e(r.category)}</div></td><td>{'yes' if r.passed else 'no'}</td>"
            f"<td>{''.join(parts)}</td><td><ul>{failures}</ul>{judge}</td></tr>"
        )
    options = "".join(f"<option value='{e(c)}'>{e(c)}</option>" for c in categories)
    regress = "".join(f"<li>{e(item)}</li>" for item in lost)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Eval report</title><style>{HTML_STYLE}</style></head><body>"
        f"<h1>Eval report</h1><p class='meta'>Mode: {e(mode)}</p>"
        f"<table><thead><tr>{head_cells}</tr></thead>{figure_rows}</table>"
        + (f"<h2>Regressions against the baseline</h2><ul>{regress}</ul>" if lost else "")
        + "<h2>Cases</h2><p><label>category <select id='cat' onchange='applyFilter()'>"
        f"<option value=''>all</option>{options}</select></label> "
        "<label>split <select id='split' onchange='applyFilter()'><option value=''>all</option>"
        "<option>dev</option><option>test</option></select></label> "
        "<label><input type='checkbox' id='only' onchange='applyFilter()'> failing only</label></p>"
        "<table><thead><tr><th>case</th><th>passed</th><th>conversation</th><th>failed checks</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<script>{HTML_SCRIPT}</script></body></html>\n"
    )
