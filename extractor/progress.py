"""Progress for a run: a rich bar on a terminal (articles, words/s, ETA), plain log lines otherwise,
nothing with --quiet."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

LOG_EVERY = 30.0  # seconds between plain progress lines when not on a terminal


def eta_text(seconds: float | None) -> str:
    if seconds is None:
        return "ETA -"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"ETA {h}:{rest // 60:02d}:{rest % 60:02d}"


def plain_line(summary) -> str:
    total = f"/{summary.total}" if summary.total is not None else ""
    return (f"progress: {summary.articles}{total} articles, {summary.words_per_second:,.0f} words/s, "
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
    # The total is counted on the side while the run starts (inputs are read lazily): until it is
    # known the bar pulses; then it fills and the ETA appears.
    with Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                  TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[eta]}"), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("run", total=None, rate="", eta="")

        def update(summary) -> None:
            bar.update(task, completed=summary.articles, total=summary.total,
                       rate=f"{summary.words_per_second:,.0f} words/s", eta=eta_text(summary.eta_seconds))

        yield update
