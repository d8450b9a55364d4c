"""`extractor report`: a self-contained page over a run's tables, every entry linked to its article."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.writers import TableWriter, read_table
from extractor.report import build_report
from extractor.report.data import format_value, sentence_around, timeline
from extractor.report.world import land, simplify

from .conftest import CORPUS

runner = CliRunner()
REF = re.compile(r"^(?P<id>.+):(?P<start>\d+)-(?P<end>\d+)$")
CHROMIUM = "/usr/bin/chromium"


class Page(HTMLParser):
    """Every tag with its attributes, and the text of each ref link (`article:start-end`)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.refs: list[tuple[str, str]] = []   # (href, text)
        self._ref_href: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "a" and "ref" in a.get("class", "").split():
            self._ref_href = a.get("href", "")

    def handle_data(self, data):
        if self._ref_href is not None:
            self.refs.append((self._ref_href, data))
            self._ref_href = None

    def links(self) -> list[str]:
        return [v for _, a in self.tags for k, v in a.items() if k in ("src", "href", "xlink:href", "action", "poster")]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def external(page: Page, html: str, allowed: set[str] = frozenset()) -> list[str]:
    """Anything the page would fetch or send the reader to on the web, besides the ALLOWED article links."""
    bad = [u for u in page.links() if re.match(r"\s*(https?:)?//", u, re.I) and u not in allowed]
    bad += [f"<{t}>" for t, _ in page.tags if t in ("script", "link", "iframe", "object", "embed")]
    bad += re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)|@import", html, re.I)
    return bad


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> tuple[Path, Path, str]:
    """A small run over corpus/ (the first ten articles) and its report."""
    out = tmp_path_factory.mktemp("run") / "out"
    res = runner.invoke(app, ["run", str(CORPUS), "-o", str(out), "--limit", "10", "--quiet"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["report", str(out), "-o", str(out / "report.html")])
    assert res.exit_code == 0, res.output
    dest = out / "report.html"
    return out, dest, dest.read_text(encoding="utf-8")


def test_report_is_self_contained(corpus_run):
    out, dest, html = corpus_run
    page = parse(html)
    assert external(page, html) == []
    assert "<svg" in html and html.count("<svg") >= 2   # timeline and map, inline


def test_every_ref_names_a_mention_and_links_to_its_article(corpus_run):
    out, dest, html = corpus_run
    page = parse(html)
    assert len(page.refs) > 20
    articles = read_table(out / "articles.csv").set_index("article_id")
    spans = {(r.article_id, int(r.start), int(r.end))
             for t in ("places", "people", "officials", "figures", "organizations", "dates", "quotes")
             for r in read_table(out / f"{t}.csv").itertuples()}
    for href, label in page.refs:
        m = REF.match(label)
        assert m, label
        assert (m["id"], int(m["start"]), int(m["end"])) in spans, label
        assert (dest.parent / href).resolve() == (CORPUS / m["id"]).resolve()
        assert m["id"] in articles.index


def test_summary_counts_and_map_points(corpus_run):
    out, dest, html = corpus_run
    rows = {t: len(read_table(out / f"{t}.csv")) for t in ("dates", "places", "figures")}
    for t, n in rows.items():
        assert re.search(rf"<td>{t}</td><td class=\"n\">{n:,}</td>", html), t
    places = read_table(out / "places.csv").dropna(subset=["latitude", "longitude"])
    n_points = len(places.groupby(["name", "latitude", "longitude"]))
    targets = re.findall(r'<a xlink:href="#(place-\d+)">', html)
    assert len(targets) == n_points > 0
    ids = {a.get("id") for _, a in parse(html).tags}
    assert set(targets) <= ids


def test_figures_are_shown_in_their_sentence(corpus_run):
    out, dest, html = corpus_run
    figures = read_table(out / "figures.csv")
    marked = re.findall(r'<span class="sentence">([^<]*)<mark>([^<]*)</mark>([^<]*)</span>', html)
    assert marked
    assert all(m in set(figures["text"].map(lambda s: s.replace("&", "&amp;"))) for _, m, _ in marked)
    assert any(before.strip() or after.strip() for before, _, after in marked)


def test_errors_and_article_urls(tmp_path):
    """A parquet run by hand: an article with its own URL links there; a failed article is listed."""
    out = tmp_path / "out"
    w = TableWriter(out, "parquet")
    w.write("articles", [
        {"article_id": "a.txt", "source": "", "status": "ok", "published": "2021-06-11", "n_chars": 40, "n_words": 8},
        {"article_id": "b.txt", "source": "", "status": "error", "error": "b.txt: not UTF-8 text at byte 3"},
    ])
    w.write("places", [{"article_id": "a.txt", "start": 0, "end": 4, "text": "Baku", "sentence": 0, "name": "Baku",
                        "kind": "city", "country_code": "AZ", "latitude": 40.38, "longitude": 49.89}])
    w.write("figures", [{"article_id": "a.txt", "start": 20, "end": 29, "text": "7,449 mines", "sentence": 0,
                         "value": 7449.0, "unit": "mine", "category": "count"}])
    w.write("dates", [{"article_id": "a.txt", "start": 8, "end": 15, "text": "June 10", "sentence": 0,
                       "type": "DATE", "value": "2021-06-10", "range_start": "2021-06-10", "granularity": "day"}])
    w.commit()
    arts = read_table(out / "articles.parquet")
    arts["url"] = ["https://news.example/a", ""]
    arts.to_parquet(out / "articles.parquet")
    html = build_report(out).read_text(encoding="utf-8")
    page = parse(html)
    assert external(page, html, allowed={"https://news.example/a"}) == []
    assert ("https://news.example/a", "a.txt:0-4") in page.refs
    assert "not UTF-8 text at byte 3" in html and "Every article was extracted" not in html
    assert "7,449 mine" in html


def test_a_run_with_nothing_extracted_still_renders(tmp_path):
    w = TableWriter(tmp_path, "jsonl")
    w.write("articles", [{"article_id": "empty.txt", "status": "skipped", "error": "no text to extract"}])
    w.commit()
    html = build_report(tmp_path).read_text(encoding="utf-8")
    assert "No people found." in html and "No figures found." in html and "no text to extract" in html
    assert external(parse(html), html) == []


def test_cli_refuses_a_folder_without_tables(tmp_path):
    res = runner.invoke(app, ["report", str(tmp_path)])
    output = " ".join(res.output.split())
    assert res.exit_code == 2 and "no articles table" in output and "Traceback" not in output


@pytest.mark.parametrize("text, start, end, sentences, expected", [
    ("First one. The army cleared 7,449 mines in May. Next.", 28, 33, [(0, 10), (11, 47), (48, 53)],
     "The army cleared 7,449 mines in May."),
    # The parser's boundaries are used as they are: no list of abbreviations second-guesses them.
    ("Mr. Smith paid $5 million. Then he left.", 15, 25, [(0, 26), (27, 40)], "Mr. Smith paid $5 million."),
    ("Mr. Smith paid $5 million. Then he left.", 15, 25, [(0, 3), (4, 26), (27, 40)], "Smith paid $5 million."),
    # A mention the parser cut in two gets both sentences.
    ("It cost 5. 5 million. Done.", 8, 20, [(0, 10), (11, 21), (22, 27)], "It cost 5. 5 million."),
    # No sentences table (an older run): the mention's line.
    ("Headline 2021\nOfficials said 40 percent were done\nMore", 29, 39, [], "Officials said 40 percent were done"),
    ("no boundary at all 12 items here", 19, 21, [], "no boundary at all 12 items here"),
])
def test_sentence_around_cuts_the_parsers_sentence(text, start, end, sentences, expected):
    s = sentence_around(text, start, end, sentences)
    assert s.before + s.mention + s.after == expected
    assert s.mention == text[start:end]


@pytest.mark.parametrize("value, value_max, unit, expected", [
    (7449.0, None, "mines", "7,449 mines"),
    (2.5e9, None, "USD", "2.5 billion USD"),
    (40.0, None, "%", "40%"),
    (3.0, 5.0, "km", "3–5 km"),
    (17849.97, None, "points", "17,849.97 points"),
])
def test_format_value(value, value_max, unit, expected):
    assert format_value(value, value_max, unit) == expected


def test_timeline_keeps_month_precise_mentions_near_publication():
    dates = pd.DataFrame({
        "type": ["DATE", "DATE", "DATE", "DURATION", "DATE"],
        "granularity": ["day", "month", "year", "month", "day"],
        "range_start": ["2008-09-15", "2008-10-01", "2008-01-01", "", "1934-05-02"],
    })
    articles = pd.DataFrame({"published": ["2008-09-17", "2008-10-20", ""]})
    t = timeline(dates, articles)
    assert dict(t.mentioned) == {"2008-09": 1, "2008-10": 1}
    assert dict(t.published) == {"2008-09": 1, "2008-10": 1}
    assert (t.coarse, t.outside) == (1, 1)


def test_world_outline_is_plausible():
    rings = land()
    assert 30 < len(rings) < 500
    lons = [x for r in rings for x, _ in r]
    lats = [y for r in rings for _, y in r]
    assert min(lons) >= -180 and max(lons) <= 180 and min(lats) >= -90 and max(lats) <= 90
    assert simplify([(0, 0), (1, 0.01), (2, 0), (3, 5)], 0.1) == [(0, 0), (2, 0), (3, 5)]


def test_world_outline_regenerates_from_cartopys_picture(tmp_path):
    """The generator in the repo reproduces models/report/world.json (where cartopy is installed)."""
    import importlib.util
    import json

    from extractor.components.base import models_path
    from extractor.report.world import OUTLINE, trace

    spec = importlib.util.find_spec("cartopy")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("cartopy is not installed (only needed to regenerate the outline)")
    png = Path(spec.submodule_search_locations[0]) / "data/raster/natural_earth/50-natural-earth-1-downsampled.png"
    if not png.exists():
        pytest.skip(f"not in this cartopy: {png}")
    shipped = json.loads(models_path(*OUTLINE).read_text(encoding="utf8"))["rings"]
    assert trace(png) == shipped


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed")
def test_report_renders_in_headless_chromium(corpus_run, tmp_path):
    out, dest, html = corpus_run
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", f"--screenshot={shot}", "--window-size=1280,2400",
                    dest.resolve().as_uri()], check=True, capture_output=True, timeout=120)
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1280, 2400)
        colours = im.convert("RGB").resize((64, 120)).getcolors(64 * 120)
    assert colours is not None and len(colours) > 20   # a drawn page, not a blank one
