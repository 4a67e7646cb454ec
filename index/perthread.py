"""One resource per live thread, closed when its thread ends.

SQLite connections and Whoosh searchers must not be shared between threads, so each thread gets
its own. The TUI starts a new thread for every worker (every search), so "one per thread, closed
at exit" would pile up open connections and file handles over a session: here a resource whose
thread has ended is closed the next time any thread asks for one.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerThread(Generic[T]):
    def __init__(self, make: Callable[[], T], close: Callable[[T], None]) -> None:
        self._make = make
        self._close = close
        self._lock = threading.Lock()
        self._items: dict[int, tuple[weakref.ref[threading.Thread], T]] = {}

    def get(self) -> T:
        thread = threading.current_thread()
        with self._lock:
            self._reap()
            entry = self._items.get(id(thread))
            if entry is not None and entry[0]() is thread:
                return entry[1]
        item = self._make()
        with self._lock:
            self._items[id(thread)] = (weakref.ref(thread), item)
        return item

    def set(self, item: T) -> None:
        """Replace this thread's resource (the caller closed the old one)."""
        thread = threading.current_thread()
        with self._lock:
            self._items[id(thread)] = (weakref.ref(thread), item)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def _reap(self) -> None:
        for key, (ref, item) in list(self._items.items()):
            thread = ref()
            if thread is None or not thread.is_alive():
                del self._items[key]
                self._close(item)

    def close_all(self) -> None:
        with self._lock:
            items = [item for _, item in self._items.values()]
            self._items.clear()
        for item in items:
            self._close(item)
