"""Each service's lists of terms: seeded from the defaults the first time they
are opened, changed by the service, checked by language.py (an empty or
duplicated term is named, and what was typed is kept), and used by audits."""

from pathfinder.evidence import language, language_audit
from pathfinder.evidence.models import LanguageAudit, LanguageLexicon
from pathfinder.evidence.tests.language_corpus import care_plans, upload


def url(world):
    return f"/programmes/{world.programme.pk}/language-audits/lists/"


def test_the_lists_are_seeded_from_the_defaults_the_first_time(world, as_user):
    assert not LanguageLexicon.objects.exists()
    page = as_user(world.member).get(url(world))
    lexicon = LanguageLexicon.objects.get(service=world.service)
    assert lexicon.trauma_informed.splitlines()[0] == "trauma"
    assert len(lexicon.trauma_informed.splitlines()) == len(language.TRAUMA_INFORMED)
    assert "addict = person who uses drugs; person with problematic drug use" in lexicon.stigmatising.splitlines()
    assert "clean needle" in lexicon.ignore.splitlines()
    assert page.page.form_data("main form")["stigmatising"] == lexicon.stigmatising
    as_user(world.lead).get(url(world))
    assert LanguageLexicon.objects.count() == 1
    assert not LanguageLexicon.objects.filter(service=world.other_service).exists()


def _post(client, world, **changes):
    data = {**language_audit.DEFAULTS, "version": 1, **changes}
    return client.post(url(world), data)


def test_a_duplicated_or_empty_term_is_refused_and_what_was_typed_is_kept(world, as_user):
    client = as_user(world.lead)
    client.get(url(world))
    typed = "choice\nwhat happened\nChoices\n"
    response = _post(client, world, trauma_informed=typed, stigmatising="= person in recovery\naddict\nAddict")
    assert response.status_code == 400
    errors = response.page.error_summary()
    assert "The term “Choices” is already counted as a form of “choice”" in " ".join(errors)
    assert "Line 1 has alternatives but no term before the “=”" in " ".join(errors)
    assert response.page.form_data("main form")["trauma_informed"].strip() == typed.strip()
    assert LanguageLexicon.objects.get().version == 1  # nothing saved

    response = _post(client, world, trauma_informed="   ")
    assert response.page.error_summary() == ["The list has no terms: add at least one."]
    response = _post(client, world, ignore="clean needle\nClean-needle")
    assert any("already in the list" in error for error in response.page.error_summary())


def test_the_service_s_lists_are_used_by_its_next_audit(world, as_user):
    client = as_user(world.lead)
    client.get(url(world))
    response = _post(
        client,
        world,
        trauma_informed="Quillfeather ward\nchoice",
        stigmatising="junkie = person who uses drugs\ndrug user",
        ignore="old notes called him a drug user",
    )
    assert response.status_code == 302
    upload(client, world.programme, care_plans()[:1])
    audit = LanguageAudit.objects.get()
    # "drug user" inside the ignored phrase is not counted; "DRUG-USER" and "druguser" are.
    assert audit.stigmatising_counts == {"junkie": 1, "drug user": 2}
    assert audit.trauma_informed_counts == {"Quillfeather ward": 1, "choice": 1}
    assert audit.alternatives == {"junkie": ["person who uses drugs"], "drug user": []}


def test_a_stale_save_is_refused_and_keeps_what_was_typed(world, as_user):
    client = as_user(world.lead)
    client.get(url(world))
    assert _post(client, world, trauma_informed="trauma").status_code == 302
    response = _post(client, world, trauma_informed="choice\nsafety")
    assert "Someone else saved these lists" in response.page.error_summary()[0]
    kept = response.page.form_data("main form")
    assert kept["trauma_informed"].strip() == "choice\nsafety" and kept["version"] == "2"
    assert _post(client, world, trauma_informed="choice\nsafety", version=2).status_code == 302
    assert LanguageLexicon.objects.get().trauma_informed == "choice\nsafety"
