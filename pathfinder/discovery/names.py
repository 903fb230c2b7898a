"""A simple check for words that look like a person's name. Plain Python.

Interview notes describe systems, not people, so where the guide asks for no
names a notes box is checked before saving, and the person is warned (they
may keep their words: this is a guess, not a rule). It looks for:
- a title followed by a capitalised word ("Dr Reid", "Mrs Shah");
- two or more capitalised words in a row ("Sarah Jones"), where none is a
  common word of the work ("Mental Health Team");
- a capitalised word just before a reporting verb ("Sarah said").
Words in capitals (NHS, GP) count as abbreviations, not names.
"""

import re

TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "nurse", "sister"}
REPORTING = {"said", "says", "told", "thinks", "thought", "feels", "felt", "mentioned", "explained", "asked"}
# Capitalised words that are not names: pronouns, calendar words, and the
# everyday vocabulary of services and places in Scotland.
COMMON = {
    *[
        "i",
        "we",
        "they",
        "he",
        "she",
        "you",
        "it",
        "our",
        "my",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "there",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "if",
        "when",
        "so",
        "then",
        "also",
        "not",
        "no",
        "yes",
        "on",
        "in",
        "at",
        "to",
        "from",
        "with",
        "by",
        "after",
        "before",
        "during",
        "staff",
        "people",
        "everyone",
        "someone",
        "nobody",
        "managers",
        "manager",
        "clients",
        "client",
    ],
    *[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    *[
        "team",
        "teams",
        "service",
        "services",
        "board",
        "health",
        "mental",
        "care",
        "practice",
        "trust",
        "group",
        "groups",
        "council",
        "partnership",
        "scotland",
        "scottish",
        "government",
        "national",
        "trauma",
        "training",
        "programme",
        "recovery",
        "drug",
        "drugs",
        "alcohol",
        "and",
        "of",
        "for",
        "lived",
        "experience",
        "peer",
        "support",
        "social",
        "work",
        "housing",
        "prison",
        "pharmacy",
        "primary",
        "community",
        "hospital",
        "nhs",
        "microsoft",
        "office",
        "hr",
        "star",
        "outcomes",
        "ms",
    ],
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper() and word.lower() not in COMMON


def possible_names(text: str) -> list[str]:
    """Words in `text` that may be someone's name, each once, in order."""
    words = [match.group(0) for match in _WORD.finditer(text or "")]
    found: list[str] = []

    def add(name: str) -> None:
        if name not in found:
            found.append(name)

    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if word.lower().rstrip(".") in TITLES and following[:1].isupper() and not following.isupper():
            add(f"{word} {following}")
            index += 2
            continue
        if _capitalised(word):
            run = [word]
            while index + len(run) < len(words) and _capitalised(words[index + len(run)]):
                run.append(words[index + len(run)])
            if len(run) >= 2:
                add(" ".join(run))
                index += len(run)
                continue
            if following.lower() in REPORTING:
                add(word)
        index += 1
    return found
