"""The parts of a 'This is me' profile, in the person's own voice.

Plain data, no Django: the order here is the order on every page, print-out
and export. Every part is optional. `sensitive` marks the part about what has
happened to someone: it has a content note before it, and emergency access
never opens it (only the person's own choice to share it does).
"""

from dataclasses import dataclass

MAX_LENGTH = 10_000


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    prompt: str
    examples: str
    sensitive: bool = False


SECTIONS: tuple[Section, ...] = (
    Section(
        "about_me",
        "About me and my background",
        "Who you are, in your own words: what you would like people to know about you first.",
        "For example: where you grew up, what you enjoy, your work or what you used to do, what you are proud of.",
    ),
    Section(
        "people_places",
        "People, places and events that matter to me",
        "The people, pets, places and dates that are important to you, good or hard.",
        "For example: your children, a friend who supports you, a place where you feel safe, "
        "a date in the year that is difficult.",
    ),
    Section(
        "what_is_hard",
        "What I find hard",
        "Things that can make a day, an appointment or a conversation harder for you.",
        "For example: waiting rooms, being asked the same questions again, closed doors, "
        "phone calls from unknown numbers, being touched without warning.",
    ),
    Section(
        "what_helps",
        "What helps me cope",
        "What helps when things feel difficult, and what others can do to help.",
        "For example: knowing what will happen next, having someone with you, a glass of water, "
        "sitting near the door, time to think before answering.",
    ),
    Section(
        "how_to_speak",
        "How I like to be spoken to and contacted",
        "The name you like to be called, and how and when you prefer to hear from people.",
        "For example: call me Jo; text before calling; please do not leave voicemails; mornings are better for me.",
    ),
    Section(
        "what_i_want",
        "What I want from the service",
        "What you hope for, and what would make a difference to you.",
        "For example: help with housing, getting back to work, seeing my children, the same worker each time.",
    ),
    Section(
        "what_happened",
        "What has happened to me",
        "Only if you want to. You never have to write anything here, and you can change or "
        "remove it at any time. Some people find it helps not to have to tell their story again "
        "to each new person.",
        "You might write a few words, a lot, or only what you would like professionals to be careful about.",
        sensitive=True,
    ),
    Section(
        "anything_else",
        "Anything else",
        "Anything else you would like people to know.",
        "For example: your faith or culture, things you need because of a disability, "
        "something you want to say in your own way.",
    ),
)

BY_KEY = {section.key: section for section in SECTIONS}
KEYS = tuple(BY_KEY)
# What emergency access may open: every part except what has happened to someone.
EMERGENCY_KEYS = tuple(section.key for section in SECTIONS if not section.sensitive)


def titles(keys) -> list[str]:
    """Section titles in the profile's order, for the keys given (unknown keys skipped)."""
    wanted = set(keys)
    return [section.title for section in SECTIONS if section.key in wanted]


def ordered(keys) -> list[str]:
    wanted = set(keys)
    return [key for key in KEYS if key in wanted]
