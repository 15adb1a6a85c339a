"""The coach's words in every language it speaks, assembled from the language packs.

The tables live in ``coach/lang/<code>.py``; these mappings keep the responder's lookups
(``TEXT[lang][key]``) in one shape. Nothing here states a fact about careers.
"""

from __future__ import annotations

from coach.lang import PACKS

TEXT: dict[str, dict[str, str]] = {code: p.text for code, p in PACKS.items()}
PHRASES: dict[str, dict[str, str]] = {code: p.phrases for code, p in PACKS.items()}
LEVEL_NAMES: dict[str, dict[str, str]] = {
    **{code: p.level_names for code, p in PACKS.items()},
    **{f"{code}_target": p.level_names_target for code, p in PACKS.items()},
}
QUESTIONS: dict[str, dict[str, list[tuple[str, list[str]]]]] = {
    code: p.questions for code, p in PACKS.items()
}


def label(value: str, lang: str) -> str:
    """A profile value in the answer's language."""
    return PHRASES.get(lang, PHRASES["en"]).get(value, value)
