"""The fuzz tests' "nothing stored" check must itself notice a change: a new
row, an edited field, a deleted row."""

from pathfinder.programmes.models import Programme
from tests.fuzz import snapshot


def test_it_notices_an_edit_a_new_row_and_a_deletion(world):
    before = snapshot.take()
    assert snapshot.changed(before, snapshot.take()) == []

    Programme.objects.filter(pk=world.programme.pk).update(name="Renamed")
    edited = snapshot.take()
    assert snapshot.changed(before, edited) == [Programme._meta.db_table]

    world.other_programme.delete()
    assert Programme._meta.db_table in snapshot.changed(edited, snapshot.take())
