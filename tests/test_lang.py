"""Language packs: each language the coach speaks is complete on its own."""

from __future__ import annotations

import datetime as dt

from coach.lang import DEFAULT, PACKS, detect, in_other_script, of_word, pack
from coach.retrieval.lexical import tokenize


def test_every_pack_has_every_key_slot_and_level_of_the_default() -> None:
    base = PACKS[DEFAULT]
    for code, p in PACKS.items():
        assert set(p.text) == set(base.text), code
        assert set(p.phrases) == set(base.phrases), code
        assert set(p.level_names) == set(base.level_names) == set(p.level_names_target), code
        assert list(p.questions) == list(base.questions), code
        for stage, slots in base.questions.items():
            assert [s for s, _ in p.questions[stage]] == [s for s, _ in slots], (code, stage)
        # Only "rendered" may be empty: a Russian answer needs no "(rendered from the Russian)".
        assert [k for k, v in p.text.items() if not v.strip()] in ([], ["rendered"]), code


def test_the_script_decides_the_language_the_stemmer_and_the_quotes() -> None:
    assert detect("Как мне вырасти до сеньора? SDE-2") == "ru"
    assert detect("How do I get to senior? Спасибо") == "en"
    assert detect("ok 42") == DEFAULT
    assert of_word("инциденты").code == "ru" and of_word("incidents").code == "en"
    assert tokenize("инциденты инцидентов") == [tokenize("инцидент")[0]] * 2
    assert in_other_script("fix the инциденты", "en") and not in_other_script("fix it", "en")
    assert pack("ru").quotes == ("«", "»") and pack("xx").code == DEFAULT


def test_dates_and_own_words_are_said_the_packs_way() -> None:
    day = dt.date(2026, 11, 27)
    assert pack("en").format_date(day) == "Friday 27 November"
    assert pack("ru").format_date(day) == "пятница, 27 ноября"
    assert pack("en").second_person("I'll list our top pages for my lead") == (
        "you'll list your top pages for your lead"
    )
    assert pack("ru").second_person("составлю список") == "составлю список"


def test_a_message_is_read_with_every_packs_words_joined() -> None:
    """Each pack brings its own alternatives for a signal; none holds another's words."""
    import re

    from coach.lang import reading, reading_names

    assert reading("distress").search("I want to disappear") and reading("distress").search(
        "не могу больше"
    )
    default = PACKS[DEFAULT]
    others = "".join(p.letters for p in PACKS.values() if p is not default)
    for p in PACKS.values():
        for name, pattern in p.reads.items():
            re.compile(pattern)
            if p is default:  # the default pack holds no other script's words
                assert not re.search(f"[{others}]", pattern), name
    assert "possible-bias" in reading_names("situation:")
    try:
        reading("no-such-signal")
    except KeyError:
        pass
    else:
        raise AssertionError("an unknown signal name must be an error, not an empty regex")


def test_weekday_words_are_whole_words_and_the_day_of_month_decides() -> None:
    from coach.coaching.dates import parse_due

    sunday = dt.date(2026, 11, 29)
    assert parse_due("the last 3 months of pages", sunday) == (None, "")
    assert parse_due("I am satisfied with it", sunday) == (None, "")
    assert parse_due("by Friday", sunday)[0] == dt.date(2026, 12, 4)
    assert parse_due("by Friday the 14th", sunday) == (dt.date(2026, 12, 14), "by Friday the 14th")
    assert parse_due("до пятницы", sunday)[0] == dt.date(2026, 12, 4)


def test_next_weekday_means_the_same_day_in_both_languages() -> None:
    """Before, "by next Friday" said on a Monday was that week's Friday (the lead words
    swallowed "next") while "к следующей пятнице" was the Friday after: one phrase, two
    dates in one reading."""
    from coach.coaching.dates import parse_due

    monday = dt.date(2026, 11, 30)
    assert parse_due("by next Friday", monday)[0] == dt.date(2026, 12, 11)
    assert parse_due("к следующей пятнице", monday)[0] == dt.date(2026, 12, 11)
    assert parse_due("next Tuesday", monday)[0] == dt.date(2026, 12, 8)
    assert parse_due("by Friday", monday)[0] == dt.date(2026, 12, 4)
    assert parse_due("this Friday", monday)[0] == dt.date(2026, 12, 4)
    thursday = dt.date(2026, 12, 3)
    assert parse_due("next Monday", thursday)[0] == dt.date(2026, 12, 7)  # already next week


def test_a_step_said_back_keeps_who_is_who_and_on_which_day(make_coach) -> None:
    """Before, "I'll sign by friday unless you give me a reason not to" came back as "sign
    unless you give you a reason", and a step at "our 1:1 on Thursday" was due "by" it."""
    from coach.lang.en import second_person

    assert second_person("sign unless you give me a reason not to") == (
        "sign unless I give you a reason not to"
    )
    assert second_person("send you my draft") == "send me your draft"
    assert second_person("ask my lead what you suggested") == "ask your lead what I suggested"
    coach = make_coach()
    answer = coach.ask(
        None, "Ok I'll ask my manager at our 1:1 on Thursday what the Engineer II expectations are."
    ).answer
    assert "on Thursday" in answer and "by Thursday" not in answer, answer


def test_a_start_date_is_not_a_due_date_and_sound_reasonable_checks_the_step(make_coach) -> None:
    """Before, "…for 6 weeks starting Monday the 3rd, and we decide together after that"
    came back as "…for 6 weeks starting, and you decide together after that by Thursday 3
    December", and "Sound reasonable?" was not heard as asking whether the step is good."""
    from coach.coaching.profile import commitments_in
    from coach.coaching.signals import classify

    said = (
        "Ok, I'm going to propose to the CTO that I try running the 1:1s for 6 weeks "
        "starting Monday the 3rd, and we decide together after that. Sound reasonable?"
    )
    (step,) = commitments_in(said, dt.date(2026, 11, 30))
    assert "starting Monday the 3rd" in step.action and step.due is None
    assert classify(said).checks_a_plan
    assert classify(
        "I'll keep a dated log and ask my skip-level. Anything I'm missing?"
    ).checks_a_plan
    assert not classify("Sounds like my manager is busy.").checks_a_plan
    answer = make_coach().ask(None, said).answer
    assert answer.startswith("It's a good step"), answer
    assert "starting, and" not in answer and "by Thursday" not in answer, answer
