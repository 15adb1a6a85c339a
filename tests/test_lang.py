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
    assert pack("ru").format_date(day) == "27 ноября"
    assert pack("en").second_person("I'll list our top pages for my lead") == (
        "you'll list your top pages for your lead"
    )
    assert pack("ru").second_person("составлю список") == "составлю список"
