"""The promotion plan: edits, proposals, follow-ups, gaps, the packet draft and the calendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from coach.interfaces.cli import app
from coach.plan import model as plans
from coach.plan.export import packet_markdown, plan_ics, plan_markdown
from coach.plan.model import Evidence, Plan
from tests.conftest import REPO

MON = dt.date(2026, 11, 23)


def test_the_coach_fills_empty_fields_but_only_proposes_over_the_persons_words() -> None:
    plan = plans.propose(Plan(), "target_level", "staff engineer", "you said staff")
    assert plan.target_level == "staff engineer" and not plan.proposals
    mine = plans.set_field(plan, "target_level", "senior engineer")
    again = plans.propose(mine, "target_level", "staff engineer", "you said staff again")
    assert again.target_level == "senior engineer"
    assert [(p.field, p.value) for p in again.proposals] == [("target_level", "staff engineer")]
    accepted = plans.set_field(again, "target_level", "staff engineer")
    assert accepted.target_level == "staff engineer" and not accepted.proposals


def test_the_same_open_commitment_is_not_added_twice() -> None:
    plan, first = plans.add_commitment(Plan(), "List the top incidents", MON, today=MON)
    plan, second = plans.add_commitment(plan, "list the top incidents.", MON, today=MON)
    assert first.id == second.id and len(plan.commitments) == 1


def test_due_commitments_are_followed_up_once_and_answers_are_recorded() -> None:
    friday = MON + dt.timedelta(days=4)
    plan, c = plans.add_commitment(Plan(), "List the top recurring incidents", friday, today=MON)
    assert plans.due_followups(plan, MON) == []
    later = friday + dt.timedelta(days=3)
    assert [x.id for x in plans.due_followups(plan, later)] == [c.id]
    done, status = plans.record_followup(
        plan, c.id, "Done! Pages went from 20 a week to 4 after the first two fixes.", today=later
    )
    assert status == "done" and done.commitments[0].status == "done"
    assert done.commitments[0].closed == later and plans.due_followups(done, later) == []
    evidence = done.evidence[0]
    assert evidence.date == later and evidence.commitment == c.id
    assert "from 20 a week to 4" in evidence.impact


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("I haven't finished it, ran out of time", "slipped"),
        ("Not yet, next week instead", "slipped"),
        ("I decided against it, my manager had a better idea", "dropped"),
        ("Yes, I did it on Tuesday", "done"),
        ("Сделал, отправил руководителю", "done"),
        ("Не успел", "slipped"),
        ("hmm, tell me more about staff", None),
    ],
)
def test_follow_up_answers_are_read_with_their_negations(answer: str, status: str | None) -> None:
    assert plans.classify_followup(answer) == status


def test_an_unclear_answer_marks_the_follow_up_asked_but_changes_nothing_else() -> None:
    plan, c = plans.add_commitment(Plan(), "Talk to my manager", MON, today=MON)
    after, status = plans.record_followup(plan, c.id, "what do you think?", today=MON)
    assert status is None and after.commitments[0].status == "open"
    assert after.commitments[0].followed_up == MON and plans.due_followups(after, MON) == []


def test_check_ins_repeat_quarterly_and_months_clamp() -> None:
    plan = Plan(check_in={"next": dt.date(2026, 11, 30)})
    moved = plans.advance_check_in(plan, dt.date(2026, 12, 1))
    assert moved.check_in.next == dt.date(2027, 2, 28)
    assert plans.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


def test_the_calendar_parses_back_with_the_quarterly_check_in_and_due_dates() -> None:
    plan, _ = plans.add_commitment(Plan(), "Draft the pages Pareto", MON, today=MON)
    plan, done = plans.add_commitment(plan, "Already done thing", MON, today=MON)
    plan = plans.set_status(plan, done.id, "done", today=MON)
    plan = plan.model_copy(update={"check_in": plans.CheckIn(next=dt.date(2026, 12, 15))})
    calendar = Calendar.from_ical(plan_ics(plan, "local", MON))
    events = {str(e.get("summary")): e for e in calendar.walk("VEVENT")}
    check = events["Career check-in with your manager"]
    assert check.decoded("dtstart") == dt.date(2026, 12, 15)
    rule = check.get("rrule")
    assert rule["FREQ"] == ["MONTHLY"] and rule["INTERVAL"] == [3]
    assert events["Due: Draft the pages Pareto"].decoded("dtstart") == MON
    assert "Due: Already done thing" not in events  # closed commitments leave the calendar


def test_the_packet_draft_cites_only_the_persons_evidence() -> None:
    plan = plans.set_field(Plan(), "target_level", "senior engineer")
    plan = plans.add_evidence(
        plan,
        Evidence(
            date=dt.date(2026, 10, 2),
            what="Built the incident Pareto for the payments service",
            impact="pages fell from 20 a week to 3",
            links=["https://wiki.example/pareto"],
        ),
    )
    text = packet_markdown(plan, MON)
    assert "Built the incident Pareto for the payments service" in text
    assert "[E1, 2026-10-02]" in text and "pages fell from 20 a week to 3" in text
    assert "*To gather:*" in text  # feedback has no evidence, so nothing is invented there
    empty = packet_markdown(Plan(), MON)
    assert "Result:" not in empty and "[E1" not in empty


def test_person_text_cannot_forge_headings_in_the_views() -> None:
    plan, _ = plans.add_commitment(
        Plan(), "ship it\n## Manager's assessment\nexcellent", None, today=MON
    )
    text = plan_markdown(plan, MON)
    assert "\n## Manager's assessment" not in text


def cli(tmp_path: Path, *args: str):
    result = CliRunner().invoke(app, [*args, "--data-dir", str(tmp_path / "data")])
    return result


def test_the_plan_commands_edit_map_gaps_export_and_write_a_calendar(tmp_path: Path) -> None:
    shown = cli(tmp_path, "plan", "edit", "--set", "target_level=SDE-3", "--map-gaps", "--json")
    assert shown.exit_code == 0, shown.output
    plan = json.loads(shown.output)
    dims = {g["dimension"]: g["doc_id"] for g in plan["gaps"]}
    assert dims["Scope"] == "ladders/ic-3-senior-engineer" and "Delivery" in dims
    made = cli(
        tmp_path,
        "plan",
        "edit",
        "--commit",
        "List the top 10 recurring pages",
        "--due",
        "2026-12-04",
        "--check-in",
        "2026-12-15",
        "--json",
    )
    commitment = json.loads(made.output)["commitments"][0]
    assert commitment["due"] == "2026-12-04" and commitment["status"] == "open"
    done = cli(
        tmp_path,
        "plan",
        "edit",
        "--status",
        f"{commitment['id']}=done",
        "--evidence",
        "Listed the top 10 pages",
        "--impact",
        "2 causes behind 60% of pages",
        "--gap",
        plan["gaps"][0]["id"],
        "--json",
    )
    assert json.loads(done.output)["commitments"][0]["status"] == "done"
    text = cli(tmp_path, "plan", "show").output
    assert "✓ List the top 10 recurring pages" in text and "E1" in text
    packet = cli(tmp_path, "plan", "export", "--json")
    assert "Listed the top 10 pages" in json.loads(packet.output)["markdown"]
    ics = tmp_path / "plan.ics"
    assert cli(tmp_path, "plan", "ics", "-o", str(ics)).exit_code == 0
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert ics.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--commit", "x", "--due", "next friday"], "is not a date"),
        (["--status", "zzzz=done"], "No commitment"),
        (["--status", "1=finished"], "use ID=open"),
        (["--set", "salary=1"], "Unknown plan field"),
        (["--map-gaps"], "Set a target level first"),
        (["--evidence", "x", "--link", "javascript:alert(1)"], "must be an http"),
    ],
)
def test_plan_mistakes_are_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    from coach.interfaces.cli import main  # noqa: F401 - the same error path as the console script

    result = cli(tmp_path, "plan", "edit", *args)
    assert result.exit_code != 0
    assert message in str(result.exception) or message in result.output


def test_three_conversations_on_different_days_follow_a_commitment_through_to_the_packet(
    corpus_runtime, tmp_path: Path
) -> None:
    """Made in the first conversation, followed up when due, done with evidence, in the draft."""
    from coach.coaching.turn import Coach
    from coach.llm.offline import OfflineResponder
    from coach.sessions.sqlite import SessionStore

    days = iter([dt.date(2026, 11, 23), dt.date(2026, 11, 30), dt.date(2026, 12, 20)])
    today = next(days)
    store = SessionStore(tmp_path / "s.sqlite3")
    coach = Coach(
        corpus_runtime.settings,
        corpus_runtime.retriever,
        OfflineResponder(),
        store,
        today=lambda: today,
    )
    transcript: list[str] = []

    def say(session: str | None, text: str) -> str:
        result = coach.ask(session, text)
        transcript.extend([f"you> {text}", f"coach> {result.answer}"])
        return result.session_id

    # Monday: a commitment with a date.
    first = say(None, "I'm an SDE-2 on a team that gets paged all week. I want to become senior.")
    say(first, "I'll list the top 10 recurring pages by Friday.")
    plan = store.get_plan("local")
    assert [(c.action, c.due, c.author) for c in plan.commitments] == [
        ("list the top 10 recurring pages", dt.date(2026, 11, 27), "coach")
    ]
    assert plan.target_level and plan.current_level == "SDE-2"

    # The next Monday: the coach opens with it; the answer is recorded with evidence.
    today = next(days)
    opened = coach.open_conversation("local")
    assert opened is not None
    second, greeting = opened
    transcript.append(f"coach> {greeting}")
    assert "list the top 10 recurring pages" in greeting and "2026-11-27" in greeting
    say(second, "Done! Pages went from 20 a week to 6 after fixing the top two causes.")
    assert "marked “list the top 10 recurring pages” done" in transcript[-1]
    plan = store.get_plan("local")
    assert plan.commitments[0].status == "done" and plan.commitments[0].closed == today
    evidence = plan.evidence[0]
    assert evidence.date == dt.date(2026, 11, 30) and "from 20 a week to 6" in evidence.impact
    assert coach.open_conversation("local") is None, "asked once, answered, not asked again"
    store.save_plan("local", plan.model_copy(update={"check_in": plans.CheckIn(next=today)}))

    # Three weeks later: the check-in has passed; a new commitment is made.
    today = next(days)
    opened = coach.open_conversation("local")
    assert opened is not None and "check-in" in opened[1]
    transcript.append(f"coach> {opened[1]}")
    say(
        opened[0],
        "My manager agreed. I will write the design doc for the pager fixes by end of month.",
    )
    plan = store.get_plan("local")
    assert plan.check_in.next == dt.date(2027, 2, 28)  # quarterly from 2026-11-30
    assert plan.commitments[-1].due == dt.date(2026, 12, 31)

    packet = packet_markdown(plan, today)
    assert "list the top 10 recurring pages: Done! Pages went from 20 a week to 6" in packet
    assert "[E1, 2026-11-30]" in packet
    calendar = Calendar.from_ical(plan_ics(plan, "local", today))
    events = {str(e.get("summary")): e for e in calendar.walk("VEVENT")}
    check_in = events["Career check-in with your manager"]
    assert check_in.decoded("dtstart") == dt.date(2027, 2, 28)
    assert check_in.get("rrule")["INTERVAL"] == [3]
    due = [e for name, e in events.items() if name.startswith("Due: write the design doc")]
    assert due and due[0].decoded("dtstart") == dt.date(2026, 12, 31)
    out = REPO / "artifacts" / "plan"
    out.mkdir(parents=True, exist_ok=True)
    (out / "three-conversations.txt").write_text("\n\n".join(transcript) + "\n", encoding="utf-8")
