"""A standard's trend: ratings as 1 (red) to 5 (blue), through spc.xmr()."""

from pathfinder.evidence import spc
from pathfinder.evidence.tests.mat import rate


def page(world, as_user):
    return as_user(world.viewer).get(f"/programmes/{world.programme.pk}/mat-standards/6/")


def test_it_says_how_many_more_ratings_are_needed(world, as_user):
    rate(world, rating="red", days=40)
    rate(world, rating="amber", days=20)
    response = page(world, as_user)
    expected = spc.xmr([1, 2]).sentence
    assert "11 more points are needed" in expected
    assert expected in response.page.text()
    assert response.page.css("main svg[role=img]")
    table = response.page.css("main .pf-chart__data table")[0]
    cells = ["".join(cell.itertext()).strip() for cell in table.iter("td")]
    assert cells == ["1", "2"]


def test_it_draws_limits_once_there_are_enough_ratings(world, as_user):
    ratings = ["red", "amber"] * 6 + ["amber"]
    for days, rating in enumerate(reversed(ratings)):
        rate(world, rating=rating, days=10 + days * 30)
    response = page(world, as_user)
    expected = spc.xmr([1, 2] * 6 + [2], direction="higher")
    assert expected.limits is not None
    assert expected.sentence in response.page.text()
    headers = ["".join(h.itertext()) for h in response.page.css("main .pf-chart__data thead th")]
    assert "Upper process limit" in headers and "Mean" in headers


def test_it_has_no_chart_before_the_first_rating(world, as_user):
    response = page(world, as_user)
    assert not response.page.css("main svg[role=img]")
    assert "once the standard has been rated" in response.page.text()
