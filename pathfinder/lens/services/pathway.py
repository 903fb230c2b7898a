"""The service pathway (stages ordered, reordered with the pathway's version,
retired rather than deleted) and the service's own vignettes."""

from django.db import transaction
from django.db.models import F, Max, ProtectedError
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.lens import wording
from pathfinder.lens.models import (
    Pathway,
    Stage,
    Vignette,
)
from pathfinder.lens.services.common import (
    STAGE_DELETED,
    STAGE_RETIRED,
    NotNow,
)

# Pathway ---------------------------------------------------------------------


def _bump(pathway: Pathway) -> None:
    Pathway._default_manager.filter(pk=pathway.pk).update(version=F("version") + 1, updated_at=timezone.now())
    pathway.refresh_from_db(fields=["version", "updated_at"])


def pathway_for(service) -> Pathway | None:
    return Pathway._default_manager.filter(service=service).first()


@transaction.atomic
def ensure_pathway(service) -> Pathway:
    pathway, _ = Pathway._default_manager.get_or_create(service=service)
    return pathway


@transaction.atomic
def start_with_usual_stages(service) -> Pathway:
    """The eight stages most services recognise, as a draft to edit. Only for a
    pathway with no stages yet."""
    pathway = ensure_pathway(service)
    if pathway.stages.exists():
        raise NotNow("The pathway already has stages, so nothing was added.")
    Stage._default_manager.bulk_create(
        [
            Stage(pathway=pathway, position=number, name=name, what_happens=what)
            for number, (name, what) in enumerate(wording.STARTER_STAGES, start=1)
        ]
    )
    _bump(pathway)
    return pathway


@transaction.atomic
def add_stage(service, **fields) -> Stage:
    pathway = ensure_pathway(service)
    Pathway._default_manager.select_for_update().filter(pk=pathway.pk).first()
    last = pathway.stages.aggregate(last=Max("position"))["last"] or 0
    stage = Stage._default_manager.create(pathway=pathway, position=last + 1, **fields)
    _bump(pathway)
    return stage


STAGE_FIELDS = ["name", "what_happens", "who_is_involved", "partners", "typical_wait"]


@transaction.atomic
def edit_stage(stage: Stage, *, version: int, **fields) -> None:
    """Raises StaleEdit if someone saved this stage since it was opened."""
    for name, value in fields.items():
        setattr(stage, name, value)
    save_if_current(stage, version, list(fields))


def _locked_pathway(stage: Stage, expected_version: int | None) -> Pathway:
    pathway = Pathway._default_manager.select_for_update().get(pk=stage.pathway_id)
    if expected_version is not None and pathway.version != expected_version:
        raise StaleEdit(pathway)
    return pathway


@transaction.atomic
def move_stage(stage: Stage, *, direction: str, version: int) -> None:
    """Swap a stage with its neighbour. Refused (StaleEdit) if the order or the
    stages changed since the page was opened: notes added meanwhile do not count."""
    pathway = _locked_pathway(stage, version)
    active = list(pathway.stages.filter(retired_at__isnull=True).order_by("position", "id"))
    index = next((i for i, each in enumerate(active) if each.pk == stage.pk), None)
    if index is None:
        raise NotNow("A retired stage has no place in the order. Bring it back first.")
    other = index - 1 if direction == "up" else index + 1
    if direction not in {"up", "down"} or not 0 <= other < len(active):
        return
    order = [each.pk for each in active]
    order[index], order[other] = order[other], order[index]
    # Renumber the active stages 1..n so positions stay tidy after retirements.
    for position, pk in enumerate(order, start=1):
        Stage._default_manager.filter(pk=pk).update(position=position)
    _bump(pathway)


@transaction.atomic
def remove_stage(stage: Stage, *, by) -> str:
    """Delete a stage, or retire it if any journey note refers to it: notes are
    never lost. Returns "deleted" or "retired"."""
    pathway = _locked_pathway(stage, None)
    locked = Stage._default_manager.select_for_update().get(pk=stage.pk)
    service = pathway.service
    if not locked.notes.exists():
        try:
            with transaction.atomic():
                locked.delete()
        except ProtectedError:
            pass
        else:
            _bump(pathway)
            audit.record(STAGE_DELETED, actor=by, service=service, target=pathway, stage=stage.name[:100])
            return "deleted"
    if locked.retired_at is None:
        Stage._default_manager.filter(pk=locked.pk).update(retired_at=timezone.now())
        _bump(pathway)
        audit.record(STAGE_RETIRED, actor=by, service=service, target=locked)
    return "retired"


@transaction.atomic
def restore_stage(stage: Stage) -> None:
    pathway = _locked_pathway(stage, None)
    last = pathway.stages.filter(retired_at__isnull=True).aggregate(last=Max("position"))["last"] or 0
    Stage._default_manager.filter(pk=stage.pk, retired_at__isnull=False).update(retired_at=None, position=last + 1)
    _bump(pathway)


# Vignettes ---------------------------------------------------------------------

VIGNETTE_FIELDS = ["name", "age", "tier", "story", "purpose", "content_note"]


def add_vignette(service, **fields) -> Vignette:
    return Vignette._default_manager.create(service=service, **fields)


@transaction.atomic
def edit_vignette(vignette: Vignette, *, version: int, **fields) -> None:
    if vignette.is_builtin:
        raise NotNow("Built-in vignettes cannot be changed. You can write your own instead.")
    for name, value in fields.items():
        setattr(vignette, name, value)
    save_if_current(vignette, version, list(fields))
