"""Progress for a run: a rich bar on a terminal (articles, words/s, ETA), plain log lines otherwise,
nothing with --quiet."""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

LOG_EVERY = 30.0  # seconds between plain progress lines when not on a terminal


class InputPosition:
    """How far a run is through its inputs, in bytes of the input files, without reading any of
    them twice: the files are listed once, names and sizes (a stat each), on a side thread while the
    run reads them. Inputs are read in that order, so when an article of file F is written every
    file before F is done, and F is done up to the characters of its articles written so far (for
    a text file that is all of it; for a JSON lines file, an estimate that ignores the JSON around
    the texts). A resumed run starts where its first article's file starts."""

    def __init__(self) -> None:
        self.total: int | None = None           # bytes of all input files, once listed
        self._before: dict[str, int] = {}       # bytes of the files before each file
        self._size: dict[str, int] = {}
        self._source: str | None = None         # the file of the last article written
        self._chars = 0                         # its articles' characters written so far
        self._first: str | None = None          # the file of the first article written

    def list_inputs(self, inputs: Iterable[str | Path]) -> None:
        """Sizes of the input files, in reading order (the run's own listing, io.readers.input_files)."""
        from .io.readers import input_files

        before, size, total = {}, {}, 0
        for path, _ in input_files(inputs):
            try:
                n = path.stat().st_size
            except OSError:  # gone or unreadable: the reader reports it; it weighs nothing here
                n = 0
            before[str(path)], size[str(path)] = total, n
            total += n
        self._before, self._size = before, size
        self.total = total  # set last: done() reads the dicts only once total is known

    def list_on_the_side(self, inputs: Iterable[str | Path]) -> None:
        def listing() -> None:
            try:
                self.list_inputs(inputs)
            except Exception:  # noqa: BLE001 - an estimate for the progress bar, never worth a failure
                pass

        threading.Thread(target=listing, daemon=True).start()

    def advance(self, source: str, chars: int) -> None:
        """An article of SOURCE, CHARS characters long, has been written."""
        if source != self._source:
            self._source, self._chars = source, 0
            self._first = self._first or source
        self._chars += chars

    def started_at(self) -> int:
        """Bytes of the files before the first one this invocation wrote an article of: 0 for a
        fresh run, about where the earlier run stopped for a resumed one."""
        return self._before.get(self._first, 0) if self._first is not None else 0

    def done(self) -> int | None:
        """Bytes of the inputs done so far; None until the files are listed."""
        if self.total is None:
            return None
        if self._source is None:
            return 0
        return self._before.get(self._source, 0) + min(self._size.get(self._source, 0), self._chars)


def eta_text(seconds: float | None) -> str:
    if seconds is None:
        return "ETA -"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"ETA {h}:{rest // 60:02d}:{rest % 60:02d}"


def plain_line(summary) -> str:
    total = f"/{summary.total}" if summary.total is not None else ""
    share = f" ({summary.fraction:.0%} of the input)" if summary.fraction is not None else ""
    return (f"progress: {summary.articles}{total} articles{share}, {summary.words_per_second:,.0f} words/s, "
            f"{eta_text(summary.eta_seconds)}")


@contextmanager
def reporter(quiet: bool = False, console: Console | None = None) -> Iterator[Callable | None]:
    """A callback for batch.run's `progress`, fitted to where stderr goes."""
    if quiet:
        yield None
        return
    console = console or Console(stderr=True)
    if not console.is_terminal:
        last = [time.monotonic()]

        def log_line(summary) -> None:
            if time.monotonic() - last[0] >= LOG_EVERY:
                last[0] = time.monotonic()
                print(plain_line(summary), file=sys.stderr, flush=True)

        yield log_line
        return
    # The bar fills with the share of the input done (bytes of the input files, listed on the side
    # while the run starts; articles out of --limit when given): until it is known the bar pulses.
    with Progress(TextColumn("[bold]extracting"), BarColumn(), TaskProgressColumn(),
                  TextColumn("{task.fields[articles]} articles"), TextColumn("{task.fields[rate]}"),
                  TextColumn("{task.fields[eta]}"), TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("run", total=None, articles=0, rate="", eta="")

        def update(summary) -> None:
            share = summary.fraction
            bar.update(task, completed=None if share is None else 1000 * share, total=None if share is None else 1000,
                       articles=f"{summary.articles:,}", rate=f"{summary.words_per_second:,.0f} words/s",
                       eta=eta_text(summary.eta_seconds))

        yield update
