"""Published national figures a training needs analysis can be compared with.

Sources (FACTS.md):
- NTTP workforce survey 2021, Improvement Service for the Scottish Government:
  gov.scot/publications/national-trauma-training-programme-workforce-survey-2021
- NTTP workforce survey 2024:
  gov.scot/publications/national-trauma-transformation-programme-workforce-survey-2024
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Benchmark:
    item: str  # the TNA item it compares with
    label: str
    year: int
    percent: float
    what: str  # what the national percentage counts


CONFIDENT = "very or extremely confident"
BENCHMARKS = [
    Benchmark("confidence.trauma_concept", "Understanding what trauma is", 2021, 43.5, CONFIDENT),
    Benchmark("confidence.trauma_impact", "How trauma can affect people", 2021, 46.0, CONFIDENT),
    Benchmark("confidence.trauma_impact", "How trauma can affect people", 2024, 54.0, CONFIDENT),
    Benchmark("confidence.applying", "Applying the principles day to day", 2024, 39.0, CONFIDENT),
]
TRAINING_DONE_2021 = Benchmark(
    "about.training_done", "Has done any national trauma training", 2021, 22.0, "any NTTP training"
)
