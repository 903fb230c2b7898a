"""Shape lens event data for pages and documents: the swimlane map, ranked
priorities, notes grouped by principle and by stage, the event report and the
communications leaflet. Nothing here queries the database: views fetch (scoped)
and hand the rows over, so every page makes the same few queries however many
notes there are.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from pathfinder.lens.models import NoteKind, ParticipantKind, Tier
from pathfinder.programmes.domain import Principle
from pathfinder.reports.content import BulletList, Chart, Document, Heading, Paragraph, Series, Table

KIND_TAGS = {NoteKind.WORKS_WELL: "green", NoteKind.BARRIER: "orange", NoteKind.IDEA: "blue"}
KIND_PLURALS = {NoteKind.WORKS_WELL: "Works well", NoteKind.BARRIER: "Barriers", NoteKind.IDEA: "Ideas"}
PRINCIPLE_LABELS = dict(Principle.choices)
KIND_LABELS = dict(NoteKind.choices)
# How a note's author is described beside it: a kind of participant, never a name.
RAISED_BY = {
    ParticipantKind.STAFF: "raised by a staff member",
    ParticipantKind.PARTNER: "raised by a partner",
    ParticipantKind.LIVED_EXPERIENCE: "raised by a lived-experience adviser",
    ParticipantKind.OTHER: "raised by someone in another role",
}
TIER_LABELS = dict(Tier.choices)
FICTIONAL = "Fictional person, written for discussion"


@dataclass
class NoteView:
    note: object
    kind: str
    kind_label: str
    tag: str
    principles: list[str]
    raised_by: str
    person: str  # the fictional person whose journey it is

    @property
    def text(self) -> str:
        return self.note.text


def note_view(note) -> NoteView:
    return NoteView(
        note=note,
        kind=note.kind,
        kind_label=KIND_LABELS[note.kind],
        tag=KIND_TAGS[note.kind],
        principles=[PRINCIPLE_LABELS[value] for value in note.principles if value in PRINCIPLE_LABELS],
        raised_by=RAISED_BY.get(note.participant_kind, ""),
        person=note.journey.vignette.name,
    )


def counts_of(notes) -> dict[str, int]:
    counted = Counter(note.kind for note in notes)
    return {kind: counted.get(kind, 0) for kind in NoteKind.values}


# The swimlane ------------------------------------------------------------------


@dataclass
class Cell:
    notes: list[NoteView]
    counts: dict[str, int]


@dataclass
class Lane:
    stage: object
    number: int | None  # its place on the pathway; None for a retired stage
    cells: list[Cell]
    counts: dict[str, int]


@dataclass
class Swimlane:
    groups: list
    lanes: list[Lane]
    totals: dict[str, int]
    people: dict[int, list[str]]  # group id → the names of its fictional people


def shown_stages(stages, notes) -> list[tuple[object, int | None]]:
    """Active stages in pathway order, numbered, plus retired stages that notes
    still refer to (so nothing said in the room disappears from the map)."""
    with_notes = {note.stage_id for note in notes}
    shown, number = [], 0
    for stage in sorted(stages, key=lambda each: (each.position, each.pk)):
        if stage.retired_at is None:
            number += 1
            shown.append((stage, number))
        elif stage.pk in with_notes:
            shown.append((stage, None))
    return shown


def swimlane(stages, groups, journeys, notes) -> Swimlane:
    by_cell: dict[tuple[int, int], list] = defaultdict(list)
    group_of_journey = {journey.pk: journey.group_id for journey in journeys}
    for note in notes:
        by_cell[(note.stage_id, group_of_journey[note.journey_id])].append(note)
    lanes = []
    for stage, number in shown_stages(stages, notes):
        cells = [
            Cell([note_view(n) for n in by_cell[(stage.pk, g.pk)]], counts_of(by_cell[(stage.pk, g.pk)]))
            for g in groups
        ]
        lane_notes = [view.note for cell in cells for view in cell.notes]
        lanes.append(Lane(stage=stage, number=number, cells=cells, counts=counts_of(lane_notes)))
    people: dict[int, list[str]] = defaultdict(list)
    for journey in sorted(journeys, key=lambda each: each.position):
        people[journey.group_id].append(journey.vignette.name)
    return Swimlane(groups=list(groups), lanes=lanes, totals=counts_of(notes), people=dict(people))


def count_sentence(counts: dict[str, int]) -> str:
    return (
        f"{counts[NoteKind.WORKS_WELL]} works well, {counts[NoteKind.BARRIER]} "
        f"barrier{'s' if counts[NoteKind.BARRIER] != 1 else ''}, {counts[NoteKind.IDEA]} "
        f"idea{'s' if counts[NoteKind.IDEA] != 1 else ''}"
    )


# Priorities ---------------------------------------------------------------------


@dataclass
class RankedPriority:
    priority: object
    rank: int
    joint: bool
    votes: int  # votes given in Pathfinder
    total: int  # with the votes counted in the room
    notes: list = field(default_factory=list)

    @property
    def rank_text(self) -> str:
        return f"Joint {ordinal(self.rank)}" if self.joint else ordinal(self.rank)


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ranked(priorities, votes: dict[int, int], links: dict[int, list] | None = None) -> list[RankedPriority]:
    """Most votes first; equal totals share a rank (1st, joint 2nd, joint 2nd, 4th)."""
    links = links or {}
    rows = [
        (priority, votes.get(priority.pk, 0), votes.get(priority.pk, 0) + priority.room_votes)
        for priority in priorities
    ]
    rows.sort(key=lambda row: (-row[2], row[0].created_at, row[0].pk))
    totals = Counter(total for _, _, total in rows)
    result, rank = [], 0
    for index, (priority, given, total) in enumerate(rows):
        if index == 0 or total != rows[index - 1][2]:
            rank = index + 1
        result.append(RankedPriority(priority, rank, totals[total] > 1, given, total, links.get(priority.pk, [])))
    return result


# Grouping for the report -------------------------------------------------------------


def by_principle(notes, kinds=(NoteKind.WORKS_WELL, NoteKind.BARRIER)) -> list[tuple[str, dict[str, list[NoteView]]]]:
    """Each principle with its strengths and barriers (a note can touch several)."""
    found: dict[tuple[str, str], list] = defaultdict(list)
    for note in notes:  # one pass, each note in its own order within each group
        if note.kind in kinds:
            for value in dict.fromkeys(note.principles):
                found[(value, note.kind)].append(note)
    groups = []
    for value, label in Principle.choices:
        matching = {kind: [note_view(n) for n in found.get((value, kind), ())] for kind in kinds}
        if any(matching.values()):
            groups.append((label, matching))
    return groups


def by_stage(stages, notes, kinds=tuple(NoteKind.values)) -> list[tuple[str, dict[str, list[NoteView]]]]:
    found: dict[tuple[int, str], list] = defaultdict(list)
    for note in notes:  # one pass, each note in its own order within each group
        found[(note.stage_id, note.kind)].append(note)
    groups = []
    for stage, number in shown_stages(stages, notes):
        matching = {kind: [note_view(n) for n in found.get((stage.pk, kind), ())] for kind in kinds}
        if any(matching.values()):
            groups.append((stage_title(stage, number), matching))
    return groups


def stage_title(stage, number: int | None) -> str:
    return f"{number}. {stage.name}" if number is not None else f"{stage.name} (no longer on the pathway)"


def participant_counts(participants) -> list[tuple[str, int]]:
    counted = Counter(participant.kind for participant in participants)
    return [(label, counted.get(value, 0)) for value, label in ParticipantKind.choices]


def agenda_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# The event report -------------------------------------------------------------------


def _note_line(view: NoteView, with_stage: bool = False) -> str:
    extra = [", ".join(view.principles)] if view.principles else []
    if with_stage:
        extra.insert(0, view.note.stage.name)
    extra.append(f"{view.person}'s journey")
    if view.raised_by:
        extra.append(view.raised_by)
    return f"{view.text} ({'; '.join(extra)})"


def report_document(*, event, service, participants, stages, groups, journeys, notes, priorities) -> Document:
    held = f"{event.held_on.day} {event.held_on:%B %Y}" if event.held_on else "date not set"
    blocks: list = [
        Paragraph(
            f"A trauma-informed lens event held on {held}{f' at {event.place}' if event.place else ''}. "
            "Staff, partners and people with lived experience walked fictional people through the service pathway "
            "and noted what works well, the barriers and their ideas, each linked to the five principles of "
            "trauma-informed practice. The people in the stories are made up."
        ),
        Heading("Who took part"),
        Table(
            title="People taking part, by kind",
            columns=["Taking part as", "People"],
            rows=[[label, number] for label, number in participant_counts(participants)]
            + [["Everyone", len(participants)]],
            numeric_columns=frozenset({1}),
            row_headers=True,
        ),
        Heading("Priorities for improvement"),
    ]
    if priorities:
        blocks.append(
            Table(
                title="Areas for improvement, most votes first",
                columns=["Rank", "Area for improvement", "What it covers", "Votes"],
                rows=[[row.rank_text, row.priority.title, row.priority.description, row.total] for row in priorities],
                numeric_columns=frozenset({3}),
            )
        )
    else:
        blocks.append(Paragraph("No areas for improvement were agreed at this event."))

    lane = swimlane(stages, groups, journeys, notes)
    if lane.lanes and notes:
        blocks += [
            Heading("What the room noticed at each stage"),
            Chart(
                kind="bars",
                title="Notes at each stage of the pathway",
                categories=[stage_title(row.stage, row.number) for row in lane.lanes],
                series=[
                    Series(KIND_PLURALS[kind], [row.counts[kind] for row in lane.lanes]) for kind in NoteKind.values
                ],
                summary=_stage_summary(lane),
                value_label="Number of notes",
                category_label="Stage",
            ),
        ]
    blocks.append(Heading("Strengths and barriers by principle"))
    principle_groups = by_principle(notes)
    if not principle_groups:
        blocks.append(Paragraph("No notes were added."))
    for label, kinds in principle_groups:
        blocks.append(Heading(label, level=3))
        for kind, views in kinds.items():
            if views:
                blocks += [Paragraph(f"{KIND_PLURALS[kind]}:"), BulletList([_note_line(view, True) for view in views])]

    blocks.append(Heading("Strengths, barriers and ideas by stage"))
    for title, kinds in by_stage(stages, notes):
        blocks.append(Heading(title, level=3))
        for kind, views in kinds.items():
            if views:
                blocks += [Paragraph(f"{KIND_PLURALS[kind]}:"), BulletList([_note_line(view) for view in views])]

    blocks.append(Heading("The journeys"))
    journeys_by_group = defaultdict(list)
    for journey in journeys:
        journeys_by_group[journey.group_id].append(journey)
    for group in groups:
        blocks.append(Heading(f"{group.name}: {TIER_LABELS[group.tier].lower()}", level=3))
        for journey in sorted(journeys_by_group[group.pk], key=lambda each: each.position):
            vignette = journey.vignette
            mine = [note for note in notes if note.journey_id == journey.pk]
            blocks += [
                Heading(f"{vignette} – fictional person", level=4),
                Paragraph(vignette.story),
            ]
            rows = [
                [stage_title(stage, number)]
                + [
                    "; ".join(n.text for n in mine if n.stage_id == stage.pk and n.kind == kind) or None
                    for kind in NoteKind.values
                ]
                for stage, number in shown_stages(stages, mine)
            ]
            blocks.append(
                Table(
                    title=f"{vignette.name}'s journey, stage by stage",
                    columns=["Stage", *(KIND_PLURALS[kind] for kind in NoteKind.values)],
                    rows=rows,
                    row_headers=True,
                    empty_text="–",
                )
            )
    return Document(
        title=f"{event.title}: event report",
        subtitle=service.name,
        blocks=blocks,
        author_label=service.name,
        generated_on=timezone.localdate(),
    )


def _stage_summary(lane: Swimlane) -> str:
    busiest = max(lane.lanes, key=lambda row: row.counts[NoteKind.BARRIER])
    total = sum(lane.totals.values())
    text = f"The room added {total} note{'s' if total != 1 else ''}: {count_sentence(lane.totals)}."
    if busiest.counts[NoteKind.BARRIER]:
        text += f" Most barriers were noted at “{busiest.stage.name}” ({busiest.counts[NoteKind.BARRIER]})."
    return text


# The communications leaflet --------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """One idea per line: split on line breaks and sentence ends."""
    parts = []
    for line in text.splitlines():
        parts += [part.strip() for part in _SENTENCE_END.split(line) if part.strip()]
    return parts


def lines(text: str) -> list[str]:
    return [line.strip().lstrip("-•* ").strip() for line in text.splitlines() if line.strip().lstrip("-•* ").strip()]


def leaflet_document(*, event, service, stages, easy_read: bool = False) -> Document:
    active = [stage for stage in sorted(stages, key=lambda each: (each.position, each.pk)) if stage.retired_at is None]
    progress = lines(event.leaflet_progress)
    feedback = lines(event.leaflet_feedback)
    if easy_read:
        return _easy_read_leaflet(event, service, active, progress, feedback)
    blocks: list = []
    if event.leaflet_intro.strip():
        blocks.append(Paragraph(" ".join(event.leaflet_intro.split())))
    blocks.append(Heading("What happens at each stage"))
    for number, stage in enumerate(active, start=1):
        blocks.append(Heading(f"{number}. {stage.name}", level=3))
        if stage.what_happens.strip():
            blocks.append(Paragraph(" ".join(stage.what_happens.split())))
        facts = []
        if stage.typical_wait.strip():
            facts.append(f"How long it usually takes: {stage.typical_wait.strip()}")
        if stage.who_is_involved.strip():
            facts.append(f"Who you will meet: {' '.join(stage.who_is_involved.split())}")
        if stage.partners.strip():
            facts.append(f"Other services who may be involved: {' '.join(stage.partners.split())}")
        if facts:
            blocks.append(BulletList(facts))
    blocks.append(Heading("What we are doing about known problems"))
    blocks.append(
        BulletList(progress)
        if progress
        else Paragraph("We will add what we are working on here after our next review.")
    )
    blocks.append(Heading("Tell us what you think"))
    blocks.append(BulletList(feedback) if feedback else Paragraph("Please tell any member of staff."))
    contact = lines(event.leaflet_contact)
    if contact:
        blocks.append(Heading(f"How to contact {service.name}"))
        blocks.append(BulletList(contact))
    return Document(
        title=f"Your journey through {service.name}",
        subtitle="What happens, how long it usually takes, and what we are doing to make it better",
        blocks=blocks,
        author_label=service.name,
        generated_on=timezone.localdate(),
    )


EASY_READ_OPENING = [
    "This leaflet tells you what happens when you come to us.",
    "It tells you how long things usually take.",
    "It tells you what we are doing to make things better.",
]


def _easy_read_leaflet(event, service, active, progress, feedback) -> Document:
    # The lead's own opening words, one sentence a line; ours only if there are none.
    blocks: list = [Paragraph(line) for line in sentences(event.leaflet_intro) or EASY_READ_OPENING]
    for number, stage in enumerate(active, start=1):
        blocks.append(Heading(f"Step {number}: {stage.name}"))
        bullets = sentences(stage.what_happens)
        if stage.typical_wait.strip():
            bullets.append(f"How long: {stage.typical_wait.strip()}.")
        if stage.who_is_involved.strip():
            bullets.append(f"Who you will meet: {' '.join(stage.who_is_involved.split())}.")
        if bullets:
            blocks.append(
                BulletList([bullet if bullet.endswith((".", "!", "?")) else bullet + "." for bullet in bullets])
            )
    blocks.append(Heading("What we are making better"))
    blocks.append(
        BulletList([f"{line}" for point in progress for line in sentences(point)] or ["We will tell you soon."])
    )
    blocks.append(Heading("Tell us what you think"))
    blocks.append(
        BulletList([line for point in feedback for line in sentences(point)] or ["Talk to any member of staff."])
    )
    contact = lines(event.leaflet_contact)
    if contact:
        blocks.append(Heading("How to get in touch"))
        blocks.append(BulletList(contact))
    return Document(
        title=f"Your journey with {service.name}",
        subtitle="Easy read",
        blocks=blocks,
        author_label=service.name,
        generated_on=timezone.localdate(),
    )


def short_text(text: str, length: int = 80) -> str:
    """The start of a note, to name it on a page without repeating all of it."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def support_summary(participant) -> str:
    """One line for the lead: "Met beforehand, support offered; debrief not offered yet"."""
    done = [
        words
        for flag, words in (
            ("met_beforehand", "met beforehand"),
            ("support_offered", "support offered"),
            ("debrief_offered", "debrief offered"),
        )
        if getattr(participant, flag)
    ]
    missing = [
        words
        for flag, words in (
            ("met_beforehand", "not met beforehand yet"),
            ("support_offered", "support not offered yet"),
            ("debrief_offered", "debrief not offered yet"),
        )
        if not getattr(participant, flag)
    ]
    parts = [", ".join(done), ", ".join(missing)]
    text = "; ".join(part for part in parts if part)
    return text[0].upper() + text[1:]
