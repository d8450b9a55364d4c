"""The command line: a few lines a command over the library (run, report, eval, info)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .errors import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Extract dates, places, people, officials, figures and organizations from news articles.")
err = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt .md .jsonl .json .csv .html .rtf .docx .warc .warc.gz; Nexis and Factiva exports).", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the tables.")] = Path("out"),
    format: Annotated[str, typer.Option("--format", "-f", help="csv, parquet or jsonl.")] = "csv",
    workers: Annotated[int, typer.Option(help="Worker processes (or Dask workers of a local cluster); 0 = all cores.")] = 1,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path (default: best installed).")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs that carry none.")] = None,
    resume: Annotated[bool, typer.Option(help="Continue an interrupted (or finished) run in OUT: keep the articles done, do the rest.")] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace the tables of an earlier run in OUT.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="Stop after N articles.")] = None,
    excel: Annotated[bool, typer.Option(help="CSV for spreadsheets: UTF-8 BOM, formula-like cells neutralised.")] = False,
    max_chars: Annotated[int, typer.Option(help="Skip articles longer than this many characters (longer than 20,000 are annotated in pieces).")] = 5_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask (needs pip install 'extractor\\[dask]').")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles a worker annotates at once (and one committed chunk); a batch also ends at about 60,000 characters.")] = 256,
    text: Annotated[bool, typer.Option("--text", help="Add the article text (the one the offsets index) to the articles table.")] = False,
    dedupe: Annotated[str, typer.Option(help="Near-duplicates: mark (fill duplicate_of), skip (mark and do not extract them) or off.")] = "mark",
) -> None:
    """Extract every article under INPUTS into tables in OUT.

    Example: [bold]extractor run corpus/ -o out/ --format parquet --workers 2[/bold]
    (on a Dask cluster: [bold]--engine dask --scheduler tcp://HOST:8786[/bold])
    """
    from .batch import run as run_batch
    from .progress import reporter

    try:
        with reporter(quiet) as progress:
            summary = run_batch(inputs, out, fmt=format, workers=workers, model=model, published=published,
                                resume=resume, overwrite=overwrite, limit=limit, excel=excel,
                                max_chars=max_chars, progress=progress, engine=engine,
                                scheduler=scheduler, batch_size=batch_size, text=text, dedupe=dedupe)
    except InputError as e:
        fail(str(e))
    except KeyboardInterrupt:
        err.print(f"[yellow]interrupted:[/yellow] the finished batches are kept in {out}; "
                  f"run the same command with --resume to continue")
        raise typer.Exit(130)
    if not quiet:
        err.print(summary.line())
        for e in summary.errors[:10]:
            err.print(f"[yellow]  {e}[/yellow]")
    raise typer.Exit(1 if summary.status.get("error") else 0)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: {id, text, dct, spans: [...]} (SPEC.md).", show_default=False)],
    tables: Annotated[Optional[Path], typer.Option(help="Tables of an earlier run over the gold texts (default: run now).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path.")] = None,
) -> None:
    """Score extraction against an annotated sample: P/R/F (exact and overlap) per kind.

    Example: [bold]extractor eval gold.jsonl[/bold]
    """
    from .evaluate import evaluate_file, render

    if not gold.is_file():
        fail(f"gold file not found: {gold}")
    try:
        report = evaluate_file(gold, tables=tables, model=model)
    except (InputError, ValueError) as e:
        fail(str(e))
    Console(highlight=False).print(render(report))


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="Folder with the tables of a run.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="The HTML file (default: OUT/report.html).")] = None,
) -> None:
    """Write one self-contained HTML page that shows the corpus of a run: summary, timeline, map of
    places, people, figures, errors; every entry links to its article and character offsets.

    Example: [bold]extractor report out/ -o out/report.html[/bold]
    """
    from .report import ReportError, build_report

    if not out.is_dir():
        fail(f"not a folder: {out}")
    try:
        dest = build_report(out, output)
    except ReportError as e:
        fail(str(e))
    err.print(f"report: {dest}")


@app.command()
def info() -> None:
    """Versions, the spaCy pipeline in use and its components, where the rule data lives.

    Example: [bold]extractor info[/bold]
    """
    from .info import describe

    Console(highlight=False).print(describe())


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app(prog_name="extractor")


if __name__ == "__main__":
    main()
