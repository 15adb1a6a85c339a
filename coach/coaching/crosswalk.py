"""Company level names placed on the corpus's generic levels, read from the crosswalk table.

"Is Amazon SDE II the same as Microsoft 62?" has a direct answer in
``corpus/ladders/level-crosswalk.md``: both sit at the generic engineer level. The table is
parsed from the passage itself, never copied into code, so the answer can only say what
the corpus says, and it cites that passage. A message that names no company level, or a
corpus without the table, gets no such answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.coaching.profile import LEVEL_ORDER

#: The table's first header cell: how the passage holding it is recognised.
TABLE_HEADER = "| Generic level |"
#: The table's first column → the generic level (``LEVEL_ORDER``), one rank above for the rest.
GENERIC_ROWS = {
    "entry-level engineer": "entry",
    "engineer": "engineer",
    "senior engineer": "senior",
    "staff engineer": "staff",
    "principal engineer": "principal",
    "distinguished and above": "distinguished",
}
RANKS = (*LEVEL_ORDER, "distinguished")
ALIASES = {"facebook": "meta", "aws": "amazon", "msft": "microsoft"}
ROW = re.compile(r"^\|(.+)\|\s*$", re.M)
CELL_TOKEN = re.compile(r"\b([LE]\d{1,2})\b|\b(\d{2})(?:[–-](\d{2}))?\+?|\(([^)]*)\)")
ROMAN = {"1": "i", "2": "ii", "3": "iii"}
# What a person writes for a level: "L5", "E4", "level 62", "62", "SDE II", "SDE-2".
# A bare number is a level only when nothing says it counts something else ("12 years").
SAID_LEVEL = re.compile(
    r"\b(?:level\s*)?([le]\s?\d{1,2})\b|\blevel\s*(\d{2})\b|\b(\d{2})\b(?![-\s]*(?:years?|yrs?|"
    r"hours?|hrs?|%|people|engineers|days?|weeks?|months?|k\b|reports|teams?|percent|minutes?))"
    r"|\bsde[- ]?(i{1,3}|[123])\b",
    re.I,
)
#: The table's own titles ("Principal SDE", "Senior Staff"), said without a code.
TITLE_LEVEL = re.compile(
    r"\b(?:senior |principal |staff |senior staff |senior principal )(?:sde|software engineer)\b|"
    r"\bsenior (?:staff|principal)\b",
    re.I,
)
WINDOW = 50


@dataclass(frozen=True)
class Placed:
    """One company level a person named, and where the table puts it."""

    company: str
    said: str
    generic: str


def parse_table(text: str) -> dict[str, dict[str, str]]:
    """company → {level token → generic level}, from the crosswalk passage's table."""
    if TABLE_HEADER not in text:
        return {}
    rows = [[cell.strip() for cell in m.group(1).split("|")] for m in ROW.finditer(text)]
    header = next((r for r in rows if r and r[0] == "Generic level"), None)
    if header is None:
        return {}
    companies = [h.lower() for h in header[2:]]
    table: dict[str, dict[str, str]] = {c: {} for c in companies}
    for row in rows:
        generic = GENERIC_ROWS.get(row[0].lower()) if row else None
        if generic is None:
            continue
        for company, cell in zip(companies, row[2:], strict=False):
            for token in _cell_tokens(cell):
                table[company].setdefault(token, generic)
    return table


def _cell_tokens(cell: str) -> Iterable[str]:
    for m in CELL_TOKEN.finditer(cell):
        code, low, high, names = m.groups()
        if code:
            yield code.lower()
        elif low:
            yield from (str(n) for n in range(int(low), int(high or low) + 1))
        elif names:
            for name in re.split(r"[,/]", names):
                yield name.strip().lower()


def _said_token(match: re.Match[str]) -> str:
    code, level, bare, sde = match.groups()
    if code:
        return code.replace(" ", "").lower()
    if sde:
        return f"sde {ROMAN.get(sde, sde).lower()}"
    return level or bare


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(abs(a[0] - b[1]), abs(b[0] - a[1]))


def placed(message: str, table: dict[str, dict[str, str]]) -> list[Placed]:
    """The company levels a message names ("Microsoft 62", "Amazon L5", "SDE II at
    Amazon", "Principal SDE at Amazon"), each with the generic level the table gives it,
    in order of mention. A level belongs to the company named nearest to it: in "a
    Principal SDE at Amazon with an offer from Google for L6", L6 is Google's."""
    lowered = message.lower()
    names = "|".join([*table, *ALIASES])
    companies = list(re.finditer(rf"\b({names})\b", lowered)) if names else []
    found: list[Placed] = []
    for company_match in companies:
        company = ALIASES.get(company_match.group(1), company_match.group(1))
        levels = table.get(company, {})
        start, end = company_match.span()
        window = (max(0, start - WINDOW), end + WINDOW)
        near: list[tuple[tuple[int, int], str]] = [
            (m.span(), _said_token(m))
            for m in SAID_LEVEL.finditer(lowered, *window)
            if _said_token(m) in levels
        ]
        # The table's own names for a level ("Principal SDE", "Senior Staff"), as written.
        for token in levels:
            if " " in token and not token.startswith("sde "):
                for m in re.finditer(rf"\b{re.escape(token)}\b", lowered[: window[1]]):
                    if m.end() > window[0]:
                        near.append((m.span(), token))
        near = [
            (span, token)
            for span, token in near
            if min(companies, key=lambda c: _distance(c.span(), span)) is company_match
        ]
        if not near:
            continue
        span, token = min(near, key=lambda item: _distance(item[0], (start, end)))
        found.append(Placed(company, message[span[0] : span[1]].strip(), levels[token]))
    return list({(p.company, p.generic): p for p in found}.values())


#: A level written as a code ("L6", "E5", "SDE II"), which only a company gives a meaning.
CODE_LEVEL = re.compile(r"\b(?:[le]\s?\d{1,2}|sde[- ]?(?:i{1,3}|[123]))\b", re.I)
COMPANY = re.compile(r"\b(google|meta|facebook|amazon|aws|microsoft|msft)\b", re.I)


COMPARED = re.compile(
    r"\b(?:elsewhere|equivalent|same (?:as|thing|level)|compare\w*|other compan\w+|"
    r"maps? to|translate\w*)\b",
    re.I,
)


def with_company(message: str, earlier: Sequence[str]) -> str:
    """A level code said without its company ("push for L6 this cycle?") read as the
    company the person named before ("I'm an L5 at Google"): "push for Google L6…?". A
    code they named before ("So accept E4?" after "they're leveling me E4") was placed
    then, and is left as it is."""
    code = CODE_LEVEL.search(message)
    if code is None or COMPANY.search(message):
        return message
    said_before = {_code(m) for text in earlier for m in CODE_LEVEL.finditer(text)}
    if any(_code(m) in said_before for m in CODE_LEVEL.finditer(message)):
        return message
    # Only where levels are compared: two companies in the conversation ("Amazon SDE II, a
    # Google offer at L4" … "push for L5?") or a question of meaning ("L6 elsewhere?"); "does
    # this get me to SDE-3?" at Amazon asks nothing of the table.
    companies = {ALIASES.get(c.lower(), c.lower()) for t in earlier for c in COMPANY.findall(t)}
    if len(companies) < 2 and not COMPARED.search(message):
        return message
    company = _company_of(_code(code), earlier) or (
        companies.pop() if len(companies) == 1 else None
    )
    if company is None:
        return message
    return f"{message[: code.start()]}{company} {message[code.start() :]}"


def _company_of(code: str, earlier: Sequence[str]) -> str | None:
    """The company whose level the person wrote with the same kind of code ("a Google offer at
    L4" for "L5"; not Amazon, named later with "SDE II"), the latest first."""
    sentences = [s for text in earlier for s in re.split(r"(?<=[.!?])\s+", text)]
    for sentence in reversed(sentences):
        named = COMPANY.findall(sentence)
        if named and any(_code(m)[0] == code[0] for m in CODE_LEVEL.finditer(sentence)):
            return str(named[-1])
    return None


def _code(match: re.Match[str]) -> str:
    """A level code as written, without case or spaces: "L 6" and "l6" are one."""
    return re.sub(r"[\s-]", "", match.group(0).lower())


def names_a_company_level(message: str) -> bool:
    """Cheap test before any table is read: a known company and something like a level."""
    lowered = message.lower()
    return bool(
        re.search(r"\b(google|meta|facebook|amazon|aws|microsoft|msft)\b", lowered)
        and (SAID_LEVEL.search(lowered) or TITLE_LEVEL.search(lowered))
    )


def rank_gap(a: Placed, b: Placed) -> int:
    """How many generic levels ``b`` sits above ``a`` (negative: below)."""
    return RANKS.index(b.generic) - RANKS.index(a.generic)
