"""A small thread-safe store of the most recently used copies, for markup a
process renders once and keeps (core/field_markup.py, surveys/rendering.py).
When it holds more than its limit, the least recently used go first."""

from collections import OrderedDict
from threading import Lock


class Recent:
    def __init__(self, limit: int):
        self.limit = limit
        self._items: OrderedDict = OrderedDict()
        self._lock = Lock()

    def get(self, key):
        """The kept copy (now the most recently used), or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __iter__(self):
        """The keys, least recently used first (a copy: safe while others write)."""
        with self._lock:
            return iter(list(self._items))

    def values(self) -> list:
        with self._lock:
            return list(self._items.values())

    def __len__(self) -> int:
        return len(self._items)
