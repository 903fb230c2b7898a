"""The service navigation bar, assembled from items that apps register.

Each item names the permission it needs, so people only see links they can
use. Items get the service and (if there is one) its current programme.
"""

from collections.abc import Callable
from dataclasses import dataclass

from pathfinder.core.permissions import can


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    # (service, programme or None) -> URL, or None when the item does not apply yet.
    href: Callable
    perm: str
    order: int = 100


_items: dict[str, NavItem] = {}


def register_nav(item: NavItem) -> None:
    _items[item.key] = item


def service_nav(request, service, programme=None, current: str = "") -> list[dict]:
    links = []
    for item in sorted(_items.values(), key=lambda item: item.order):
        if not can(request.user, item.perm, service):
            continue
        href = item.href(service, programme)
        if href:
            links.append({"text": item.label, "href": href, "current": item.key == current})
    return links
