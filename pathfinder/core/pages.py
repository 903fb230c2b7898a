"""Context every service page needs: the service and its navigation."""

from pathfinder.core.navigation import service_nav


def service_context(request, service, *, programme=None, current: str = "", **context) -> dict:
    return {
        "service": service,
        "programme": programme,
        "nav_items": service_nav(request, service, programme, current),
        **context,
    }
