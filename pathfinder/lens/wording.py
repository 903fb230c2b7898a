"""Starting words for a new event, pathway and leaflet. Every one can be edited.

The shape of the event follows the learning report (Phase Two, "Trauma-informed
(TI) lens event(s)"): half a day, a drawn service pathway, three groups each
mapping two fictional people's journeys, then strengths, barriers and agreed
priorities. The support arrangements follow "Planning for the engagement of
people with experience of trauma". The words are ours.
"""

# The stages most drug and alcohol services recognise, as a first draft.
STARTER_STAGES = [
    ("Referral", "Someone is referred by their GP or another service, or refers themselves."),
    ("First contact", "We get in touch to say the referral has arrived and what happens next."),
    ("Assessment", "We meet to talk about what is happening, what matters to the person and what they want."),
    ("Starting treatment", "Together we agree a plan, which may include medication."),
    ("Psychosocial support", "One-to-one and group support to build skills, routines and connections."),
    ("Psychology", "Specialist psychological support, including help with the effects of trauma."),
    ("Review", "We look at how things are going together and change the plan if needed."),
    ("Moving on", "Planning for leaving the service, and how to come back if it is needed."),
]

AGENDA = """\
Arrival, tea and coffee. The quiet room is open all morning.
Welcome: what the morning is for, what to expect, and the support that is here for you
What trauma-informed practice means: the five principles (safety, trust, choice, collaboration, empowerment)
Our service pathway, stage by stage
In groups: walk two fictional people through the pathway. At each stage, note what works well, barriers and ideas
Break
Groups share what they found
Grouping barriers and ideas into areas for improvement
Voting on the priorities
What happens next, and thank you"""

FACILITATOR_NOTES = """\
Before the day
- Meet the people with lived experience beforehand (with their support network lead if they have one). Ask how they would like to take part and what would help.
- Invite partners who work with the service every day: GPs, pharmacy, social work, housing, prisons, third-sector services.
- Allow enough time: half a day works well. Book a room big enough for three groups, and a second, quiet room.
- Print the pathway and the vignettes, one set per group. Have the vouchers ready.

On the day
- Say at the start that nobody will be asked to share their own story, and that anyone can step out at any time.
- Introduce the named support person and show people the quiet room.
- Keep each group to one risk tier, and to two fictional people.
- Describe systems, not individuals: no names of staff or of people who use the service.

Afterwards
- Thank everyone and give vouchers on the day if you can.
- Share the priorities, and what will happen next, within two weeks."""

QUIET_SPACE = (
    "There is a quiet room next to the main room, open all morning. You can go there at any time, "
    "for as long as you like. There will be water, tea and somewhere comfortable to sit."
)
SUPPORT_PERSON = (
    "A named support person will be there all morning. You can talk to them before, during or after "
    "the event, about anything that comes up."
)
WHAT_TO_EXPECT = (
    "We will talk about how two fictional people move through the service, stage by stage, in small groups. "
    "Nobody will ask you to share your own story. You can say as much or as little as you want. "
    "Some of the fictional stories mention difficult things: each one says so before you read it."
)
STEPPING_OUT = (
    "You can step out at any time, without giving a reason. You can come back when you are ready, "
    "or not come back – that is fine too."
)
THANKS = (
    "Your time and expertise matter. People who take part because of their lived experience are thanked with a voucher."
)

LEAFLET_INTRO = (
    "This leaflet explains what happens when you come to our service, how long each step usually takes, "
    "and what we are doing about the things people have told us could be better."
)
LEAFLET_FEEDBACK = """\
Tell any member of staff – in person, by phone or in writing.
You can bring someone with you when you give feedback.
You do not have to give your name.
What you tell us will not affect your care."""


def leaflet_progress_draft(priorities) -> str:
    """A first draft of "what we are doing about known problems", one line per
    top priority, for the lead to rewrite in their own words."""
    lines = []
    for priority in priorities:
        line = priority.title.rstrip(".")
        if priority.description:
            line += f": {priority.description.strip().rstrip('.')}"
        lines.append(line + ".")
    return "\n".join(lines)
