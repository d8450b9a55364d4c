"""`extractor report`: one self-contained static HTML page that shows a run's corpus at a glance.

The page has no scripts and loads nothing: its charts are SVG drawn by matplotlib and inlined, its
style is inline, and its only links are to the articles themselves (their files, relative to the
page, or their own web address when the articles table has a `url` column) and to anchors within.
"""
from __future__ import annotations

from pathlib import Path

from .data import ReportError, load_tables

__all__ = ["build_report", "render_report", "ReportError"]

TEMPLATE = ("report", "report.html.j2")


def render_report(out: Path, dest: Path) -> str:
    """The report page for the run folder OUT, with links relative to DEST's folder.
    Raises ReportError when OUT holds no run's tables."""
    import jinja2
    from markupsafe import Markup

    from ..resources import models_path
    from . import charts, data

    out, dest = Path(out), Path(dest)
    tables = load_tables(out)
    sources = data.load_sources(tables["articles"], out, dest.resolve().parent, tables["sentences"])
    line = data.timeline(tables["dates"], tables["articles"])
    points = data.place_points(tables["places"], sources)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(models_path(TEMPLATE[0])),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.get_template(TEMPLATE[1]).render(
        out=out,
        summary=data.summary(tables),
        timeline=line,
        busiest=line.busiest(sources),
        timeline_svg=Markup(charts.timeline_svg(line.mentioned, line.published)),
        places=points,
        map_svg=Markup(charts.map_svg(points)),
        map_points=charts.MAP_POINTS,
        unplaced=int(tables["places"]["latitude"].isna().sum()),
        people=data.top_people(tables["people"], tables["officials"], sources),
        organizations=data.top_organizations(tables["organizations"], sources),
        quoted=data.most_quoted(tables["quotes"], tables["people"], tables["officials"], sources),
        figures=data.largest_figures(tables["figures"], sources),
        failed=data.failed_articles(tables["articles"], sources),
    )


def build_report(out: Path, dest: Path | None = None) -> Path:
    """Write the report for the run folder OUT to DEST (default OUT/report.html); return DEST."""
    dest = Path(dest) if dest is not None else Path(out) / "report.html"
    html = render_report(out, dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(dest)
    return dest
