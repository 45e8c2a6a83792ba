"""Long work (extraction) off the event loop, bounded in number and time.

Each job runs in its own daemon thread: the event loop keeps answering
other requests meanwhile, and a daemon thread never keeps the process
alive, so SIGTERM stops the server within its graceful timeout even while
an extraction runs (a pool's non-daemon threads would be joined at exit).
At most ``workers`` jobs run and ``queue`` wait; beyond that, and past
``timeout`` seconds, the caller gets ``WorkerBusy`` (the API answers 503
with Retry-After).  A job that timed out keeps its slot until it finishes,
so abandoned work cannot pile up.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Callable, TypeVar

__all__ = ["BoundedWorker", "WorkerBusy"]

T = TypeVar("T")


class WorkerBusy(Exception):
    """The job was refused (too many waiting) or did not finish in time."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class BoundedWorker:
    """Runs blocking callables in daemon threads, ``workers`` at a time."""

    def __init__(self, workers: int = 1, queue: int = 16, timeout: float = 120.0) -> None:
        self.workers = workers
        self.queue = queue
        self.timeout = timeout
        self._slots: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting = 0

    async def run(self, job: Callable[[], T]) -> T:
        """``job()``'s result, computed in a daemon thread; WorkerBusy when
        the queue is full or ``timeout`` passes (waiting included)."""
        loop = asyncio.get_running_loop()
        if self._slots is None or self._loop is not loop:
            # One loop per server; a test client may run each request in its own.
            self._slots, self._loop, self._waiting = asyncio.Semaphore(self.workers), loop, 0
        slots = self._slots
        if self._waiting >= self.queue:
            raise WorkerBusy(f"{self._waiting} jobs are already waiting; retry later", retry_after=5)
        self._waiting += 1
        deadline = loop.time() + self.timeout
        try:
            await asyncio.wait_for(slots.acquire(), timeout=self.timeout)
        except asyncio.TimeoutError:
            raise WorkerBusy(f"no worker became free within {self.timeout:g} s", retry_after=30) from None
        finally:
            self._waiting -= 1
        future: asyncio.Future[T] = loop.create_future()

        def target() -> None:
            result: object = None
            error: BaseException | None = None
            try:
                result = job()
            except BaseException as exc:  # handed to the awaiting request
                error = exc
            try:
                loop.call_soon_threadsafe(_finish, future, slots, result, error)
            except RuntimeError:  # the loop is closed: the server is shutting down
                pass

        try:
            threading.Thread(target=target, name="chipgraph-worker", daemon=True).start()
        except BaseException:
            slots.release()
            raise
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout=max(0.0, deadline - loop.time()))
        except asyncio.TimeoutError:
            future.add_done_callback(lambda f: f.cancelled() or f.exception())  # outcome seen, never logged
            raise WorkerBusy(
                f"the work did not finish within {self.timeout:g} s; it goes on, and posting "
                "the same document again later tells whether it was stored",
                retry_after=60,
            ) from None


def _finish(future: asyncio.Future, slots: asyncio.Semaphore, result: object, exc: BaseException | None) -> None:
    """Free the slot and hand over the outcome (dropped if the caller gave up)."""
    slots.release()
    if future.done():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)
