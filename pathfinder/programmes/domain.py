"""The method's fixed vocabulary, defined once: phases, themes and principles.

Descriptions are our own words. Section names refer to the Trauma-Informed
Substance Use Pathfinders Learning Report (Scottish Government, 2023).
"""

from dataclasses import dataclass

from django.db import models


class Phase(models.TextChoices):
    FAMILIARISE = "familiarise", "Understand the service and its readiness"
    PLAN = "plan", "Plan improvements"
    IMPLEMENT = "implement", "Put priorities into practice"


PHASE_DESCRIPTIONS = {
    Phase.FAMILIARISE: "Talk with staff and partners, gather the service's documents and pathways, "
    "and notice what already works. (Report: Phase One.)",
    Phase.PLAN: "Look at the service through a trauma-informed lens, assess the organisation, "
    "find training needs, and agree a theory of change and a three-year plan. (Report: Phase Two.)",
    Phase.IMPLEMENT: "Carry out the agreed actions across the nine themes, review progress "
    "and keep momentum. (Report: Phase Three.)",
}


class Theme(models.TextChoices):
    CULTURE = "culture", "Organisational culture"
    LEADERSHIP = "leadership", "Leadership"
    WELLBEING = "wellbeing", "Workforce care, support and wellbeing"
    POWER_SHARING = "power_sharing", "Power sharing with people with lived experience"
    SKILLS = "skills", "Workforce knowledge, skills and confidence"
    DATA = "data", "Data, feedback loops and continuous improvement"
    POLICIES = "policies", "Policies and processes"
    BUDGETS = "budgets", "Budgets"
    SERVICE_DESIGN = "service_design", "Service design and delivery"


THEME_DESCRIPTIONS = {
    Theme.CULTURE: "How the five principles show up in everyday decisions, relationships and ways of working.",
    Theme.LEADERSHIP: "Leaders who are visible, model self-care, make room for the work and hold it to account.",
    Theme.WELLBEING: "Supervision, reflective practice, manageable caseloads and spaces where staff feel safe.",
    Theme.POWER_SHARING: "People with lived experience of trauma and addictions shaping the service, "
    "safely and paid for their time.",
    Theme.SKILLS: "Training matched to each role's practice level, built into induction and supported afterwards.",
    Theme.DATA: "Feedback gathered, acted on and reported back; progress measured over time.",
    Theme.POLICIES: "Policies, documents and language reviewed through a trauma-informed lens, with HR involved.",
    Theme.BUDGETS: "The direct and indirect costs of the work, and where the money and staff time come from.",
    Theme.SERVICE_DESIGN: "Pathways, buildings and partnerships that reduce barriers and avoid re-traumatising people.",
}


class Principle(models.TextChoices):
    SAFETY = "safety", "Safety"
    TRUST = "trust", "Trust"
    CHOICE = "choice", "Choice"
    COLLABORATION = "collaboration", "Collaboration"
    EMPOWERMENT = "empowerment", "Empowerment"


PRINCIPLE_DESCRIPTIONS = {
    Principle.SAFETY: "People feel physically and emotionally safe.",
    Principle.TRUST: "The service is open, consistent and keeps its word.",
    Principle.CHOICE: "People have real options and a say in what happens.",
    Principle.COLLABORATION: "Decisions are made with people, not for them.",
    Principle.EMPOWERMENT: "Strengths are recognised and built on.",
}


@dataclass(frozen=True)
class Described:
    value: str
    label: str
    description: str


def described(choices: type[models.TextChoices], descriptions: dict) -> list[Described]:
    return [Described(member.value, member.label, descriptions[member]) for member in choices]
