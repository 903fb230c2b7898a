"""The questions a working group asks of a document, by principle, in our own
words. Plain data: a review stores each answer against a question's key, so
rewording a question later does not change what an earlier review meant.

The report found people were asked to retell their trauma in assessment after
assessment, and that HR policies could only be changed by HR; the questions
start from what the pathfinders found (Policies and Processes theme)."""

from dataclasses import dataclass

from pathfinder.programmes.domain import Principle


@dataclass(frozen=True)
class Question:
    key: str
    principle: str
    text: str
    hint: str = ""


QUESTIONS: list[Question] = [
    # Safety
    Question(
        "retell",
        Principle.SAFETY,
        "Does it make people tell what happened to them again, when they have already told someone?",
        "For example, an assessment form that asks about past trauma at every referral.",
    ),
    Question(
        "warning",
        Principle.SAFETY,
        "Does it say why difficult questions are asked, and that people can stop or come back to them?",
    ),
    Question(
        "staff_safety",
        Principle.SAFETY,
        "Does it look after the safety and wellbeing of the staff who use it?",
    ),
    # Trust
    Question(
        "clear_purpose",
        Principle.TRUST,
        "Is it clear what happens with the information, who sees it and why?",
    ),
    Question(
        "plain_words",
        Principle.TRUST,
        "Is it written in plain words, without jargon or abbreviations?",
    ),
    Question(
        "keeps_word",
        Principle.TRUST,
        "Does it promise only what the service can do, with times people can rely on?",
    ),
    # Choice
    Question(
        "choice_offered",
        Principle.CHOICE,
        "Is choice offered: where, when, how and with whom?",
    ),
    Question(
        "criteria",
        Principle.CHOICE,
        "Does it set conditions that keep people from support, such as having to be abstinent first?",
        "The pathfinders found abstinence criteria kept people from psychology.",
    ),
    Question(
        "optional",
        Principle.CHOICE,
        "Does it make clear which questions people may choose not to answer?",
    ),
    # Collaboration
    Question(
        "made_with",
        Principle.COLLABORATION,
        "Were people with lived experience and frontline staff part of writing it?",
    ),
    Question(
        "shared_plans",
        Principle.COLLABORATION,
        "Does it let people shape their own plan, and share it with partners so they need not repeat themselves?",
    ),
    Question(
        "partners",
        Principle.COLLABORATION,
        "Does it work with partners' paperwork, rather than asking for the same things twice?",
    ),
    # Empowerment
    Question(
        "person_first",
        Principle.EMPOWERMENT,
        "Is the language person-first and free of blame (for example, “a person who uses drugs”)?",
    ),
    Question(
        "strengths",
        Principle.EMPOWERMENT,
        "Does it ask about strengths, hopes and what helps, as well as problems?",
    ),
    Question(
        "say_in_it",
        Principle.EMPOWERMENT,
        "Does it tell people how to give feedback or challenge a decision?",
    ),
]

BY_KEY: dict[str, Question] = {question.key: question for question in QUESTIONS}


def by_principle() -> list[tuple[str, str, list[Question]]]:
    """(principle value, label, its questions), in the method's order."""
    return [
        (principle.value, principle.label, [question for question in QUESTIONS if question.principle == principle])
        for principle in Principle
    ]
