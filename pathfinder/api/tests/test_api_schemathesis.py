"""schemathesis against the live schema: every documented operation, with
generated parameters, valid and not (and a real programme id half the time), answers only
documented statuses with bodies that match the schema, and never a 5xx."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection

from pathfinder.api import services
from pathfinder.planning.tests.conftest import make_action
from pathfinder.programmes.services import add_finding


def _operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    return [result.ok() for result in schema.get_all_operations()]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: a request must not close the database
    connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def secret(world):
    add_finding(programme=world.programme, theme="culture", kind="idea", text="Ask people first.", by=world.lead)
    make_action(world)
    return services.new_token(world.lead, name="schemathesis", days=30)[1]


def test_the_api_keeps_to_its_schema(world, secret):
    operations = _operations()
    assert len(operations) == 7
    # Identity: the WSGI transport hands schemathesis the body as sent, and pages are compressed when asked.
    headers = {"Authorization": f"Bearer {secret}", "Accept-Encoding": "identity"}
    statuses = set()
    for operation in operations:
        cases = st.one_of(operation.as_strategy(mode) for mode in GenerationMode)

        @given(case=cases, real=st.booleans())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case, real):
            if real and "pk" in (case.path_parameters or {}):
                case.path_parameters["pk"] = world.programme.pk
            # Our Authorization header turns schemathesis' "header missing"
            # negatives into valid requests, so that one check cannot apply;
            # unknown parameters are refused (test_api_tokens checks it).
            response = case.call_and_validate(headers=headers, excluded_checks=[negative_data_rejection])
            statuses.add(response.status_code)
            assert response.status_code < 500

        check()
    assert {200, 404, 422} <= statuses
