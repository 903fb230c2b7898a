"""The plan as CSV and Excel, with the findings behind each action, safe from
spreadsheet formulas, and recorded in the activity log."""

import csv
import io

import openpyxl

from pathfinder.core.models import AuditEvent
from pathfinder.planning.tests.conftest import make_action
from pathfinder.testing.factories import FindingFactory


def test_csv_and_excel(world, as_user):
    finding = FindingFactory(programme=world.programme, text='=HYPERLINK("x") staff feel unsupported')
    make_action(world, title="+Protect reflective practice", findings=[finding])
    client = as_user(world.viewer)
    response = client.get(f"/programmes/{world.programme.pk}/plan/download.csv")
    assert response["Content-Disposition"] == 'attachment; filename="home-service-implementation-plan.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Action", "Theme", "Owner"]
    assert rows[1][0] == "'+Protect reflective practice"
    assert rows[1][2] == "Bob Member"
    assert rows[1][rows[0].index("Findings it answers")].startswith("'=HYPERLINK")

    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/programmes/{world.programme.pk}/plan/download.xlsx").content)
    )
    assert workbook.sheetnames[-2:] == ["Funding and what is left", "Spending by other tools"]
    assert len(workbook.sheetnames) == 6
    assert AuditEvent.objects.filter(kind="data.export", actor=world.viewer).count() == 2


def test_unknown_formats_and_staff_without_the_permission(world, as_user):
    from pathfinder.testing.factories import MembershipFactory

    assert as_user(world.lead).get(f"/programmes/{world.programme.pk}/plan/download.pdf").status_code == 404
    staff = MembershipFactory(service=world.service, role="staff").user
    assert as_user(staff).get(f"/programmes/{world.programme.pk}/plan/download.csv").status_code == 403
