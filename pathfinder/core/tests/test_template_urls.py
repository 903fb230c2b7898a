"""Templates' url() keeps each address it works out (pathfinder/jinja2env.py):
it must always give what Django's reverse() gives, under any script prefix."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from pathfinder.jinja2env import url


def test_it_gives_what_reverse_gives():
    for _ in range(2):  # worked out, then kept
        assert url("programme_findings", 7) == reverse("programme_findings", args=[7])
        assert url("programme_findings", pk=8) == reverse("programme_findings", kwargs={"pk": 8})
        assert url("home") == reverse("home")
    assert url("programme_findings", 7) != url("programme_findings", 8)


def test_a_new_script_prefix_is_a_new_address():
    before = url("programme_findings", 7)
    set_script_prefix("/pathfinder/")
    try:
        assert url("programme_findings", 7) == "/pathfinder" + before
    finally:
        set_script_prefix("/")
    assert url("programme_findings", 7) == before


def test_a_wrong_address_is_still_an_error():
    with pytest.raises(NoReverseMatch):
        url("programme_findings")
    with pytest.raises(NoReverseMatch):
        url("no_such_page", 1)


def test_an_unhashable_argument_is_worked_out_each_time():
    assert url("programme_findings", pk="7") == reverse("programme_findings", args=["7"])
    with pytest.raises(NoReverseMatch):
        url("programme_findings", [7])
