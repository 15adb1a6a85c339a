"""Due dates from how people say them: "by Friday", "next week", "end of month", ISO dates.

Pure: every function takes ``today``, so tests pin the clock. Returns the date and the
phrase it was read from (so the phrase can be cut from the action).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
    "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
    "воскресень": 6,
}  # fmt: skip
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})

#: English names are whole words ("mon" is not "months", "sat" not "satisfied"); Russian
#: ones are stems that take their case endings ("пятницы", "пятницу").
_WEEKDAY_WORDS = [
    name + (r"\w*" if re.search("[а-я]", name) else "s?")
    for name in sorted(WEEKDAYS, key=len, reverse=True)
]
LEAD = r"(?:(?:by|before|on|until|till|no later than|this|next|к|до|в|во|на|не позже)\s+)*"
PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?:by |before |on |until |к |до )?(\d{4}-\d{2}-\d{2})\b"),
    ("eom", r"\b(?:by |before |until |до )?(?:the )?end of (?:the |this )?month\b|до конца месяца"),
    ("eonm", r"\b(?:by |before )?(?:the )?end of next month\b"),
    ("eoq", r"\b(?:by |before )?(?:the )?end of (?:the |this )?quarter\b|до конца квартала"),
    ("eow", r"\b(?:by |before )?(?:the )?end of (?:the |this )?week\b|до конца недели"),
    ("nextweek", r"\b(?:by |before |during )?next week\b|на следующей неделе|к следующей неделе"),
    ("thisweek", r"\b(?:by |during )?this week\b|на этой неделе"),
    ("nextmonth", r"\b(?:by |during )?next month\b|в следующем месяце"),
    ("tomorrow", r"\b(?:by )?tomorrow\b|завтра"),
    ("today", r"\b(?:by )?(?:today|tonight)\b|сегодня"),
    ("in", r"\bin (\d{1,2}|a|one|two|three) (day|week|month)s?\b|через (\d{1,2}) (дн|недел)\w*"),
    ("monthday", r"\b(?:by |before |on )?(" + "|".join(MONTHS)
     + r")\.? (\d{1,2})(?:st|nd|rd|th)?\b"),
    # "by Friday the 14th", "on the 3rd": the day of the month decides, the weekday is a label.
    ("nth", r"\b" + LEAD + r"(?:(?:" + "|".join(_WEEKDAY_WORDS)
     + r"),? )?the (\d{1,2})(?:st|nd|rd|th)\b"),
    ("weekday", r"\b" + LEAD + r"(?:(next) )?(" + "|".join(_WEEKDAY_WORDS) + r")\b"),
]  # fmt: skip
COMPILED = [(kind, re.compile(pattern, re.I)) for kind, pattern in PATTERNS]
WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3}


def _end_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _friday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(4 - day.weekday()) % 7)


def parse_due(text: str, today: dt.date) -> tuple[dt.date | None, str]:
    """The first due date in ``text`` relative to ``today``, and the phrase that gave it."""
    for kind, pattern in COMPILED:
        match = pattern.search(text)
        if not match:
            continue
        phrase = match.group(0)
        day = _resolve(kind, match, today)
        if day is not None:
            return day, phrase
    return None, ""


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
    if kind == "nextweek":
        return _friday(today + dt.timedelta(days=7 - today.weekday()))
    if kind == "nextmonth":
        return _end_of_month(_end_of_month(today) + dt.timedelta(days=1))
    if kind == "tomorrow":
        return today + dt.timedelta(days=1)
    if kind == "today":
        return today
    if kind == "in":
        raw = match.group(1) or match.group(3)
        unit = (match.group(2) or match.group(4) or "").lower()
        n = WORD_NUMBERS.get(raw.lower()) if not raw.isdigit() else int(raw)
        if n is None:
            return None
        days = n * (7 if unit.startswith(("week", "недел")) else 30 if unit == "month" else 1)
        return today + dt.timedelta(days=days)
    if kind == "monthday":
        month = MONTHS[match.group(1).lower()]
        try:
            day = dt.date(today.year, month, int(match.group(2)))
        except ValueError:
            return None
        return day if day >= today else day.replace(year=today.year + 1)
    if kind == "nth":
        n = int(match.group(1))
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
