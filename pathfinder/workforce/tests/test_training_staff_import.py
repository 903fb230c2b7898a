"""Staff without accounts imported from a CSV file: everyone or nobody, every
problem named by line and column, and names that look like formulas stay text
when the register is downloaded again."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.core.models import AuditEvent
from pathfinder.workforce import training
from pathfinder.workforce.models import StaffMember
from pathfinder.workforce.tests.conftest import training_url


def upload(client, world, text: str):
    file = SimpleUploadedFile("staff.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(training_url(world.programme, "staff/import/"), {"file": file})


def test_it_imports_everyone_in_a_good_file(world, as_user):
    text = "name,job_role\nMorag Ross,admin\nIain Bell,Practitioner or key worker\n\nAnn Lee, peer_worker \n"
    response = upload(as_user(world.lead), world, text)
    assert response.status_code == 302
    assert sorted(StaffMember.objects.values_list("name", "job_role")) == [
        ("Ann Lee", "peer_worker"),
        ("Iain Bell", "practitioner"),
        ("Morag Ross", "admin"),
    ]
    assert AuditEvent.objects.filter(kind="training.staff_imported").get().detail["people"] == 3


def test_one_bad_line_saves_nobody_and_every_problem_is_named(world, as_user):
    text = "job_role,name\nadmin,Morag Ross\nchef,Iain Bell\nadmin,\n,Ann Lee\n"
    page = upload(as_user(world.lead), world, text).page
    assert page.title.startswith("Error: ")
    assert not StaffMember.objects.exists()
    problems = [item.text_content() for item in page.css("#problems + ul li")]
    assert problems[0].startswith("Line 3, column “job_role”: “chef” is not one of the job roles.")
    assert problems[1:] == [
        "Line 4, column “name”: the name is empty.",
        "Line 5, column “job_role”: the job role is empty.",
    ]


def test_a_missing_heading_or_a_file_that_is_not_text_is_refused(world):
    for content, problem in [
        (b"who,what\nMorag,admin\n", "Line 1, column “name”: this heading is missing."),
        (b"\xff\xfe\x00n", "The file: it is not UTF-8 text."),
        (b"", "The file: it is empty."),
    ]:
        try:
            training.import_staff(world.service, content, by=None)
        except training.ImportRefused as refused:
            assert str(refused.problems[0]).startswith(problem)
        else:
            raise AssertionError("it should have been refused")
    assert not StaffMember.objects.exists()


def test_a_name_that_looks_like_a_formula_stays_text_when_downloaded(world, as_user):
    client = as_user(world.lead)
    upload(client, world, 'name,job_role\n"=HYPERLINK(""http://x.example"",""click"")",admin\n@SUM(A1),admin\n')
    assert StaffMember.objects.count() == 2
    response = client.get(training_url(world.programme, "people/download.csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = {row[0] for row in rows[1:]}
    assert '\'=HYPERLINK("http://x.example","click")' in names
    assert "'@SUM(A1)" in names
    assert not any(cell.startswith(("=", "@", "+", "-")) for row in rows for cell in row)
    assert AuditEvent.objects.filter(kind="data.export", detail__what="training register").exists()
