"""The eval suite: case loading, checks, metrics, cassettes, the baseline gate, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.evals.cases import Case, CaseFileError, load_cases
from coach.evals.cassette import Cassette, MissingRecording
from coach.evals.checks import CaseResult, count_questions, run_checks, summarise
from coach.evals.report import baseline_data, markdown, regressions
from coach.evals.runner import EvalOptions, RecordingModel, run_eval
from coach.llm.offline import OfflineResponder
from tests.conftest import Cli

GOOD = """
- id: a-case
  question: "Should I go for promotion?"
  expect:
    sources: ["articles/*"]
    covers:
      - point: "mentions goals"
        any: ["goal"]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_cases_load_and_cover_the_topics() -> None:
    cases = load_cases()
    assert len(cases) >= 40
    ids = {c.id for c in cases}
    for expected in (
        "ops-work-is-opportunity",
        "management-not-promotion",
        "distress-burnout",
        "override-instructions",
        "unanswerable-salary",
        "ru-maintenance-team",
        "followup-recurring-issues",
        "archetype-fit",
        "missed-a-cycle",
    ):
        assert expected in ids
    assert any(c.history for c in cases)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- id: x\n  question: [unclosed\n", "not valid YAML"),
        ("id: x\n", "must be a YAML list"),
        ("- question: q\n  expect: {}\n", "case #1: id: Field required"),
        ("- id: Bad Id\n  question: q\n  expect: {}\n", "case Bad Id: id:"),
        ("- id: x\n  question: q\n  expect: {max_questions: -1}\n", "case x: expect.max_questions"),
        ("- id: x\n  question: q\n  expect: {unknown: 1}\n", "case x: expect.unknown"),
        (
            "- id: x\n  question: q\n"
            "  history: [{role: user, content: a}, {role: user, content: b}]\n  expect: {}\n",
            "alternate",
        ),
    ],
)
def test_a_malformed_case_file_names_file_case_and_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", text)
    with pytest.raises(CaseFileError) as info:
        load_cases([good, bad])
    assert str(bad) in str(info.value) and problem in str(info.value)


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="duplicate id"):
        load_cases([write(tmp_path, "a.yaml", GOOD), write(tmp_path, "b.yaml", GOOD)])


def test_checks_on_a_hand_made_answer() -> None:
    case = Case.model_validate(
        {
            "id": "c",
            "question": "q",
            "expect": {
                "sources": ["articles/*", "ladders/ic-3*"],
                "passages": ["Pareto"],
                "covers": [{"point": "p1", "any": ["measurable"]}, {"point": "p2", "any": ["zzz"]}],
                "avoids": ["guarantee"],
                "asks_question": True,
                "max_questions": 1,
            },
        }
    )
    answer = "It is Measurable. “Why?” she asked. What will you try first?"
    checks = run_checks(case, answer, ["articles/x", "ladders/ic-2"], ["a pareto chart"])
    assert checks == {
        "source:articles/*": True,
        "source:ladders/ic-3*": False,
        "passage:Pareto": True,
        "covers:p1": True,
        "covers:p2": False,
        "avoids": True,
        "asks_question": True,
        "max_questions": True,
    }
    assert count_questions("One? Two?? «Three?» “Four?”") == 2


def test_summary_metrics_on_hand_made_results() -> None:
    cases = [
        Case.model_validate(
            {
                "id": "a",
                "question": "q",
                "expect": {"sources": ["d1", "d2"], "covers": [{"point": "x", "any": ["x"]}]},
            }
        ),
        Case.model_validate({"id": "b", "question": "q", "expect": {"sources": ["d3"]}}),
    ]
    results = [
        CaseResult(
            "a", "x? y", ["d0", "d1"], [], {"covers:x": True, "source:d1": True, "source:d2": False}
        ),
        CaseResult("b", "no question", ["d9"], [], {"source:d3": False}),
    ]
    summary = summarise(cases, results)
    assert summary["pass_rate"] == 0.0 and summary["guidance_coverage"] == 1.0
    assert summary["hit_at_k"] == 0.5 and summary["recall_at_k"] == 0.25
    assert summary["mrr"] == 0.25 and summary["question_rate"] == 0.5


def test_regressions_name_lost_cases_and_fallen_figures() -> None:
    before = [CaseResult("a", "", [], [], {"covers:x": True}), CaseResult("b", "", [], [], {})]
    summary_before = {
        "pass_rate": 1.0,
        "guidance_coverage": 1.0,
        "hit_at_k": 1.0,
        "recall_at_k": 1.0,
        "mrr": 1.0,
        "question_rate": 0.5,
    }
    baseline = baseline_data(summary_before, before)
    after = [CaseResult("a", "", [], [], {"covers:x": False}), CaseResult("b", "", [], [], {})]
    summary_after = dict(summary_before, pass_rate=0.5, question_rate=0.6)
    lost = regressions(baseline, summary_after, after)
    assert lost == [
        "case a passed before and now fails: lost covers:x",
        "pass_rate fell from 1.000 to 0.500",
    ]
    assert regressions(baseline, summary_before, before) == []
    assert "Regressions against the baseline" in markdown(summary_after, after, "m", lost)


def test_cassette_records_live_answers_and_replays_them_offline(
    tmp_path: Path, corpus_runtime
) -> None:
    """Record through the seam (the offline responder standing in for a live model), then
    replay through the mocked transport; a changed request fails and shows the change."""
    path = tmp_path / "cassette.json"
    cases = load_cases([write(tmp_path, "c.yaml", GOOD)])
    cassette = Cassette(path)
    cassette.current_case = "a-case"
    live = RecordingModel(OfflineResponder(), cassette)
    from coach.sessions.sqlite import SessionStore

    settings = corpus_runtime.settings.updated(llm_model=OfflineResponder.name)
    # The same coach the eval builds (every meaning reader), so the requests match.
    coach = corpus_runtime.make_coach(settings, live, SessionStore(tmp_path / "s.db"))
    recorded = coach.ask(None, cases[0].question)
    cassette.save()
    assert json.loads(path.read_text())["entries"]

    rt = corpus_runtime
    rt_settings = rt.settings
    rt.settings = settings
    try:
        replayed = run_eval(rt, cases, EvalOptions(replay=path))
        assert replayed[0].answer == recorded.answer and replayed[0].error is None

        changed = load_cases([write(tmp_path, "d.yaml", GOOD.replace("Should I", "Must I"))])
        missing = run_eval(rt, changed, EvalOptions(replay=path))
        assert missing[0].error and "changed since recording" in missing[0].error
        assert "Must I" in missing[0].error and not missing[0].passed
    finally:
        rt.settings = rt_settings
    with pytest.raises(MissingRecording, match="no recording for case"):
        fresh = Cassette(path)
        fresh.current_case = "other"
        fresh.replay("m", [])


@pytest.fixture
def env(indexed_env: dict[str, str]) -> dict[str, str]:
    return dict(indexed_env, COACH_LLM_API_KEY="sk-planted-eval-key-123456")


def test_offline_eval_passes_the_committed_baseline(
    cli: Cli, env: dict[str, str], tmp_path: Path
) -> None:
    """The CI gate: the shipped cases, offline, against evals/baseline.json."""
    report, md = tmp_path / "r.json", tmp_path / "r.md"
    proc = cli(["eval", "--json", str(report), "--report", str(md)], env)
    assert proc.exit_code == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    data = json.loads(report.read_text())
    assert {"summary", "cases"} <= set(data)
    assert data["summary"]["cases"] >= 40
    assert data["summary"]["splits"]["dev"]["hit_at_k"] >= 0.95
    assert {"dev", "test"} <= set(data["summary"]["splits"])
    for case in data["cases"]:
        assert {"id", "passed", "answer", "retrieved", "checks"} <= set(case)
        assert isinstance(case["passed"], bool)
    combined = report.read_text() + md.read_text() + proc.stdout + proc.stderr
    assert "sk-planted-eval-key-123456" not in combined


@pytest.mark.slow  # a second full eval run; the gate itself runs in the default loop
def test_broken_retrieval_fails_the_gate_with_the_lost_guidance(
    cli: Cli, env: dict[str, str]
) -> None:
    proc = cli(["eval", "--k", "1"], env)
    assert proc.exit_code == 1
    assert "Regression against" in proc.stderr
    assert "passed before and now fails: lost" in proc.stderr
    assert "hit_at_k fell from" in proc.stderr


def test_malformed_cases_stop_the_run_before_any_case(
    cli: Cli, env: dict[str, str], tmp_path: Path
) -> None:
    bad = write(tmp_path, "bad.yaml", "- id: x\n  question: q\n")
    proc = cli(["eval", "--cases", str(bad)], env)
    assert proc.exit_code == 1 and "case x: expect: Field required" in proc.stderr
    assert "Running" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow  # the scoring itself runs by default in test_retrieval.py
def test_retrieval_mode_reports_three_modes_per_split(cli: Cli, env: dict[str, str]) -> None:
    proc = cli(["eval", "--retrieval"], env)
    assert proc.exit_code == 0
    for mode in ("dense", "bm25", "hybrid"):
        assert mode in proc.stdout
    assert "nDCG" in proc.stdout
    dev, test = proc.stdout.index("dev split: "), proc.stdout.index("test split: ")
    assert dev < test
