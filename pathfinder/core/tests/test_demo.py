from io import StringIO

from django.core.management import call_command

from pathfinder.core.demo import DEMO_PASSWORD
from pathfinder.core.models import Membership, Organisation
from pathfinder.programmes.models import Finding


def test_it_loads_twice_without_duplicates(db):
    out = StringIO()
    call_command("pathfinder", "demo", stdout=out)
    counts = (Organisation.objects.count(), Membership.objects.count(), Finding.objects.count())
    call_command("pathfinder", "demo", stdout=StringIO())
    assert (Organisation.objects.count(), Membership.objects.count(), Finding.objects.count()) == counts
    assert "lead@lochmore.example" in out.getvalue() and DEMO_PASSWORD in out.getvalue()


def test_the_demo_lead_sees_only_their_organisation(db, client):
    call_command("pathfinder", "demo", stdout=StringIO())
    assert client.login(email="lead@lochmore.example", password=DEMO_PASSWORD)
    dashboard = client.get("/", follow=True)
    body = dashboard.content.decode()
    assert "Lochmore Drug and Alcohol Service" in body
    assert "Skerryvale" not in body
    other = Finding.objects.get(text__startswith="Skerryvale only")
    assert client.get(f"/programmes/{other.programme_id}/").status_code == 404
