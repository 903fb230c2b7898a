"""The shared confirmation page: GET asks, a POST carrying the confirmation
does it, and a POST without it is asked again, keeping what it carried."""

from django.test import RequestFactory

from pathfinder.core import confirm

QUESTION = confirm.Confirmation(
    title="Close the thing?",
    happens=["Nobody can change it any more."],
    cannot_undo="It cannot be opened again.",
    button="Close the thing",
    back_href="/things/1/",
    carry={"version": 3},
)


def test_it_only_counts_a_post_with_the_confirmation():
    factory = RequestFactory()
    assert not confirm.confirmed(factory.get("/things/1/close/", {"confirmed": "yes"}))
    assert not confirm.confirmed(factory.post("/things/1/close/", {"version": "3"}))
    assert confirm.confirmed(factory.post("/things/1/close/", {"version": "3", "confirmed": "yes"}))


def test_the_page_says_what_will_happen_and_keeps_a_refused_post_s_version(world):
    request = RequestFactory().post("/things/1/close/", {"version": "2"})
    request.user = world.lead
    html = confirm.page(request, QUESTION).content.decode()
    assert "What will happen" in html and "Nobody can change it any more." in html
    assert "What cannot be undone" in html and "It cannot be opened again." in html
    assert "Nothing has been changed yet" in html
    assert 'name="version" value="2"' in html and 'name="confirmed" value="yes"' in html
    assert 'action="/things/1/close/"' in html
