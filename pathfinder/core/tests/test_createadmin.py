import pytest
from django.core.management import CommandError, call_command

from pathfinder.accounts.models import User


def test_it_creates_a_site_administrator(db, monkeypatch):
    monkeypatch.setenv("PATHFINDER_ADMIN_PASSWORD", "lighthouse keeper tea")
    call_command("pathfinder", "createadmin", "--email", "root@example.org", "--name", "Root Admin")
    admin = User.objects.get(email="root@example.org")
    assert admin.is_site_admin and admin.check_password("lighthouse keeper tea")


def test_it_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("PATHFINDER_ADMIN_PASSWORD", "short")
    with pytest.raises(CommandError, match="cannot be used"):
        call_command("pathfinder", "createadmin", "--email", "root@example.org", "--name", "Root Admin")
    assert not User.objects.exists()
