"""One line of timings: the minimum, median and maximum of a list of milliseconds."""
from __future__ import annotations

import statistics


def spread_line(name: str, values: list[float], width: int = 36) -> str:
    """`name`, then the min, median and max of `values` (milliseconds), aligned for a column of lines."""
    return (f"{name:<{width}} min {min(values):7.1f} ms   median {statistics.median(values):7.1f} ms   "
            f"max {max(values):7.1f} ms")
