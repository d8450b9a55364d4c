"""Progress for a run: a rich bar on a terminal, plain log lines otherwise, nothing with --quiet."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

LOG_EVERY = 30.0  # seconds between plain progress lines when not on a terminal


@contextmanager
def reporter(quiet: bool = False) -> Iterator[Callable | None]:
    """A callback for batch.run's `progress`, fitted to where stderr goes."""
    if quiet:
        yield None
        return
    console = Console(stderr=True)
    if not console.is_terminal:
        last = [time.monotonic()]

        def log_line(summary) -> None:
            if time.monotonic() - last[0] >= LOG_EVERY:
                last[0] = time.monotonic()
                print(f"progress: {summary.articles} articles, {summary.words_per_second:,.0f} words/s",
                      file=sys.stderr, flush=True)

        yield log_line
        return
    # The total is unknown up front (inputs are read lazily), so the bar counts and shows the rate.
    with Progress(TextColumn("[bold]extracting"), BarColumn(), TextColumn("{task.completed} articles"),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console,
                  transient=True) as bar:
        task = bar.add_task("run", total=None, rate="")

        def update(summary) -> None:
            bar.update(task, completed=summary.articles, rate=f"{summary.words_per_second:,.0f} words/s")

        yield update
