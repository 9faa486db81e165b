"""Background work in daemon threads, so quitting the app never waits for a reminder round or a plan to finish."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor


class DaemonThreadExecutor(ThreadPoolExecutor):
    """Runs each call in a daemon thread of its own; shutting down waits for none of them.

    The app's thread workers, the reminder rounds and the palette's reading all run in the event loop's default
    executor, which the loop and the interpreter otherwise join on exit: `q` then waited seconds for a slow round.
    Cutting a round off is safe: each claim and each mark of a delivery is one SQLite transaction, which a stopped
    process rolls back, and a claim never marked delivered lapses after its lease, so a later round delivers it.
    """

    def submit(self, fn, /, *args, **kwargs) -> Future:
        """Start `fn` in a new daemon thread; the future holds its result or its error."""
        future: Future = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # handed on to whoever awaits the future, as a pool would
                future.set_exception(exc)
            else:
                future.set_result(result)

        threading.Thread(target=run, name="ritual-background", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to wait for: the threads end with the process."""


def use_daemon_threads() -> None:
    """Make the running event loop's default executor one whose threads never hold up quitting."""
    asyncio.get_running_loop().set_default_executor(DaemonThreadExecutor())
