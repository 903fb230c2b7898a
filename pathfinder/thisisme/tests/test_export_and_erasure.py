import json

from django.urls import reverse

from pathfinder.thisisme.models import PersonProfile


def test_the_person_downloads_everything_as_json(shared, as_user):
    as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    response = as_user(shared.person).get(reverse("thisisme_json"))
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    parts = {part["key"]: part["text"] for part in data["profile"]}
    assert parts["what_happened"] == "Something private and painful."
    assert data["sharing"][0]["resourceType"] == "Consent"
    assert data["sharing"][0]["status"] == "active"
    assert data["access_log"][0]["who"] == "Gina Practice"


def test_the_person_prints_their_whole_profile(shared, as_user):
    response = as_user(shared.person).get(reverse("thisisme_pdf"))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_erasure_asks_first_then_removes_and_closes_the_account(shared, as_user):
    client = as_user(shared.person)
    page = client.get(reverse("thisisme_erase"))
    assert "who looked at your profile" in page.content.decode()
    assert client.post(reverse("thisisme_erase"), {}).status_code == 200
    assert PersonProfile.objects.exists()
    assert client.post(reverse("thisisme_erase"), {"confirmed": "yes"}).status_code == 302
    assert not PersonProfile.objects.exists()
    shared.person.refresh_from_db()
    assert not shared.person.is_active


def _pdf_text(content: bytes, tmp_path) -> str:
    import subprocess

    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    return " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )


def test_the_professionals_print_out_holds_only_the_shared_parts(shared, as_user, tmp_path):
    response = as_user(shared.gp).get(reverse("thisisme_shared_pdf", args=[shared.profile.ref]))
    text = _pdf_text(response.content, tmp_path)
    assert "Sitting near the door helps me." in text
    assert "Call me Robin. Text first, please." in text
    assert "private and painful" not in text and "What has happened to me" not in text


def test_the_persons_print_out_holds_every_part(shared, as_user, tmp_path):
    text = _pdf_text(as_user(shared.person).get(reverse("thisisme_pdf")).content, tmp_path)
    assert "Something private and painful." in text and "Gina Practice" in text
