"""The national page, a service's national settings, and who may see the view."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.core.models import AuditEvent
from pathfinder.national.models import Oversight, ServiceProfile
from pathfinder.national.services import oversights, services_overseen
from pathfinder.national.tests.conftest import add_service

URL = "/national/"


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_people_without_oversight_get_404(nation, as_user):
    w = nation.world
    for person in (w.lead, w.member, w.viewer, w.outsider, w.admin):
        assert as_user(person).get(URL).status_code == 404
    assert as_user(None).get(URL).status_code == 302


def test_scopes_reach_their_services(nation):
    everyone = set(services_overseen(oversights(nation.national)))
    assert {nation.named.service, nation.lone.service, nation.world.service} <= everyone
    assert set(services_overseen(oversights(nation.board_viewer))) == {nation.lone.service}
    adp_viewer = nation.world.viewer
    Oversight.objects.create(user=adp_viewer, scope=Oversight.Scope.ADP, organisation=nation.adp)
    assert set(services_overseen(oversights(adp_viewer))) == {nation.named.service, nation.a.service, nation.b.service}


def test_the_comparison_names_only_services_that_agreed(nation, as_user):
    response = as_user(nation.national).get(URL)
    assert response.status_code == 200
    page = text(response)
    assert "Harbour Recovery" in page  # named
    for unnamed in ("Hill Service", "River Service", "Town Service", "Glen Service", "Home Drug and Alcohol Service"):
        assert unnamed not in page
    assert "Plan progress by theme" in page and "MAT standards" in page
    assert "Training coverage by practice level" in page


def test_a_filter_that_would_single_out_a_service_is_refused_with_a_reason(nation, as_user):
    response = as_user(nation.national).get(URL, {"board": nation.south.pk})
    assert response.status_code == 200
    page = text(response)
    assert "Figures about these services are not shown" in page
    assert "fewer than 3 services" in page
    assert "MAT standards: the latest ratings" not in page


def test_a_board_viewer_alone_with_one_service_sees_no_service_figures(nation, as_user):
    page = text(as_user(nation.board_viewer).get(URL))
    assert "Figures about these services are not shown" in page
    assert "Glen Service" not in page


def test_malformed_filters_get_a_clear_message(nation, as_user):
    client = as_user(nation.national)
    for query in ({"board": "nonsense"}, {"size": "huge"}, {"adp": "99999"}, {"area": "<b>"}):
        response = client.get(URL, query)
        assert response.status_code == 200
        assert "There is a problem" in text(response)


def test_query_count_does_not_grow_with_services(nation, as_user):
    client = as_user(nation.national)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"size": "small"}).status_code == 200
        return len(captured)

    before = count()
    for n in range(4):
        add_service(f"Extra Service {n}", nation.north, adp=nation.adp, named=n % 2 == 0, area="urban")
    assert count() == before


def test_the_lead_sets_whether_the_service_is_named(nation, as_user):
    w = nation.world
    url = f"/services/{w.service.slug}/national-settings/"
    client = as_user(w.lead)
    assert "National view settings" in text(client.get(url))
    response = client.post(url, {"named_nationally": "yes", "area_kind": "rural", "version": 0})
    assert response.status_code == 302
    profile = ServiceProfile.objects.get(service=w.service)
    assert profile.named_nationally and profile.area_kind == "rural"
    assert AuditEvent.objects.filter(kind="national.settings_changed", service=w.service).count() == 1
    # A stale version is refused, nothing changes.
    response = client.post(url, {"named_nationally": "no", "area_kind": "", "version": 0})
    assert response.status_code == 200 and "changed these settings" in text(response)
    assert ServiceProfile.objects.get(service=w.service).named_nationally
    # Bad input comes back with the error summary.
    response = client.post(url, {"named_nationally": "maybe", "area_kind": "moon", "version": 1})
    assert response.status_code == 200 and "There is a problem" in text(response)
    assert as_user(w.viewer).get(url).status_code == 403


def test_site_admins_grant_and_revoke_oversight_and_it_is_audited(nation, as_user):
    w = nation.world
    client = as_user(w.admin)
    assert "Who can see the national view" in text(client.get("/site-admin/"))
    response = client.post("/site-admin/oversight/", {"email": w.member.email, "scope": "board"})
    assert response.status_code == 200 and "Choose the health board" in text(response)
    response = client.post(
        "/site-admin/oversight/", {"email": w.member.email, "scope": "adp", "organisation": nation.north.pk}
    )
    assert response.status_code == 200 and "needs an alcohol and drug partnership" in text(response)
    response = client.post("/site-admin/oversight/", {"email": "nobody@example.org", "scope": "national"})
    assert response.status_code == 200 and "no account" in text(response)
    response = client.post(
        "/site-admin/oversight/", {"email": w.member.email, "scope": "board", "organisation": nation.north.pk}
    )
    assert response.status_code == 302
    grant = Oversight.objects.get(user=w.member)
    assert AuditEvent.objects.filter(kind="national.oversight_granted", actor=w.admin).count() == 1
    assert as_user(w.member).get(URL).status_code == 200
    client = as_user(w.admin)
    assert client.post(f"/site-admin/oversight/{grant.pk}/revoke/").status_code == 302
    assert not Oversight.objects.filter(user=w.member).exists()
    assert AuditEvent.objects.filter(kind="national.oversight_revoked").count() == 1
    assert as_user(w.member).get(URL).status_code == 404
    assert as_user(w.lead).get("/site-admin/oversight/").status_code == 403


def test_home_offers_the_national_view_to_someone_with_no_service(nation, as_user):
    page = text(as_user(nation.national).get("/"))
    assert "national view" in page and "You are not part of any service yet" not in page
    page = text(as_user(nation.world.admin).get("/"))
    assert "You are not part of any service yet" in page


def test_a_figure_only_one_unnamed_service_has_is_not_shown(nation):
    from datetime import timedelta

    from django.utils import timezone

    from pathfinder.evidence import services as evidence
    from pathfinder.national import services

    evidence.rate(
        programme=nation.lone.programme,
        standard=1,
        by=nation.lone.lead.user,
        rated_on=timezone.localdate() - timedelta(days=1),
        rating="blue",
        reason="Agreed at the group.",
        process_evidence="Same-day starts are in place.",
    )
    data = services.load(oversights(nation.national))
    everyone = services.figures(data, (None, None, None, None))
    assert everyone.released
    lines = {line.standard: line for line in everyone.ratings}
    assert lines["Standard 1: Same-day access"].counts is None  # only Glen Service rated it
    assert lines["Standard 6: Psychologically and trauma-informed system"].counts["green"] == 1
    assert lines["Standard 6: Psychologically and trauma-informed system"].rated == 5
    wellbeing = next(line for line in everyone.themes if line.theme.startswith("Workforce care"))
    assert (wellbeing.done, wellbeing.total, wellbeing.services) == (5, 10, 5)


def test_the_demo_national_viewer_sees_a_comparison(db, as_user):
    from io import StringIO

    from django.core.management import call_command

    from pathfinder.accounts.models import User

    call_command("pathfinder", "demo", stdout=StringIO())
    call_command("pathfinder", "demo", stdout=StringIO())  # twice: it is idempotent
    viewer = User.objects.get(email="national@pathfinder.example")
    page = text(as_user(viewer).get(URL))
    assert "Lochmore Drug and Alcohol Service" in page  # agreed to be named
    assert "Skerryvale Recovery Service" not in page and "Glenbrae Community Recovery" not in page
    assert "MAT standards: the latest ratings" in page
    assert "national view" in text(as_user(viewer).get("/"))


def test_training_coverage_pools_people_and_hides_small_numbers(nation):
    from datetime import date

    from pathfinder.national import services
    from pathfinder.workforce.models import CatalogueEntry, StaffMember, TrainingRecord

    everyone = (None, None, None, None)
    for case in (nation.named, nation.a, nation.b, nation.c, nation.lone):
        entry = CatalogueEntry.objects.create(
            service=case.service,
            key="informed",
            title="Trauma-informed basics",
            provider="NES",
            level="informed",
            format="e-learning",
            duration_minutes=30,
            description="An introduction.",
        )
        staff = list(StaffMember.objects.filter(service=case.service).order_by("pk"))
        keep = staff[:10] if case is nation.lone else staff
        TrainingRecord.objects.bulk_create(
            [TrainingRecord(staff=person, entry=entry, completed_on=date(2026, 11, 1)) for person in keep]
        )
    data = services.load(oversights(nation.national))
    informed = services.figures(data, everyone).levels[0]
    assert informed.needed == 60
    assert str(informed.percent) == "not shown" and "Too few people" in informed.reason  # 2 not trained
    north = services.figures(data, (nation.north.pk, None, None, None)).levels[0]
    # North's 48 beside everyone's 60 leaves 12 people apart: enough, so it is shown.
    assert (north.needed, north.percent, north.reason) == (48, 100.0, "")


def test_a_lead_compares_with_services_like_theirs(nation, as_user):
    from pathfinder.national import services

    # Hill Service: small and rural; River Service is the only other one, so medians are not shown
    comparison = services.like_mine(nation.a.service)
    assert comparison.similar == 1
    assert all(line.services is None for line in comparison.lines)
    for n in range(3):
        add_service(f"Moor Service {n}", nation.north, area="rural", rating="green", done=2)
    comparison = services.like_mine(nation.a.service)
    progress, mat = comparison.lines
    assert (progress.mine, progress.median, progress.services) == (50, 100, 4)
    assert (mat.mine, mat.median, mat.services) == (0, 1, 4)
    page = text(as_user(nation.a.lead.user).get(f"/services/{nation.a.service.slug}/like-mine/"))
    assert "Services like yours" in page and "River Service" not in page and "Moor Service" not in page
