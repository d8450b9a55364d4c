"""The report's charts, drawn by matplotlib as SVG text to inline in the page (no scripts, no fonts,
no network: the browser draws the text in its own sans-serif)."""
from __future__ import annotations

import io
import math
import re
from html import escape
from typing import Any

import pandas as pd

from .world import land

INK, MUTED, GRID = "#1f2933", "#616e7c", "#e4e7eb"
MENTIONED, PUBLISHED = "#2f6db5", "#d9822b"
KIND_COLOURS = {"country": "#2f6db5", "city": "#d64545", "admin": "#2a9d8f", "region": "#8e5ea2", "other": "#7b8794"}
# The map's frame: Antarctica and the far Arctic hold few news places and would take a third of it.
LAT_MIN, LAT_MAX = -58.0, 84.0
# The most points drawn (most mentioned first): beyond, the SVG grows by ~0.7 KB a point for little.
MAP_POINTS = 2000


STYLE = {
    "svg.fonttype": "none", "svg.hashsalt": "extractor-report", "font.family": "sans-serif",
    "font.size": 9, "text.color": INK, "axes.labelcolor": MUTED, "axes.edgecolor": GRID,
    "xtick.color": MUTED, "ytick.color": MUTED, "axes.spines.top": False, "axes.spines.right": False,
}


def _figure(**kwargs: Any):
    """A matplotlib Figure outside pyplot: no backend switched, no global state for a notebook
    that also plots (rcParams are applied with rc_context around drawing and saving)."""
    from matplotlib.figure import Figure

    return Figure(**kwargs)


def to_svg(fig: Any, titles: dict[str, str] | None = None) -> str:
    """The figure as an <svg> element for inline HTML, scaling with its container; TITLES adds a
    hover tooltip to each link (by its target)."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.05, transparent=True,
                    metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    # Size from the viewBox, width from the page.
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r'<svg \1class="chart" preserveAspectRatio="xMidYMid meet"',
                 svg, count=1)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    # matplotlib opens every link in a new tab; an anchor within the page should just scroll.
    titles = titles or {}
    return re.sub(r'<a xlink:href="(#[^"]*)"(?: target="_blank")?>',
                  lambda m: f'<a xlink:href="{m.group(1)}">'
                            + (f"<title>{escape(titles[m.group(1)])}</title>" if m.group(1) in titles else ""),
                  svg)


def _ticks(months: list[str], most: int = 14) -> list[int]:
    """Indexes of January months (or every Nth month when the span is short) for the x axis."""
    january = [i for i, m in enumerate(months) if m.endswith("-01")]
    if len(january) >= 3:
        step = math.ceil(len(january) / most)
        return january[::step]
    step = max(1, math.ceil(len(months) / most))
    return list(range(0, len(months), step))


def timeline_svg(mentioned: pd.Series, published: pd.Series) -> str:
    """Two bar rows on one monthly axis: dates mentioned in the texts, articles published."""
    import matplotlib

    months_present = sorted(set(mentioned.index) | set(published.index))
    if not months_present:
        return ""
    months = [str(p) for p in pd.period_range(months_present[0], months_present[-1], freq="M")]
    with matplotlib.rc_context(STYLE):
        fig = _figure(figsize=(11, 3.6))
        top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[2, 1], gridspec_kw={"hspace": 0.12})
        _draw_timeline(top, bottom, months, mentioned, published)
    return to_svg(fig)


def _draw_timeline(top: Any, bottom: Any, months: list[str], mentioned: pd.Series, published: pd.Series) -> None:
    """Mentions on TOP, publications on BOTTOM, one bar a month."""
    x = range(len(months))
    width = 0.9 if len(months) < 120 else 1.0
    top.bar(x, [int(mentioned.get(m, 0)) for m in months], width=width, color=MENTIONED, linewidth=0)
    bottom.bar(x, [int(published.get(m, 0)) for m in months], width=width, color=PUBLISHED, linewidth=0)
    top.set_ylabel("dates mentioned")
    bottom.set_ylabel("articles")
    for ax in (top, bottom):
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(length=0)
        ax.set_xlim(-1, len(months))
    ticks = _ticks(months)
    bottom.set_xticks(ticks, [months[i][:4] if months[i].endswith("-01") else months[i] for i in ticks])
    bottom.invert_yaxis()  # publication bars hang below the shared axis, mirroring the mentions


def place_labels(points: list[dict[str, Any]], biggest: int, most: int) -> list[tuple[dict[str, Any], tuple[float, float]]]:
    """Names for the most mentioned places, above their circle, skipping any that would overlap one
    already placed (boxes estimated in degrees: the map is ~33 degrees an inch, 8 pt text)."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for p in points[: most * 3]:
        if len(out) == most:
            break
        rise = 7 + 7 * math.sqrt(p["mentions"] / biggest)        # points above the centre
        width = 2.4 * len(p["name"]) + 2                          # degrees
        x0, y0 = p["longitude"] - width / 2, p["latitude"] + rise / 72 * 33 - 0.5
        box = (x0, y0, x0 + width, y0 + 4.5)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        out.append((p, (0.0, rise)))
    return out


def map_svg(points: list[dict[str, Any]], *, labels: int = 12) -> str:
    """Places at their coordinates over the land outline, area by mentions; each point links to its
    row in the places table below (and says its name and count on hover)."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        fig = _figure(figsize=(11, 11 * (LAT_MAX - LAT_MIN) / 360 + 0.4))
        titles = _draw_map(fig.add_subplot(), points[:MAP_POINTS], labels)
    return to_svg(fig, titles)


def _draw_map(ax: Any, points: list[dict[str, Any]], labels: int) -> dict[str, str]:
    """Draw the map on AX; the hover text of each point's link."""
    from matplotlib import patheffects
    from matplotlib.collections import PolyCollection
    from matplotlib.lines import Line2D

    ax.add_collection(PolyCollection(land(), facecolor="#eceff3", edgecolor="#b8c0cc", linewidth=0.4, zorder=1))
    ax.set_xlim(-180, 180)
    ax.set_ylim(LAT_MIN, LAT_MAX)
    ax.set_aspect("equal")
    ax.set_axis_off()
    titles: dict[str, str] = {}
    if points:
        biggest = max(p["mentions"] for p in points)
        # Smallest first, so that a big circle never hides a small one.
        order = sorted(points, key=lambda p: p["mentions"])
        dots = ax.scatter([p["longitude"] for p in order], [p["latitude"] for p in order],
                          s=[18 + 500 * math.sqrt(p["mentions"] / biggest) for p in order],
                          c=[KIND_COLOURS.get(p["kind"], KIND_COLOURS["other"]) for p in order],
                          alpha=0.6, edgecolors="white", linewidths=0.6, zorder=2)
        # Points listed in the table link to their row; the hover text names the place either way.
        dots.set_urls([f"#{p['anchor']}" if p.get("anchor") else None for p in order])
        for p in order:
            if p.get("anchor"):
                n, a = p["mentions"], p["articles"]
                titles[f"#{p['anchor']}"] = (f"{p['name']} ({p['kind']}): {n} mention{'s' if n != 1 else ''} "
                                             f"in {a} article{'s' if a != 1 else ''}")
        for p, (x, y) in place_labels(points, biggest, labels):
            ax.annotate(p["name"], (p["longitude"], p["latitude"]), xytext=(x, y), textcoords="offset points",
                        ha="center", fontsize=8, color=INK, zorder=3,
                        path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])
        kinds = [k for k in KIND_COLOURS if any(p["kind"] == k for p in points)]
        handles = [Line2D([], [], marker="o", linestyle="", markersize=7, color=KIND_COLOURS[k], alpha=0.7, label=k)
                   for k in kinds]
        ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8, handletextpad=0.2)
    return titles
