"""How 'This is me' plugs in: a dashboard panel (links only, no names) and demo data."""

from pathfinder.core import demo
from pathfinder.programmes.registry import Panel, register_panel


def _panel(programme, request) -> dict:
    from pathfinder.thisisme import access, reading

    return {
        "service": programme.service,
        "is_key_worker": access.is_key_worker(request.user, programme.service),
        "shared_count": reading.shared_count(request.user),
    }


register_panel(Panel(key="thisisme", title="This is me", template="thisisme/panel.html", context=_panel, order=90))

DEMO_PERSON = "Jo"
DEMO_USERNAME = "jo.demo"
DEMO_PASSPHRASE = "kettle harbour green morning"


def _demo(context) -> None:
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from pathfinder.thisisme import grants, people
    from pathfinder.thisisme.models import PersonProfile

    if PersonProfile.objects.filter(username=DEMO_USERNAME).exists():
        return
    service = context["service"]
    worker = context["people"]["staff@lochmore.example"]
    profile, _ = people.create_person(service=service, name=DEMO_PERSON, key_worker=worker, by=worker)
    profile.username, profile.passphrase = DEMO_USERNAME, make_password(DEMO_PASSPHRASE)
    profile.setup_code_hash, profile.setup_code_expires_at = "", None
    profile.save()
    people.save_section(profile, "how_to_speak", "Call me Jo. Please text before you phone.", 1)
    people.save_section(profile, "what_helps", "Sitting near the door, and knowing what will happen next.", 1)
    grants.grant(
        profile,
        grantee="partner",
        sections=["how_to_speak", "what_helps"],
        purpose="care",
        ends_on=timezone.localdate() + timezone.timedelta(days=30),
        user_id=context["people"]["partner@lochmore.example"].pk,
    )


demo.register(_demo)
