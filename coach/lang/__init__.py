"""Language packs: what the coach knows about each language it speaks, one module each.

A pack (``coach/lang/<code>.py``) holds the script's letters, the Snowball stemmer, the
quote marks, the coach's words (``TEXT``, every key in every pack), the question bank,
how profile values and levels are said, how a date is said, and how a person's own words
are said back, and how a message is read: ``READS`` (the regexes behind
``coaching/signals.py`` and ``coaching/profile.py``, one entry per name) and
``LEVEL_PATTERNS`` (how levels are written). Adding a language is adding a pack and
registering it in ``PACKS``; no other module holds a language's words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from coach.lang import en, ru


@dataclass(frozen=True)
class Pack:
    code: str
    letters: str  # a regex character-class body: the script's letters
    stemmer: str  # Snowball algorithm name (PyStemmer)
    quotes: tuple[str, str]
    text: dict[str, str]
    phrases: dict[str, str]
    level_names: dict[str, str]
    level_names_target: dict[str, str]
    questions: dict[str, list[tuple[str, list[str]]]]
    second_person: Callable[[str], str]
    #: The coach's words for a workplace without a manager (``who`` decides instead, e.g.
    #: "the founder") or without one-on-ones; and the names of who decides, by stem.
    workplace_words: Callable[[str, str | None, bool], str]
    deciders: dict[str, str]
    format_date: Callable[[dt.date], str]
    reads: dict[str, str]  # name → this language's alternatives for that regex
    level_patterns: list[tuple[str, str]]  # (regex, canonical level) as the language says it
    number_words: dict[str, int]  # "three things", "in two weeks" → 3, 2
    stopwords: frozenset[str]  # what BM25 skips
    derivations: dict[str, str]  # stems a reader treats as one word
    expansions: list[tuple[str, str]]  # colloquial phrase → the corpus's words, for retrieval
    weekdays: dict[str, int]  # weekday names (or stems) → Monday=0
    months: dict[str, int]  # month names → 1..12
    date_lead: str  # words before a date ("by", "до"), regex alternatives
    date_next: str  # the word for "next" before a weekday
    date_units: dict[str, int]  # "week" → 7 days
    date_phrases: dict[str, str]  # kind of due date (coaching/dates.py KINDS) → regex

    @property
    def letter(self) -> re.Pattern[str]:
        return re.compile(f"[{self.letters}]")


def _pack(module: ModuleType) -> Pack:
    return Pack(
        code=module.CODE,
        letters=module.LETTERS,
        stemmer=module.STEMMER,
        quotes=module.QUOTES,
        text=module.TEXT,
        phrases=module.PHRASES,
        level_names=module.LEVEL_NAMES,
        level_names_target=module.LEVEL_NAMES_TARGET,
        questions=module.QUESTIONS,
        second_person=module.second_person,
        workplace_words=module.workplace_words,
        deciders=module.DECIDERS,
        format_date=module.format_date,
        reads=module.READS,
        level_patterns=module.LEVEL_PATTERNS,
        number_words=module.NUMBER_WORDS,
        stopwords=module.STOPWORDS,
        derivations=module.DERIVATIONS,
        expansions=module.EXPANSIONS,
        weekdays=module.WEEKDAYS,
        months=module.MONTHS,
        date_lead=module.DATE_LEAD,
        date_next=module.DATE_NEXT,
        date_units=module.DATE_UNITS,
        date_phrases=module.DATE_PHRASES,
    )


PACKS: dict[str, Pack] = {p.code: p for p in (_pack(en), _pack(ru))}
DEFAULT = "en"
#: Any letter of any pack's script; three in a row make a word ("ok" and "да" do not).
ANY_LETTER = re.compile("[" + "".join(p.letters for p in PACKS.values()) + "]")
WORD = re.compile("[" + "".join(p.letters for p in PACKS.values()) + "]{3,}")


def reading(name: str) -> re.Pattern[str]:
    """One regex for ``name`` over every pack: each language's alternatives, joined."""
    parts = [f"(?:{p.reads[name]})" for p in PACKS.values() if name in p.reads]
    if not parts:
        raise KeyError(f"no language pack reads {name!r}")
    return re.compile("|".join(parts), re.I)


def reading_names(prefix: str) -> list[str]:
    """Names under ``prefix`` ("situation:"), in the order the packs first list them."""
    names = (n for p in PACKS.values() for n in p.reads if n.startswith(prefix))
    return [n.removeprefix(prefix) for n in dict.fromkeys(names)]


def pack(code: str) -> Pack:
    """The pack for ``code``, or the default one for a language the coach doesn't speak."""
    return PACKS.get(code, PACKS[DEFAULT])


def detect(text: str) -> str:
    """The language whose letters the text uses most (the default on a tie)."""
    counts = {code: len(p.letter.findall(text)) for code, p in PACKS.items()}
    best = max(counts, key=lambda code: (counts[code], code == DEFAULT))
    return best if counts[best] else DEFAULT


def of_word(word: str) -> Pack:
    """The pack whose script a word is written in (the default for anything else)."""
    for code, p in PACKS.items():
        if code != DEFAULT and p.letter.search(word):
            return p
    return PACKS[DEFAULT]


def in_other_script(text: str, code: str) -> bool:
    """Whether ``text`` has letters of any script other than ``code``'s own."""
    return any(p.letter.search(text) for c, p in PACKS.items() if c != code)
