"""No section's words reach the logs, whatever happens on the way."""

import logging

from django.urls import reverse


def test_saving_and_reading_log_no_words(shared, as_user, caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("pathfinder.request").setLevel(logging.DEBUG)
    try:
        row = shared.profile.sections.get(key="anything_else")
        as_user(shared.person).post(
            reverse("thisisme_section", args=["anything_else"]),
            {"text": "My dog is called Biscuit.", "version": row.version},
        )
        as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    finally:
        logging.getLogger("pathfinder.request").setLevel(logging.WARNING)
    assert caplog.records  # the request lines were captured
    logged = "\n".join(record.getMessage() + str(record.__dict__) for record in caplog.records)
    for words in ("Biscuit", "Call me Robin", "Sitting near the door"):
        assert words not in logged
