"""core/lru.py: the most recently used copies, the least recently used dropped first."""

from threading import Thread

from pathfinder.core.lru import Recent


def test_it_drops_the_least_recently_used():
    recent = Recent(limit=2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # now the most recently used
    recent.put("c", 3)
    assert list(recent) == ["a", "c"]
    assert recent.get("b") is None
    recent.put("a", 4)  # a new copy under a kept key replaces it
    assert recent.values() == [3, 4]
    recent.clear()
    assert len(recent) == 0


def test_it_keeps_its_limit_with_many_writers():
    recent = Recent(limit=50)

    def write(start):
        for number in range(start, start + 500):
            recent.put(number, number)
            recent.get(number - 1)

    threads = [Thread(target=write, args=(start,)) for start in range(0, 4000, 500)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(recent) == 50
    assert all(recent.get(key) == key for key in list(recent))
