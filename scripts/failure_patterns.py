# ruff: noqa: E501
"""Count the failure patterns of the coaching-quality issue in transcript files.

    python scripts/failure_patterns.py before.md after.md

Reads transcripts written by ``scripts/transcripts.py`` and prints a Markdown table with
one row per pattern and one column per file. The patterns are judged by rules written
from the issue's list, the same for every file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.corpus.documents import load_corpus

Turn = tuple[str, str]  # (user, coach)
MARKS = [
    m.text
    for d in load_corpus(Path(__file__).resolve().parent.parent / "corpus").documents
    for m in d.cards.marks
    if len(m.text) > 20
]
DIRECT = re.compile(
    r"^(what|how|which|should|is|can)\b[^?]*\?|\b(just tell me|what exactly|skip the questions)\b"
    r"|^(что|как)\b[^?]*\?",
    re.I | re.M,
)
QUESTION = re.compile(r"[^.?!\n“”«»]*\?")
QUOTE = re.compile(r"“([^”]{15,})”|«([^»]{15,})»")


def parse(path: Path) -> dict[str, list[Turn]]:
    scenarios: dict[str, list[Turn]] = {}
    for block in path.read_text(encoding="utf-8").split("\n## ")[1:]:
        name = block.splitlines()[0].strip()
        turns = re.findall(
            r"\*\*User:\*\* (.*?)\n\n(?:> notice:.*?\n\n)?\*\*Coach\*\*[^\n]*\n\n(.*?)\n\n_sources",
            block,
            re.S,
        )
        scenarios[name] = turns
    return scenarios


def count(scenarios: dict[str, list[Turn]]) -> dict[str, int]:
    c: dict[str, int] = {}

    def add(key: str, n: int = 1) -> None:
        c[key] = c.get(key, 0) + n

    for name, turns in scenarios.items():
        quotes: list[str] = []
        asked: list[str] = []
        told = ""
        for user, coach in turns:
            add("turns")
            add("marked sentence (complaint/story/intro) quoted", sum(m in coach for m in MARKS))
            q = [a or b for a, b in QUOTE.findall(coach)]
            add("quote repeated within the conversation", sum(x in quotes for x in q))
            quotes += q
            qs = [x.strip() for x in QUESTION.findall(re.sub(QUOTE, "", coach))]
            add("question repeated within the conversation", sum(x in asked for x in qs))
            asked += qs
            if (
                "Before deciding anything, one of my sources" in coach
                or "None of this makes a promotion certain" in coach
            ):
                add("fixed boilerplate lead or closing")
            if DIRECT.search(user):
                body = coach.split("?")[0]
                if not re.search(r"\[\d\]", body):
                    add("direct question not answered first (no cited answer before a question)")
                if len(qs) > 1:
                    add("direct question followed by more than one question")
            told_now = told + " " + user
            if re.search(
                r"\b(senior|staff|principal|sde|l\d|ic\d|mid-level|new grad)\b", told, re.I
            ) and re.search(r"level are you|current level", " ".join(qs), re.I):
                add("asks for what it was already told")
            if re.search(r"manager", told, re.I) and re.search(
                r"talked with your manager|told your manager", " ".join(qs), re.I
            ):
                add("asks for what it was already told")
            told = told_now
            if re.search(
                r"you're at (engineer|senior engineer|entry engineer|staff engineer)|dealing with passed over",
                coach,
            ):
                add("broken reflection grammar")
            if re.search(r"[А-Яа-я]", user) and re.search(
                r"\b(?!SDE|senior|staff)[A-Za-z]{4,}\b", re.sub(r"\[\d\]", "", coach)
            ):
                add("English words in a Russian answer")
            if re.search(r"guarantee I'll", user) and re.search(
                r"committed to|commitment", coach, re.I
            ):
                add("commitment recorded from a question")
            if re.search(r"\"more impact\"", user) and re.search(r"draws you is[^.]*impact", coach):
                add("quoted feedback taken as a motivation")
        if name == "distress" and turns:
            if "emergency" not in turns[0][1]:
                add("distress not recognised")
            add(
                "career boilerplate right after distress",
                sum(bool(re.search(r"\[\d\]", t[1])) for t in turns[1:]),
            )
        if name == "bias" and turns and "bias" not in turns[0][1].lower():
            add("bias disclosure ignored")
    return c


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]]
    counts = [count(parse(p)) for p in paths]
    keys = sorted({k for c in counts for k in c}, key=lambda k: (k != "turns", k))
    print("| pattern | " + " | ".join(p.stem for p in paths) + " |")
    print("|---|" + "---|" * len(paths))
    for key in keys:
        print(f"| {key} | " + " | ".join(str(c.get(key, 0)) for c in counts) + " |")


if __name__ == "__main__":
    main()
