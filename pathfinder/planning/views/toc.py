"""The theory of change: the diagram with its list, adding and changing
steps, links and indicators, and downloads as SVG and PDF."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import audit, documents
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.planning.forms.toc import IndicatorForm, LinkForm, NodeEditForm, NodeForm
from pathfinder.planning.models import Indicator, ToCLink, ToCNode
from pathfinder.planning.presenters import toc as presenters
from pathfinder.planning.services import toc as services
from pathfinder.planning.views.access import get_programme, page
from pathfinder.reports import exports

DIAGRAM_TITLE = "Theory of change"


def _theory(request, programme, id_prefix="toc"):
    nodes = list(scoped(ToCNode, request.user).filter(programme=programme).order_by("id"))
    links = list(scoped(ToCLink, request.user).filter(programme=programme).order_by("id"))
    indicators = scoped(Indicator, request.user).filter(node__programme=programme).order_by("id")
    counts = dict(
        scoped(ToCNode, request.user)
        .filter(programme=programme, kind=ToCNode.Kind.ACTIVITY)
        .annotate(total=Count("activity_actions"))
        .values_list("id", "total")
    )
    indicators = list(indicators)
    columns = presenters.columns(nodes, links, indicators, counts)
    svg = presenters.diagram_svg(
        columns, links, title=f"{DIAGRAM_TITLE}: {programme.service.name}", id_prefix=id_prefix
    )
    return columns, links, svg


def _crumbs(programme):
    return [{"text": "Theory of change", "href": reverse("plan_toc", args=[programme.pk])}]


@require_safe
def toc(request, pk):
    programme = get_programme(request, pk)
    columns, links, svg = _theory(request, programme)
    keys = {i.measure_key for column in columns for view in column.steps for i in view.indicators if i.measure_key}
    context = page(
        request,
        programme,
        "toc",
        columns=columns,
        measures=presenters.measure_readings(programme, request.user, keys),
        link_count=len(links),
        svg=svg,
        description=presenters.description(columns, len(links)),
    )
    return render(request, "planning/toc.html", context)


@require_http_methods(["GET", "POST"])
def node_new(request, pk):
    programme = get_programme(request, pk, Perm.RECORD_FINDINGS)
    kind = request.GET.get("kind", "")
    form = NodeForm(
        request.POST or None, initial={"kind": kind if kind in ToCNode.Kind.values else "", "scope": "local"}
    )
    if request.method == "POST" and form.is_valid():
        node = services.add_node(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, f"“{node.text}” has been added to the theory of change.")
        return redirect(reverse("plan_toc", args=[programme.pk]) + f"#step-{node.pk}")
    context = page(request, programme, "toc", form=form, breadcrumbs=_crumbs(programme))
    return render(request, "planning/toc_node_new.html", context)


def _initial(step) -> dict:
    return {"text": step.text, "scope": step.scope, "version": step.version}


@require_http_methods(["GET", "POST"])
def node(request, pk):
    step = get_for(
        request, scoped(ToCNode, request.user).select_related("programme__service"), Perm.RECORD_FINDINGS, pk=pk
    )
    programme = step.programme
    posted = request.POST.get("form") if request.method == "POST" else None
    form = NodeEditForm(
        request.POST if posted == "step" else None,
        initial=_initial(step),
    )
    measures = presenters.measures(programme, request.user) if step.is_outcome else []
    indicator_form = IndicatorForm(request.POST if posted == "indicator" else None, measures=measures)
    if posted == "step" and form.is_valid():
        try:
            services.edit_node(
                step,
                version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                scope=form.cleaned_data["scope"],
                by=request.user,
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                f"Someone else changed this step while you had it open. It now reads “{stale.current.text}”. "
                "Your changes are still below, on top of theirs: save again to keep them.",
                current=_initial(stale.current),
            )
        else:
            messages.success(request, "The step has been saved.")
            return redirect(reverse("plan_toc", args=[programme.pk]) + f"#step-{step.pk}")
    if posted == "indicator" and step.is_outcome and indicator_form.is_valid():
        services.add_indicator(
            node=step,
            text=indicator_form.cleaned_data["indicator"],
            how_measured=indicator_form.cleaned_data["how_measured"],
            measure_key=indicator_form.cleaned_data["measure"],
            by=request.user,
        )
        messages.success(request, "The indicator has been added.")
        return redirect("plan_toc_node", step.pk)
    if posted == "remove":
        services.remove_node(step, by=request.user)
        messages.success(
            request, "The step has been removed, with its links. Actions linked to it are still in the plan."
        )
        return redirect("plan_toc", programme.pk)
    context = page(
        request,
        programme,
        "toc",
        step=step,
        form=form,
        indicator_form=indicator_form if step.is_outcome else None,
        forms=[form, indicator_form],
        indicators=scoped(Indicator, request.user).filter(node=step),
        measure_titles={measure.key: measure.title for measure in measures},
        links_out=scoped(ToCLink, request.user).filter(source=step).select_related("target"),
        links_in=scoped(ToCLink, request.user).filter(target=step).select_related("source"),
        breadcrumbs=_crumbs(programme),
    )
    return render(request, "planning/toc_node.html", context)


@require_http_methods(["GET", "POST"])
def link_new(request, pk):
    programme = get_programme(request, pk, Perm.RECORD_FINDINGS)
    nodes = list(scoped(ToCNode, request.user).filter(programme=programme).order_by("kind", "id"))
    links = list(scoped(ToCLink, request.user).filter(programme=programme).values_list("source_id", "target_id"))
    form = LinkForm(request.POST or None, nodes=nodes, links=links, initial={"source": request.GET.get("from", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_link(
                source=data["source"],
                target=data["target"],
                rationale=data["rationale"],
                assumptions=data["assumptions"],
                by=request.user,
            )
        except services.LinkRefused as refused:
            form.add_error("target", str(refused))
        else:
            messages.success(request, "The link has been added.")
            return redirect(reverse("plan_toc", args=[programme.pk]) + f"#step-{data['source'].pk}")
    context = page(request, programme, "toc", form=form, enough=len(nodes) >= 2, breadcrumbs=_crumbs(programme))
    return render(request, "planning/toc_link_new.html", context)


@require_POST
def link_remove(request, pk):
    link = get_for(
        request, scoped(ToCLink, request.user).select_related("programme__service"), Perm.RECORD_FINDINGS, pk=pk
    )
    programme = link.programme
    services.remove_link(link, by=request.user)
    messages.success(request, "The link has been removed.")
    return redirect("plan_toc", programme.pk)


@require_safe
def download(request, pk, fmt):
    if fmt not in {"svg", "pdf"}:
        raise Http404
    programme = get_programme(request, pk, Perm.EXPORT_DATA)
    columns, links, svg = _theory(request, programme, id_prefix="diagram")
    name = f"{programme.service.slug}-theory-of-change"
    if svg is None and fmt == "svg":
        messages.info(request, "There is no diagram to download yet: add some steps first.")
        return redirect("plan_toc", programme.pk)
    if fmt == "svg":
        audit.record(
            audit.Kind.EXPORT,
            actor=request.user,
            service=programme.service,
            target=programme,
            format=fmt,
            what="theory of change",
        )
        return exports.svg_response(svg, f"{name}.svg")
    html = render_to_string(
        "planning/pdf/toc.html",
        {
            "service": programme.service,
            "columns": columns,
            "svg": svg,
            "description": presenters.description(columns, len(links)),
        },
    )
    return documents.deliver(
        request,
        service=programme.service,
        target=programme,
        what="theory of change",
        fmt="pdf",
        filename=name,
        perm=Perm.EXPORT_DATA,
        html=html,
    )
