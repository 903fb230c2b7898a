"""The read-only API (django-ninja, OpenAPI 3.1 at /api/v1/openapi.json).

Every operation: a bearer token (auth.TokenAuth) that acts as its owner, so
every query goes through core.scoping like the pages (another service's
programme is 404, a role without the permission 403); one audit event per call;
a rate limit per token; errors in one JSON shape (errors.py); lists in pages of
PAGE_SIZE, a page past the end is 404. Survey figures never come through here
except as measures, which carry only values released by the disclosure gate."""

import logging
import math

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.throttling import AuthRateThrottle

from pathfinder.api import schemas
from pathfinder.api.auth import TokenAuth
from pathfinder.api.errors import ERRORS, ApiError, error_response
from pathfinder.core import audit
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.programmes.models import Finding, Programme

log = logging.getLogger(__name__)
PAGE_SIZE = 100
RATE = "120/m"

api = NinjaAPI(
    title="Pathfinder read-only API",
    version="1",
    description=(
        "Read-only access to the programmes you take part in: findings, actions, assessment results, "
        "MAT standard ratings and measures. A token sees what its owner may see in Pathfinder, nothing more. "
        'Errors always have the shape {"error": {"status", "code", "message"}}.'
    ),
    auth=TokenAuth(),
    throttle=[AuthRateThrottle(RATE)],
    urls_namespace="api",
    docs_url=None,
    openapi_url="/openapi.json",
)


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return error_response(exc.status, exc.code, exc.message, exc.headers)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return error_response(401)


@api.exception_handler(Throttled)
def _throttled(request, exc: Throttled):
    wait = getattr(exc, "wait", None)
    return error_response(429, headers={"Retry-After": str(math.ceil(wait or 60))})


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    fields = sorted({".".join(str(part) for part in error.get("loc", ())[1:]) for error in exc.errors})
    named = ", ".join(field for field in fields if field)
    message = f"These parameters are not valid: {named}." if named else None
    return error_response(422, message=message)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return error_response(403)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return error_response(exc.status_code)


@api.exception_handler(Exception)
def _server_error(request, exc):
    log.exception("API error on %s", request.path)
    return error_response(500)


def _page(request, queryset, page: int):
    """One page of `queryset`: 404 past the end (page 1 of nothing is an empty page)."""
    count = queryset.count()
    pages = max(1, math.ceil(count / PAGE_SIZE))
    if page > pages:
        raise ApiError(404, "page_not_found", f"There are {pages} pages; page {page} does not exist.")
    start = (page - 1) * PAGE_SIZE
    return {"count": count, "page": page, "pages": pages, "rows": list(queryset[start : start + PAGE_SIZE])}


def _only(request, *allowed: str) -> None:
    """A parameter the operation does not take is a mistake worth saying."""
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise ApiError(422, "unknown_parameter", f"This operation does not take: {', '.join(unknown)[:200]}.")


def _read(request, what: str, programme: Programme | None = None) -> None:
    audit.record(
        "api.read",
        actor=request.user,
        service=programme.service if programme is not None else None,
        target=programme,
        what=what,
        token=request.auth.prefix,
    )


def _programme(request, pk: int, perm: Perm = Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, scoped(Programme, request.user).select_related("service"), perm, pk=pk)


def _programme_out(programme: Programme) -> dict:
    return {
        "id": programme.pk,
        "name": programme.name,
        "service": {"slug": programme.service.slug, "name": programme.service.name},
        "started_on": programme.started_on,
        "phases": [
            {"phase": p.phase, "status": p.status, "starts_on": p.starts_on, "ends_on": p.ends_on}
            for p in programme.phases.all()
        ],
    }


PageNumber = Query(1, ge=1, le=1_000_000, description="Page number, from 1.")
_ANSWERS = {**ERRORS}


@api.get(
    "/programmes",
    response={200: schemas.ProgrammePage, **_ANSWERS},
    summary="Programmes you take part in",
    url_name="api_programmes",
)
def programmes(request, page: int = PageNumber):
    _only(request, "page")
    queryset = scoped(Programme, request.user).select_related("service").prefetch_related("phases").order_by("pk")
    found = _page(request, queryset, page)
    _read(request, "programmes")
    return {**found, "results": [_programme_out(p) for p in found.pop("rows")]}


@api.get(
    "/programmes/{pk}",
    response={200: schemas.ProgrammeOut, **_ANSWERS},
    summary="One programme",
    url_name="api_programme",
)
def programme(request, pk: int):
    _only(request)
    found = _programme(request, pk)
    _read(request, "programme", found)
    return _programme_out(found)


@api.get(
    "/programmes/{pk}/findings",
    response={200: schemas.FindingPage, **_ANSWERS},
    summary="A programme's findings",
    url_name="api_findings",
)
def findings(request, pk: int, page: int = PageNumber):
    def row(f):
        return {
            "id": f.pk,
            "theme": f.theme,
            "kind": f.kind,
            "principles": list(f.principles or []),
            "text": f.text,
            "source": f.source_label,
            "created_on": f.created_at.date(),
        }

    return _listed(request, pk, page, "findings", Finding, row)


def _listed(request, pk: int, page: int, what: str, model, row, order=("pk",)) -> dict:
    """One page of a programme's `model` rows (scoped), each made by `row`."""
    _only(request, "page")
    found = _programme(request, pk)
    queryset = scoped(model, request.user).filter(programme=found).order_by(*order)
    rows = _page(request, queryset, page)
    _read(request, what, found)
    return {**rows, "results": [row(item) for item in rows.pop("rows")]}


@api.get(
    "/programmes/{pk}/actions",
    response={200: schemas.ActionPage, **_ANSWERS},
    summary="A programme's actions",
    url_name="api_actions",
)
def actions(request, pk: int, page: int = PageNumber):
    from pathfinder.planning.models import Action

    def row(a):
        fields = ("title", "theme", "status", "priority", "starts_on", "due_on")
        return {"id": a.pk, **{name: getattr(a, name) for name in fields}, "done": a.status == Action.Status.DONE}

    return _listed(request, pk, page, "actions", Action, row)


@api.get(
    "/programmes/{pk}/assessment-results",
    response={200: list[schemas.AssessmentResultOut], **_ANSWERS},
    summary="Agreed theme scores of a programme's closed assessment rounds",
    url_name="api_assessment_results",
)
def assessment_results(request, pk: int):
    _only(request)
    from pathfinder.assessments import presenters
    from pathfinder.assessments.models import AgreedScore, AssessmentRound

    found = _programme(request, pk)
    rounds = list(
        scoped(AssessmentRound, request.user)
        .filter(programme=found, status=AssessmentRound.Status.CLOSED)
        .select_related("instrument_version")
        .order_by("closed_at", "pk")
    )
    agreed: dict[int, list] = {r.pk: [] for r in rounds}
    for score in scoped(AgreedScore, request.user).filter(round__in=rounds):
        agreed[score.round_id].append(score)
    _read(request, "assessment results", found)
    results = []
    for round_ in rounds:
        result = presenters.round_result(round_.instrument_version.parsed, agreed[round_.pk])
        results.append(
            {
                "round_id": round_.pk,
                "title": round_.title,
                "kind": round_.kind,
                "closed_on": round_.closed_at.date() if round_.closed_at else None,
                "overall": _rounded(result.overall.score),
                "themes": [
                    {
                        "key": t.key,
                        "title": t.title,
                        "theme": t.theme,
                        "score": _rounded(t.score),
                        "answered": t.answered,
                        "items": t.items,
                    }
                    for t in result.themes
                ],
            }
        )
    return results


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@api.get(
    "/programmes/{pk}/mat-ratings",
    response={200: schemas.MatRatingPage, **_ANSWERS},
    summary="A programme's MAT standard ratings, oldest first",
    url_name="api_mat_ratings",
)
def mat_ratings(request, pk: int, page: int = PageNumber):
    from pathfinder.evidence.models import MatStandardRating

    fields = ("standard", "rating", "rated_on", "reason", "process_evidence", "numerical_evidence")

    def row(r):
        return {
            "id": r.pk,
            **{name: getattr(r, name) for name in fields},
            "experiential_evidence": r.experiential_evidence,
        }

    return _listed(request, pk, page, "MAT ratings", MatStandardRating, row, ("standard", "rated_on", "pk"))


@api.get(
    "/programmes/{pk}/measures",
    response={200: list[schemas.MeasureOut], **_ANSWERS},
    summary="Repeated measures of a programme (released values only)",
    url_name="api_measures",
)
def measures(request, pk: int):
    _only(request)
    from pathfinder.programmes.registry import measure_sources

    found = _programme(request, pk)
    _read(request, "measures", found)
    return [
        {
            "key": m.key,
            "title": m.title,
            "group": m.group,
            "unit": m.unit,
            "direction": m.direction,
            "theme": m.theme,
            "points": [{"label": p.label, "on": p.on, "value": p.value} for p in m.points],
        }
        for source in measure_sources()
        for m in source.measures(found, request.user)
    ]
