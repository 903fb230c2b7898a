"""Raters are named by design, so no assessment page may suggest their
answers are anonymous or private from the lead."""

import re

from pathfinder.assessments import services
from pathfinder.assessments.tests.conftest import agree_all, answer_all

CLAIMS = re.compile(r"privately|only you can see|nobody can be picked out|anonymously|(?<!not )anonymous", re.I)


def pages(round_, world):
    key = round_.instrument_version.parsed.sections[0].key
    return {
        "overview": f"/programmes/{world.programme.pk}/assessment/",
        "open": f"/programmes/{world.programme.pk}/assessment/new/",
        "round": f"/assessment-rounds/{round_.pk}/",
        "rate": f"/assessment-rounds/{round_.pk}/rate/{key}/",
        "check": f"/assessment-rounds/{round_.pk}/rate/check/",
    }


def test_no_page_claims_ratings_are_private(open_round, world, as_user):
    client = as_user(world.lead)
    for name, url in pages(open_round, world).items():
        text = " ".join(client.get(url).page.text().split())
        assert not CLAIMS.search(text), (name, CLAIMS.search(text).group(0))
    for name in ("open", "round"):
        assert "not anonymous" in client.get(pages(open_round, world)[name]).page.text(), name
    answer_all(open_round, world.member, 3)
    services.start_consensus(open_round, version=open_round.version, by=world.lead)
    open_round.refresh_from_db()
    key = open_round.instrument_version.parsed.sections[0].key
    agree = " ".join(client.get(f"/assessment-rounds/{open_round.pk}/agree/{key}/").page.text().split())
    assert not CLAIMS.search(agree)
    assert "Raters are named" in agree
    agree_all(open_round, world.lead, lambda item: 3)
    services.close_round(open_round, version=open_round.version, by=world.lead)
    results = " ".join(client.get(f"/assessment-rounds/{open_round.pk}/results/").page.text().split())
    assert not CLAIMS.search(results)
