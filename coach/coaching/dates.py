"""Due dates from how people say them: "by Friday", "next week", "end of month", ISO dates.

Pure: every function takes ``today``, so tests pin the clock. Returns the date and the
phrase it was read from (so the phrase can be cut from the action).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from coach.lang import PACKS, Pack

KINDS = (
    "iso", "eom", "eonm", "eoq", "eonw", "eow", "weekend", "nextweek", "thisweek", "nextmonth",
    "tomorrow", "today", "in", "monthday", "nth", "weekday",
)  # fmt: skip


def _is_stem(name: str) -> bool:
    """A non-English day or month name is a stem that takes endings ("пятниц" → "пятницу");
    an English one is a whole word ("mon" is not "months")."""
    return bool(re.search("[^a-z]", name))


def _weekday_words(weekdays: dict[str, int]) -> str:
    """Whole words for names ("mon" is not "months"); stems take their endings ("пятницу")."""
    return "|".join(
        name + (r"\w*" if _is_stem(name) else "s?")
        for name in sorted(weekdays, key=len, reverse=True)
    )


def _pack_patterns(p: Pack) -> dict[str, re.Pattern[str]]:
    """One regex per kind for one language: its phrases, plus the ones built from its
    weekday and month names. Every kind's groups are numbered the same in every pack."""
    days = _weekday_words(p.weekdays)
    lead = rf"(?:(?:{p.date_lead})\s+)*"
    built = dict(p.date_phrases)
    if p.months:
        # "December 14", "Friday, December 14", "Friday 14 December", "14 декабря".
        months = "|".join(sorted(p.months, key=len, reverse=True))
        weekday = rf"(?:(?:{days}),? )?" if p.weekdays else ""
        built["monthday"] = (
            rf"\b{lead}{weekday}(?:({months})\.? (\d{{1,2}})(?:st|nd|rd|th)?"
            rf"|(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({months}))\b"
        )
    if p.weekdays:
        # "by Friday the 14th", "on the 3rd": the day of the month decides, the weekday is a label.
        # "Friday 14th" needs no "the" after a weekday: the weekday makes it a date.
        if "nth" in p.date_phrases:
            built["nth"] = (
                r"\b" + lead + rf"(?:(?:{days}),? )?" + p.date_phrases["nth"]
                + r"|\b" + lead + rf"(?:{days}),? (\d{{1,2}})(?:st|nd|rd|th)\b"
            )  # fmt: skip
        # The lead words take "next" too ("by next"): lazily, so that "next" before the
        # weekday is the group that says the coming week's (as "к следующей пятнице" is).
        built["weekday"] = r"\b" + lead + rf"?(?:({p.date_next}) )?({days})\b"
    return {kind: re.compile(pattern, re.I) for kind, pattern in built.items()}


COMPILED: list[tuple[str, list[re.Pattern[str]]]] = [
    (kind, [pats[kind] for pats in map(_pack_patterns, PACKS.values()) if kind in pats])
    for kind in KINDS
]
WEEKDAYS = {name: day for p in PACKS.values() for name, day in p.weekdays.items()}
MONTHS = {name: month for p in PACKS.values() for name, month in p.months.items()}
WORD_NUMBERS = {word: n for p in PACKS.values() for word, n in p.number_words.items()}
DATE_UNITS = {stem: days for p in PACKS.values() for stem, days in p.date_units.items()}


def _end_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _friday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(4 - day.weekday()) % 7)


def parse_due(text: str, today: dt.date) -> tuple[dt.date | None, str]:
    """The first due date in ``text`` relative to ``today``, and the phrase that gave it."""
    for kind, patterns in COMPILED:
        # The leftmost phrase of this kind in any language (the first pack's on a tie).
        found = [m for pattern in patterns if (m := pattern.search(text))]
        if not found:
            continue
        match = min(found, key=lambda m: m.start())
        phrase = match.group(0)
        day = _resolve(kind, match, today)
        if day is not None:
            return day, phrase
    return None, ""


def relative_phrase(phrase: str) -> str | None:
    """The phrase, when it does not itself name the day ("end of the month", "до конца
    месяца", not "Friday" or "March 3"); ``None`` otherwise."""
    words = re.findall(r"\w+", phrase.lower())
    names = (*WEEKDAYS, *MONTHS)
    if not words or re.search(r"\d{4}-\d{2}-\d{2}", phrase):
        return None
    if any(w.startswith(n) if _is_stem(n) else w in (n, n + "s") for w in words for n in names):
        return None
    phrase = phrase.strip()[:100]
    return phrase[:1].lower() + phrase[1:]  # "До конца месяца, …" read mid-sentence


def weekday_clash(phrase: str, day: dt.date | str) -> bool:
    """The phrase names a weekday the date does not fall on ("Friday the 14th" for a
    Monday 14th): the day number was read, and the person should check which they meant."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    words = re.findall(r"\w+", phrase.lower())
    named = {
        number
        for w in words
        for name, number in WEEKDAYS.items()
        if (w.startswith(name) if _is_stem(name) else w in (name, name + "s"))
    }
    return bool(named) and day.weekday() not in named


def says_today(phrase: str) -> bool:
    """The phrase is one of the packs' own words for today ("by today", "сегодня")."""
    return any(
        p.fullmatch(phrase.strip(" .!")) for kind, ps in COMPILED if kind == "today" for p in ps
    )


def _resolve(kind: str, match: re.Match[str], today: dt.date) -> dt.date | None:
    if kind == "iso":
        try:
            return dt.date.fromisoformat(match.group(1))
        except ValueError:
            return None
    if kind == "eom":
        return _end_of_month(today)
    if kind == "eonm":
        return _end_of_month(_end_of_month(today) + dt.timedelta(days=1))
    if kind == "eoq":
        month = ((today.month - 1) // 3 + 1) * 3
        return _end_of_month(today.replace(day=1, month=month))
    if kind in ("eow", "thisweek"):
        return max(_friday(today), today)
    if kind == "weekend":  # "this weekend": its Sunday
        return today + dt.timedelta(days=6 - today.weekday())
    if kind in ("nextweek", "eonw"):
        return _friday(today + dt.timedelta(days=7 - today.weekday()))
    if kind == "nextmonth":
        return _end_of_month(_end_of_month(today) + dt.timedelta(days=1))
    if kind == "tomorrow":
        return today + dt.timedelta(days=1)
    if kind == "today":
        return today
    if kind == "in":
        raw = match.group(1)
        unit = match.group(2).lower()
        n = WORD_NUMBERS.get(raw.lower()) if not raw.isdigit() else int(raw)
        if n is None:
            return None
        days = n * next((d for stem, d in DATE_UNITS.items() if unit.startswith(stem)), 1)
        return today + dt.timedelta(days=days)
    if kind == "monthday":
        words = [g for g in match.groups() if g]
        month = MONTHS[next(w for w in words if not w.isdigit()).lower()]
        try:
            day = dt.date(today.year, month, int(next(w for w in words if w.isdigit())))
        except ValueError:
            return None
        return day if day >= today else day.replace(year=today.year + 1)
    if kind == "nth":
        n = int(next(g for g in match.groups() if g and g.isdigit()))
        if n < 1:
            return None  # "Friday 0th"
        first = today.replace(day=1)
        for month_start in (first, _end_of_month(first) + dt.timedelta(days=1)):
            if n <= calendar.monthrange(month_start.year, month_start.month)[1]:
                day = month_start.replace(day=n)
                if day >= today:
                    return day
        return None
    if kind == "weekday":
        name = match.group(2).lower()
        target = next(v for k, v in sorted(WEEKDAYS.items(), key=lambda kv: -len(kv[0]))
                      if name.startswith(k))  # fmt: skip
        ahead = (target - today.weekday()) % 7 or 7
        if match.group(1):  # "next Friday": the one in the coming week
            ahead += 7 if ahead < 7 - today.weekday() else 0
        return today + dt.timedelta(days=ahead)
    return None
