from django.urls import reverse

from pathfinder.thisisme import sections


def test_it_refuses_a_grant_longer_than_a_year_kindly(tim, as_user):
    from django.utils import timezone

    too_long = timezone.localdate() + timezone.timedelta(days=400)
    response = as_user(tim.person).post(
        reverse("thisisme_share"),
        {
            "grantee": "partner",
            "partner": tim.gp.pk,
            "sections": ["what_helps"],
            "purpose": "care",
            "how_long": "date",
            "ends_on": too_long.isoformat(),
        },
    )
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert "up to one year" in response.content.decode()
    assert not tim.profile.grants.exists()


def test_it_refuses_a_grant_to_someone_outside_the_service(tim, as_user):
    response = as_user(tim.person).post(
        reverse("thisisme_share"),
        {
            "grantee": "professional",
            "professional": tim.world.outsider.pk,
            "sections": ["what_helps"],
            "purpose": "care",
            "how_long": "30",
        },
    )
    assert response.status_code == 200
    assert "only share with people who work in or with" in response.content.decode()
    assert not tim.profile.grants.exists()


def test_a_huge_paste_is_refused_and_kept(tim, as_user):
    huge = "word " * (sections.MAX_LENGTH // 5 + 10)
    row = tim.profile.sections.get(key="about_me")
    response = as_user(tim.person).post(
        reverse("thisisme_section", args=["about_me"]), {"text": huge, "version": row.version}
    )
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert huge.strip() in response.content.decode()
    row.refresh_from_db()
    assert row.text == ""


def test_unsupported_characters_are_explained_and_everything_else_kept(tim, as_user):
    row = tim.profile.sections.get(key="about_me")
    client = as_user(tim.person)
    response = client.post(
        reverse("thisisme_section", args=["about_me"]), {"text": "I like\x00 the sea\x07.", "version": row.version}
    )
    assert response.status_code == 200
    assert "invisible" in response.content.decode()
    assert "I like the sea." in response.content.decode()
    response = client.post(
        reverse("thisisme_section", args=["about_me"]), {"text": "I like the sea.", "version": row.version}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.text == "I like the sea."


def test_words_are_kept_exactly_as_written(tim, as_user):
    text = "  Two spaces first.\n\nThen a blank line, and émoji 🌊 — dashes.  "
    row = tim.profile.sections.get(key="anything_else")
    as_user(tim.person).post(
        reverse("thisisme_section", args=["anything_else"]), {"text": text, "version": row.version}
    )
    row.refresh_from_db()
    assert row.text == text


def test_a_stale_save_is_refused_and_the_words_kept(tim, as_user):
    from pathfinder.thisisme import people

    row = tim.profile.sections.get(key="about_me")
    people.save_section(tim.profile, "about_me", "Saved on my phone.", row.version)
    response = as_user(tim.person).post(
        reverse("thisisme_section", args=["about_me"]), {"text": "Typed on the laptop.", "version": row.version}
    )
    assert response.status_code == 200
    assert "Typed on the laptop." in response.content.decode()
    row.refresh_from_db()
    assert row.text == "Saved on my phone."


def test_a_lost_or_wrong_set_up_code_gets_a_kind_message(client, db):
    response = client.post(
        reverse("thisisme_set_up"),
        {"code": "AAAA-BBBB-CCCC", "username": "sam", "passphrase": "x" * 14, "passphrase_again": "x" * 14},
    )
    assert response.status_code == 200
    assert "your key worker can give you a new one" in response.content.decode()
    assert "sam" in response.content.decode()


def test_a_guessed_grant_address_is_404(tim, as_user):
    import uuid

    assert as_user(tim.person).post(reverse("thisisme_withdraw", args=[uuid.uuid4()])).status_code == 404
