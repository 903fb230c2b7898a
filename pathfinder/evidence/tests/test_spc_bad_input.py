"""Values that are not numbers are refused with a clear message."""

import pytest

from pathfinder.evidence import spc


@pytest.mark.parametrize("bad", [None, "12", float("nan"), float("inf"), True])
def test_it_refuses_a_value_that_is_not_a_finite_number(bad):
    with pytest.raises(ValueError, match="must be a"):
        spc.xmr([*[1] * 13, bad])


def test_it_refuses_an_unknown_direction():
    with pytest.raises(ValueError):
        spc.xmr([1] * 13, direction="up")
