"""The national figures are kept for a while, shared by everyone with the same view."""

from pathfinder.national import cache
from pathfinder.national.models import Oversight
from pathfinder.national.services import oversights
from pathfinder.national.tests.test_national_views import text
from pathfinder.testing import factories

URL = "/national/"


def test_figures_are_worked_out_once_and_kept_for_everyone_with_the_same_view(nation, as_user, settings, monkeypatch):
    from pathfinder.national import services

    settings.PATHFINDER_NATIONAL_CACHE_SECONDS = 600
    loads = []
    real = services.load
    monkeypatch.setattr(services, "load", lambda grants: loads.append(grants) or real(grants))
    page = text(as_user(nation.national).get(URL))
    assert "Figures worked out at" in page and "every 10 minutes" in page
    assert len(loads) == 1
    other = factories.UserFactory(full_name="Nadia National", email="nadia@example.org")
    Oversight.objects.create(user=other, scope=Oversight.Scope.NATIONAL)
    again = text(as_user(other).get(URL))
    assert len(loads) == 1  # kept: not worked out again
    assert again.split("Figures worked out at")[1][:40] == page.split("Figures worked out at")[1][:40]
    as_user(other).get(URL, {"size": "small"})
    assert len(loads) == 2  # another group: worked out once more


def test_a_board_view_is_kept_apart_from_the_national_one(nation, settings):
    settings.PATHFINDER_NATIONAL_CACHE_SECONDS = 600
    everyone = cache.Page(oversights(nation.national)).figures(cache.EVERYONE)[0].figures
    board = cache.Page(oversights(nation.board_viewer)).figures(cache.EVERYONE)[0].figures
    assert everyone.count == 7 and board.count == 1  # the world fixture brings two more
    assert cache.scope_of(oversights(nation.national)) != cache.scope_of(oversights(nation.board_viewer))


def test_made_up_filters_do_not_become_cache_keys(nation, as_user, settings):
    from django.core.cache import cache as shared

    settings.PATHFINDER_NATIONAL_CACHE_SECONDS = 600
    client = as_user(nation.national)
    client.get(URL)
    scope = cache.scope_of(oversights(nation.national))
    assert shared.get(cache._key(scope, cache.EVERYONE)) is not None
    client.get(URL, {"board": "999999", "size": "enormous"})  # refused by the form: everyone's figures again
    assert shared.get(cache._key(scope, ("999999", None, None, "enormous"))) is None


def test_nothing_is_kept_when_the_setting_is_zero(nation, settings):
    from django.core.cache import cache as shared

    settings.PATHFINDER_NATIONAL_CACHE_SECONDS = 0
    cache.Page(oversights(nation.national)).figures(cache.EVERYONE)
    assert shared.get(cache._key(cache.scope_of(oversights(nation.national)), cache.EVERYONE)) is None


def test_a_kept_copy_holds_no_rows_of_services_that_did_not_agree_to_be_named(nation, settings):
    settings.PATHFINDER_NATIONAL_CACHE_SECONDS = 600
    (kept,) = cache.Page(oversights(nation.national)).figures(cache.EVERYONE)
    assert kept.figures.services == []
    assert [row.name for row in kept.figures.named] == ["Harbour Recovery"]


def test_services_like_mine_are_kept_per_service(nation, as_user, settings):
    settings.PATHFINDER_NATIONAL_CACHE_SECONDS = 600
    url = f"/services/{nation.a.service.slug}/like-mine/"
    page = text(as_user(nation.a.lead.user).get(url))
    assert "Figures worked out at" in page
    first, when = cache.like_mine(nation.a.service)
    second, again = cache.like_mine(nation.a.service)
    assert when == again and first.lines == second.lines
