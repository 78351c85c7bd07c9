"""Failed logins, counted per client address: past five a minute, the next attempt is refused.

One machine counts them in its process; the servers on one database count them there, together."""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

MAX_FAILURES = 5
PERIOD = 60.0


class FailedLogins:
    """A sliding window of failed login times per address (in this process)."""

    def __init__(self, limit: int = MAX_FAILURES, period: float = PERIOD, clock=time.monotonic):
        self.limit, self.period, self.clock = limit, period, clock
        self._times: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, address: str) -> deque:
        times, cutoff = self._times[address], self.clock() - self.period
        while times and times[0] <= cutoff:
            times.popleft()
        return times

    def blocked_for(self, address: str) -> float:
        """Seconds until `address` may try again; 0 when it may now."""
        with self._lock:
            times = self._recent(address)
            if len(times) < self.limit:
                return 0.0
            return max(0.0, times[0] + self.period - self.clock())

    def fail(self, address: str) -> None:
        with self._lock:
            self._recent(address).append(self.clock())

    def clear(self, address: str) -> None:
        with self._lock:
            self._times.pop(address, None)


class SharedFailedLogins:
    """The same window, kept in the accounts database: every server on it counts every failure."""

    def __init__(self, store, limit: int = MAX_FAILURES, period: float = PERIOD):
        self.store, self.limit, self.period = store, limit, period

    def blocked_for(self, address: str) -> float:
        """Seconds until `address` may try again; 0 when it may now."""
        return self.store.failed_login_wait(address, self.limit, self.period)

    def fail(self, address: str) -> None:
        self.store.fail_login(address, self.period)

    def clear(self, address: str) -> None:
        self.store.clear_failed_logins(address)
