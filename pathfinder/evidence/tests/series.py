"""Hand-worked series for the SPC tests.

BASE alternates 12 and 10 for 14 points, ending on 10 (below the mean):
mean 11; every moving range 2, so the mean moving range is 2;
process limits 11 ± 2.66 x 2 = 5.68 and 16.32;
2 sigma lines 11 ± (2/3) x 2.66 x 2 = 11 ± 3.5466... = 7.4533... and 14.5466...
With baseline=14 these limits stay fixed whatever points follow.
"""

from fractions import Fraction

from pathfinder.evidence import spc

BASE = [12, 10] * 7
UPPER, LOWER = Fraction(1632, 100), Fraction(568, 100)
UPPER_NEAR = 11 + Fraction(2, 3) * Fraction(266, 100) * 2
LOWER_NEAR = 11 - Fraction(2, 3) * Fraction(266, 100) * 2


def chart(after, **options):
    """The chart of BASE then `after`, limits fixed by BASE."""
    return spc.xmr([*BASE, *after], baseline=len(BASE), **options)


def flagged(chart, signal):
    """{index: side} of the points flagged by one signal."""
    return {point.index: getattr(point, signal) for point in chart.points if getattr(point, signal)}
