"""A finding keeps every principle it was tagged with (Trust and Choice stay
both), lists them, and can be found by any one of them."""

import pytest

from pathfinder.programmes import services
from pathfinder.programmes.models import Finding
from pathfinder.testing.factories import FindingFactory


def test_it_keeps_every_principle_in_the_methods_order(world):
    finding = services.add_finding(
        programme=world.programme,
        theme="culture",
        kind="barrier",
        text="x",
        by=world.lead,
        principles=["choice", "trust", "choice"],
    )
    assert Finding.objects.get(pk=finding.pk).principles == ["trust", "choice"]


def test_it_refuses_a_principle_that_is_not_one_of_the_five(world):
    with pytest.raises(ValueError):
        services.add_finding(
            programme=world.programme, theme="culture", kind="barrier", text="x", by=world.lead, principles=["hope"]
        )


def test_the_list_shows_every_principle(world, as_user):
    FindingFactory(programme=world.programme, principles=["trust", "choice"], text="Letters feel cold.")
    text = as_user(world.lead).get(f"/programmes/{world.programme.pk}/findings/").page.text()
    assert "Trust, Choice" in text


def test_any_one_principle_finds_it(world):
    both = FindingFactory(programme=world.programme, principles=["trust", "choice"])
    FindingFactory(programme=world.programme, principles=["collaboration"])
    mine = Finding.objects.filter(programme=world.programme)
    assert list(mine.with_principle("choice")) == [both]
    assert list(mine.with_principle("trust")) == [both]
    assert not mine.with_principle("safety").exists()
    assert not mine.with_principle('"').exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_one_principle_old_findings_had():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("programmes", "0001_initial")], [("programmes", "0002_finding_principles_version")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    service = old.get_model("core", "Service").objects.first() or _old_service(old)
    programme = old.get_model("programmes", "Programme").objects.create(service=service)
    finding = old.get_model("programmes", "Finding").objects.create(
        programme=programme, theme="culture", kind="barrier", text="x", principle="trust"
    )
    untagged = old.get_model("programmes", "Finding").objects.create(
        programme=programme, theme="culture", kind="barrier", text="y", principle=""
    )
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(after)
        assert Finding.objects.get(pk=finding.pk).principles == ["trust"]
        assert Finding.objects.get(pk=untagged.pk).principles == []
    finally:
        # Going back to programmes 0001 took every app that depends on it back too:
        # bring the whole schema forward again, or later tests in this process find tables missing.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _old_service(apps):
    organisation = apps.get_model("core", "Organisation").objects.create(name="Old board", slug="old-board")
    return apps.get_model("core", "Service").objects.create(organisation=organisation, name="Old", slug="old")
