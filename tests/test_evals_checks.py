"""Negative checks, splits and scripted conversations, semantic coverage, reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.evals.cases import load_cases
from coach.evals.checks import CaseResult, summarise
from coach.evals.negatives import (
    AnswerContext,
    CorpusFacts,
    check_language,
    check_promise,
    negative_checks,
)
from coach.evals.report import baseline_data, html_report, markdown, regressions
from tests.conftest import CORPUS

OPS = "articles/no-one-will-give-you-a-promotion"


@pytest.fixture(scope="module")
def facts() -> CorpusFacts:
    return CorpusFacts.load(CORPUS)


def ctx(answer: str, question: str = "q", **kw: object) -> AnswerContext:
    base: dict = {
        "answer": answer,
        "question": question,
        "user_texts": [question],
        "lang": "en",
        "known": {},
        "profile_track": None,
        "cited_docs": [],
        "earlier_answers": [],
    }
    base.update(kw)
    return AnswerContext(**base)


def test_shipped_cases_have_a_test_split_with_conversations() -> None:
    cases = load_cases()
    dev = [c for c in cases if c.split == "dev"]
    test = [c for c in cases if c.split == "test"]
    assert len(dev) >= 50
    assert len(test) >= 25 + 12
    conversations = [c for c in test if c.is_conversation]
    assert len(conversations) >= 12
    assert {c.category for c in dev} >= {"operational-work", "russian", "boundaries"}


def test_an_old_case_file_loads_unchanged_as_dev(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(
        "- id: a\n  question: q\n  history:\n    - {role: user, content: hi}\n"
        "    - {role: assistant, content: hello}\n"
        "  expect: {covers: [{point: p, any: [x]}], asks_question: true}\n",
        encoding="utf-8",
    )
    (case,) = load_cases([old])
    assert case.split == "dev" and case.category == "old" and len(case.script()) == 1
    (tmp_path / "test").mkdir()
    moved = tmp_path / "test" / "new.yaml"
    moved.write_text(old.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_cases([moved])[0].split == "test"


def test_a_case_needs_a_question_or_turns_not_both(tmp_path: Path) -> None:
    from coach.evals.cases import CaseFileError

    both = tmp_path / "both.yaml"
    both.write_text("- id: x\n  question: q\n  expect: {}\n  turns: [{say: hi}]\n")
    with pytest.raises(CaseFileError, match="either a question"):
        load_cases([both])


def test_marked_complaints_fail_even_through_their_english_rendering(facts: CorpusFacts) -> None:
    quoted = ctx("As one source says: “They paint buttons and move pictures.” [1]")
    verdict = negative_checks(facts, quoted)["marked_quote"]
    assert not verdict.ok and "complaint" in verdict.reason and "paint buttons" in verdict.reason
    # Eloise's complaint is in Russian in the body; its English rendering is marked too.
    rendered = ctx("- We don't have big problems they could solve. [2]")
    assert not negative_checks(facts, rendered)["marked_quote"].ok
    short = negative_checks(facts, ctx("- “Eloise shrugged.” [2]"))["marked_quote"]
    assert not short.ok and "story" in short.reason
    assert negative_checks(facts, ctx("Eloise shrugged it off."))["marked_quote"].ok
    intro = ctx("The main message, as a rule, boils down to the following.")
    assert "intro" in negative_checks(facts, intro)["marked_quote"].reason
    advice = ctx("“Fixing large-scale operational problems is a very measurable problem to solve.”")
    assert negative_checks(facts, advice)["marked_quote"].ok


def test_the_persons_own_words_said_back_are_not_a_quote(facts: CorpusFacts) -> None:
    said = "my team paints buttons and moves pictures. They paint buttons and move pictures."
    echoed = ctx("You said “They paint buttons and move pictures.”", question=said)
    assert negative_checks(facts, echoed)["marked_quote"].ok


def test_ladder_guidance_must_fit_the_persons_level(facts: CorpusFacts) -> None:
    senior = {"current_level": "senior engineer", "target_level": "staff"}
    wrong = ctx("Write tests [1].", known=senior, cited_docs=["ladders/ic-1-entry-engineer"])
    verdict = negative_checks(facts, wrong)["ladder_fit"]
    assert not verdict.ok and "ic-1-entry-engineer (entry)" in verdict.reason
    right = ctx("Cross teams [1].", known=senior, cited_docs=["ladders/ic-4-staff-engineer"])
    assert negative_checks(facts, right)["ladder_fit"].ok
    manager = ctx("Hire [1].", known=senior, cited_docs=["ladders/management-track"])
    assert not negative_checks(facts, manager)["ladder_fit"].ok
    asked = ctx(
        "Hire [1].",
        question="Should I become a manager?",
        known=senior,
        cited_docs=["ladders/management-track"],
    )
    assert negative_checks(facts, asked)["ladder_fit"].ok
    # A manager weighing a move back to IC (track now "ic") is still a manager.
    em = ctx(
        "Respected [1].",
        question="If I go back to IC, will it look like a demotion?",
        known={"current_level": "engineering manager", "track": "ic"},
        cited_docs=["ladders/management-track"],
    )
    assert negative_checks(facts, em)["ladder_fit"].ok
    assert "ladder_fit" not in negative_checks(
        facts, ctx("x", cited_docs=["ladders/ic-1-entry-engineer"])
    )


def test_asking_for_a_known_field_fails_and_says_which(facts: CorpusFacts) -> None:
    known = {"target_level": "senior", "manager_alignment": "misaligned"}
    verdict = negative_checks(
        facts,
        ctx("Good. What level are you aiming for? Have you talked with your manager?", known=known),
    )["known_question"]
    assert not verdict.ok
    assert "target_level" in verdict.reason and "manager_alignment" in verdict.reason
    fine = ctx("Which recurring page costs you most?", known=known)
    assert negative_checks(facts, fine)["known_question"].ok


def test_a_card_or_quote_used_twice_in_a_conversation_fails(facts: CorpusFacts) -> None:
    line = "Fixing large-scale operational problems is a very measurable problem to solve."
    again = ctx(f"Remember: {line}", earlier_answers=[f"“{line}” [1] What next?"])
    verdict = negative_checks(facts, again)["repeat"]
    assert not verdict.ok and "measurable problem" in verdict.reason
    assert negative_checks(facts, ctx(line, earlier_answers=["Hello."]))["repeat"].ok


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("Do this and you will get promoted.", False),
        ("I promise you'll make staff.", False),
        ("Гарантирую, вас точно повысят.", False),
        ("No one can guarantee you will get promoted.", True),
        ("I can't promise you'll make staff, but here is what helps.", True),
        ("Will you get promoted? That depends on evidence.", True),
    ],
)
def test_promises(answer: str, ok: bool) -> None:
    assert check_promise(ctx(answer)).ok is ok


def test_language_must_match_the_question() -> None:
    russian = ctx("Goal: What draws you to it? Reality: tell me more about your team.", lang="ru")
    verdict = check_language(russian)
    assert not verdict.ok and "Russian" in verdict.reason
    assert check_language(ctx("Что вас привлекает в уровне senior? [1]", lang="ru")).ok
    assert not check_language(ctx("Что вас привлекает в повышении?", lang="en")).ok
    quoted = ctx("The source says «Проблема не в том, что у вашей команды нет возможностей» [1].")
    assert check_language(quoted).ok


def result(id_: str, split: str, passed: bool) -> CaseResult:
    return CaseResult(
        id_,
        "<b>answer</b> & more",
        ["d"],
        [],
        {"no:promise": passed, "covers:x": True},
        split=split,
        category="cat<script>",
        question="q <i>",
        reasons={} if passed else {"no:promise": "promises a promotion: 'you will'"},
        cited=[{"n": 1, "doc_id": "d", "heading": "h", "passage": "<p>text</p>"}],
    )


def test_reports_show_failures_with_reasons_and_escape_everything() -> None:
    cases = load_cases()
    results = [result(cases[0].id, "dev", True), result(cases[-1].id, "test", False)]
    summary = summarise(cases, results)
    assert summary["splits"]["dev"]["pass_rate"] == 1.0
    assert summary["splits"]["test"]["pass_rate"] == 0.0
    md = markdown(summary, results, "m", [])
    assert "## Failing cases" in md and "promises a promotion" in md and "Cited passages" in md
    page = html_report(summary, results, "m", [])
    assert "<b>answer</b>" not in page and "&lt;b&gt;answer&lt;/b&gt;" in page
    assert "cat<script>" not in page and "<script>" in page  # only the page's own filter
    assert "http" not in page.replace("http-equiv", "")  # no external assets
    assert "data-category='cat&lt;script&gt;'" in page


def test_the_gate_covers_both_splits() -> None:
    cases = load_cases()
    before = [result(cases[0].id, "dev", True), result(cases[-1].id, "test", True)]
    baseline = baseline_data(summarise(cases, before), before)
    assert set(baseline["splits"]) == {"dev", "test"}
    after = [result(cases[0].id, "dev", True), result(cases[-1].id, "test", False)]
    lost = regressions(baseline, summarise(cases, after), after)
    assert any(item.startswith("test pass_rate fell") for item in lost)
    assert any("passed before and now fails: lost no:promise" in item for item in lost)


def test_a_live_run_reports_how_often_the_models_own_answer_was_shown() -> None:
    """Set-aside answers are replaced by the offline coach's, and would otherwise pass
    for the model's; policy turns (distress, off-topic) are not the model's at all."""
    cases = load_cases()
    one, two = result(cases[0].id, "dev", True), result(cases[1].id, "dev", True)
    one.statuses, two.statuses = ["complete", "fallback", "fallback"], ["policy", "fallback"]
    assert summarise(cases, [one, two])["model_answer_rate"] == 0.25
    assert "model_answer_rate" not in summarise(cases, [result(cases[0].id, "dev", True)])
