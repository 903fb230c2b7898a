"""The national view settings' box on the programme dashboard (for the lead)."""

from pathfinder.programmes.registry import Panel, register_panel


def _panel(programme, request) -> dict:
    from pathfinder.core.permissions import can
    from pathfinder.core.roles import Perm

    return {"may_manage": can(request.user, Perm.MANAGE_PROGRAMME, programme.service)}


register_panel(Panel(key="national", title="National view", template="national/panel.html", context=_panel, order=96))


def _register_demo() -> None:
    from pathfinder.core import demo as core_demo
    from pathfinder.national import demo

    core_demo.register(demo.load)


_register_demo()
