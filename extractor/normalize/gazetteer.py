"""Offline gazetteer lookups: country names and demonyms to countries, place names to GeoNames places."""
from __future__ import annotations

import csv
import gzip
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import models_path, read_tsv


def fold(name: str) -> str:
    """ASCII fold of a name (Kəlbəcər -> Kelbecer, Şuşa -> Susa): the key lookups fall back to."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ə", "e").replace("Ə", "E").replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _keys(name: str) -> list[str]:
    """Lookup keys of NAME, most exact first: as written, without a leading "the", then folded."""
    name = " ".join(name.replace("\u2019", "'").split())
    if name.lower().startswith("the "):
        name = name[4:]
    for suffix in ("'s", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    keys = [name, fold(name)]
    # Datelines and headlines shout ("WASHINGTON"); acronyms (UK, USA) stay as they are.
    if name.isupper() and sum(c.isalpha() for c in name) > 3 and "." not in name:
        keys += [name.title(), fold(name.title())]
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """Country records by ISO alpha-2 code, from models/gazetteer/countries.tsv."""
    out = {}
    with open(models_path("gazetteer", "countries.tsv"), encoding="utf8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            row["aliases"] = [a for a in row["aliases"].split("|") if a]
            row["geonames_id"] = int(row["geonames_id"])
            row["lat"] = float(row["lat"]) if row["lat"] else None
            row["lon"] = float(row["lon"]) if row["lon"] else None
            row["population"] = int(row["population"])
            out[row["code"]] = row
    return out


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """(exact-case name -> code, lower-case name -> code) over canonical names and aliases."""
    exact: dict[str, str] = {}
    lower: dict[str, str] = {}
    for code, c in countries().items():
        for n in [c["name"], *c["aliases"]]:
            for k in {n, fold(n)}:
                exact.setdefault(k, code)
                # Short all-caps forms (US, UK) only match in capitals: "us" is a pronoun.
                if not (k.isupper() and len(k.replace(".", "")) <= 3):
                    lower.setdefault(k.lower(), code)
    # Canonical names win over aliases that collide with them (Georgia the country, not a pycountry alias).
    for code, c in countries().items():
        exact[c["name"]] = code
    return exact, lower


@lru_cache(maxsize=4096)
def country_lookup(name: str) -> tuple[str, str] | None:
    """The country NAME refers to, as (canonical name, ISO alpha-2), or None.

    "UK", "U.K.", "Britain", "the United Kingdom" -> ("United Kingdom", "GB"); "Russian Federation"
    -> ("Russia", "RU"). Case matters for short capital forms ("US" is the country, "us" is not);
    other names also match in any case ("AZERBAIJAN")."""
    exact, lower = _country_index()
    for key in _keys(name):
        code = exact.get(key) or lower.get(key.lower())
        if code:
            return countries()[code]["name"], code
    return None


@lru_cache(maxsize=1)
def _demonym_index() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    for word, code in read_tsv("demonyms.tsv"):
        exact.setdefault(word, code)
        if not word.endswith(("s", "sh", "ch", "ese")) and "." not in word:
            exact.setdefault(word + "s", code)  # plural nouns: Armenians, Britons
    lower = {k.lower(): v for k, v in exact.items() if not (k.isupper() and len(k.replace(".", "")) <= 3)}
    return exact, lower


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> tuple[str, str] | None:
    """The country a demonym or national adjective refers to, as (canonical name, ISO alpha-2), or None.

    "Azerbaijani" -> ("Azerbaijan", "AZ"); "British" -> ("United Kingdom", "GB"); "Armenians" ->
    ("Armenia", "AM"); "U.S." -> ("United States", "US"). Capitalised forms are expected; an
    all-lower-case word only matches when it is not an ordinary English word ("french fries" no)."""
    exact, lower = _demonym_index()
    word = " ".join(word.replace("\u2019", "'").split())
    code = exact.get(word)
    if code is None and not word.islower():
        code = lower.get(word.lower())
    if code is None:
        return None
    return countries()[code]["name"], code


# ---------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, a subdivision, a town or a region."""

    name: str
    kind: str  # country, admin, city, region, other
    country_code: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    population: int = 0
    admin1: str = ""
    capital: bool = False
    iso_code: str = ""

    def as_row(self) -> dict:
        """The places table's columns for this entry."""
        return {"name": self.name, "kind": self.kind, "country_code": self.country_code or None,
                "geonames_id": self.geonames_id, "latitude": self.latitude, "longitude": self.longitude}


def _float(s: str) -> float | None:
    return float(s) if s else None


class _Gazetteer:
    """The place index: raw TSV lines, parsed into Place entries only when a lookup reaches them (a
    news article touches a few hundred of the ~150,000), and name -> line numbers."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.countries: list[Place] = []
        self.capitals: set[tuple[str, str]] = set()
        self.index: dict[str, int | tuple[int, ...]] = {}
        self.iso_codes: dict[str, int] = {}  # ISO 3166-2 code -> line
        self._parsed: dict[int, Place] = {}

    def _add(self, i: int, names: list[str]) -> None:
        index = self.index
        for n in names:
            have = index.get(n)
            if have is None:
                index[n] = i
            elif isinstance(have, int):
                if have != i:
                    index[n] = (have, i)
            elif have[-1] != i:
                index[n] = (*have, i)

    def load(self) -> "_Gazetteer":
        for code, c in countries().items():
            self.countries.append(Place(c["name"], "country", code, c["geonames_id"], c["lat"], c["lon"],
                                        c["population"]))
            # Countries are indexed under negative numbers, so that -1 - i finds them back.
            names = [k for n in [c["name"], *c["aliases"]] for k in (n, fold(n))]
            self._add(-len(self.countries), names)
            if c["capital"]:
                self.capitals.add((code, c["capital"]))
        with gzip.open(models_path("gazetteer", "places.tsv.gz"), "rt", encoding="utf8") as f:
            header = f.readline().rstrip("\n").split("\t")
            assert header == ["geonames_id", "name", "kind", "country_code", "admin1", "iso_code", "lat",
                              "lon", "population", "aliases"], header
            lines = self.lines
            for line in f:
                line = line.rstrip("\n")
                i = len(lines)
                lines.append(line)
                fields = line.split("\t", 6)
                if fields[5]:
                    self.iso_codes[fields[5]] = i
                last_tab = line.rfind("\t")
                aliases = line[last_tab + 1:]
                # The build wrote every ASCII-folded form already: no folding needed here.
                self._add(i, [fields[1], *aliases.split("|")] if aliases else [fields[1]])
        return self

    def entry(self, i: int) -> Place:
        if i < 0:
            return self.countries[-1 - i]
        place = self._parsed.get(i)
        if place is None:
            gid, name, kind, cc, admin1, iso, lat, lon, pop, _ = self.lines[i].split("\t")
            place = Place(name, kind, cc, int(gid) if gid else None, _float(lat), _float(lon), int(pop),
                          admin1, kind == "city" and (cc, name) in self.capitals, iso)
            self._parsed[i] = place
        return place

    def lookup(self, key: str) -> tuple[Place, ...]:
        hits = self.index.get(key)
        if hits is None:
            return ()
        if isinstance(hits, int):
            return (self.entry(hits),)
        return tuple(self.entry(i) for i in hits)


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """The place index, loaded once per process from models/gazetteer/."""
    return _Gazetteer().load()


# Words around a place name that do not change where it is: "Sichuan province", "Far North Queensland".
KIND_SUFFIXES = ("province", "region", "district", "state", "city", "town", "village", "area", "oblast",
                 "governorate", "rayon", "municipality", "Province", "Region", "District", "State", "City")
KIND_PREFIXES = (("City of", "city"), ("Town of", "city"), ("Village of", "city"), ("Province of", "admin"),
                 ("State of", "admin"), ("County of", "admin"), ("Region of", "admin"))
DIRECTION_PREFIXES = ("Far North", "Far South", "Far East", "Far West", "North", "South", "East", "West",
                      "Northern", "Southern", "Eastern", "Western", "Central", "central", "northern", "southern",
                      "eastern", "western", "Upper", "Lower", "Greater", "downtown", "Downtown")


@lru_cache(maxsize=16384)
def place_candidates(name: str) -> tuple[Place, ...]:
    """Every gazetteer entry NAME may refer to ("the Netherlands", "Kəlbəcər" and "Kalbajar" all work);
    countries first."""
    gaz = gazetteer()
    for key in _keys(name):
        hits = gaz.lookup(key)
        if hits:
            return hits
    return ()


def choose_place(candidates: tuple[Place, ...] | list[Place], *, context_countries: dict[str, float] | None = None,
                 kind_hint: str | None = None, name: str | None = None,
                 context_admin1: set[tuple[str, str]] | frozenset = frozenset()) -> Place | None:
    """The most likely entry among CANDIDATES: a country when the name is a country's; otherwise the
    entry in a country the article already talks about (CONTEXT_COUNTRIES: code -> weight), then
    capitals, then population; KIND_HINT ("admin" after "X district") breaks ties between a district
    and its seat town. Entries whose own name is NAME beat those that only have it as an alternate
    name; entries with coordinates are preferred to those without; towns in a first-order division
    the article names (CONTEXT_ADMIN1: (country, GeoNames admin1) pairs) are preferred."""
    if not candidates:
        return None
    ctx = context_countries or {}
    countries_hit = [c for c in candidates if c.kind == "country"]
    if countries_hit:
        return countries_hit[0]

    def score(p: Place) -> float:
        s = math.log10(p.population + 10)
        s += 4.0 * min(ctx.get(p.country_code, 0.0), 1.0)
        s += 2.0 if p.capital else 0.0
        s += 2.5 if p.kind == "city" and (p.country_code, p.admin1) in context_admin1 else 0.0
        s += 4.0 if kind_hint and p.kind == kind_hint else 0.0
        s += 8.0 if p.kind == "region" else 0.0  # curated regions and continents are what the name means
        s -= 3.0 if p.latitude is None else 0.0
        s += 1.5 if own and (p.name in own) else 0.0
        # A division named after its metropolis means the city unless the text says otherwise
        # ("New York", "São Paulo"); a province much larger than its namesake town stays (Quebec).
        s -= 3.0 if p.kind == "admin" and kind_hint != "admin" and p.population and any(
            c.kind == "city" and c.country_code == p.country_code and c.population >= 0.2 * p.population
            for c in candidates) else 0.0
        return s

    own = set(_keys(name)) if name else set()

    return max(candidates, key=score)


def resolve_place(name: str, *, context_countries: dict[str, float] | None = None,
                  kind_hint: str | None = None,
                  context_admin1: set[tuple[str, str]] | frozenset = frozenset()) -> Place | None:
    """The most likely gazetteer entry for the place name NAME (see choose_place), or None."""
    return choose_place(place_candidates(name), context_countries=context_countries, kind_hint=kind_hint,
                        name=name, context_admin1=context_admin1)


def core_place_name(name: str) -> tuple[str, str | None] | None:
    """For a name the gazetteer lacks, the known place it is built on and the kind its extra word
    tells: "Sichuan province" -> ("Sichuan", "admin"), "Southern California" -> ("California", None);
    None when there is none."""
    for suffix in KIND_SUFFIXES:
        if name.endswith(" " + suffix):
            base = name[: -len(suffix) - 1].strip()
            if place_candidates(base):
                return base, "city" if suffix.lower() in ("city", "town", "village") else "admin"
    for prefix, kind in KIND_PREFIXES:
        if name.startswith(prefix + " "):
            base = name[len(prefix) + 1:].strip()
            if place_candidates(base):
                return base, kind
    for prefix in DIRECTION_PREFIXES:
        if name.startswith(prefix + " "):
            base = name[len(prefix) + 1:].strip()
            if place_candidates(base):
                return base, None
    return None


# Countries whose postal abbreviations of states and provinces follow a town name ("Louisville, KY",
# "Barrie, ON", "Cairns, QLD") and are their ISO 3166-2 codes.
POSTAL_COUNTRIES = ("US", "CA", "AU")


@lru_cache(maxsize=4096)
def subdivision_abbreviations(text: str) -> tuple[Place, ...]:
    """The states or provinces an abbreviation written after a town may name: "Ky." and "Calif." (news
    style), "KY" and "Ky" (postal codes, which are ISO 3166-2 codes in the US, Canada and Australia;
    "WA" is Washington or Western Australia). Only meant for the slot after "Town," where such codes
    are unambiguous."""
    text = text.strip()
    if not text or len(text) > 8:
        return ()
    found = [p for p in place_candidates(text) if p.kind == "admin" and p.iso_code
             and ("." in text or text.isupper())]
    code = text.rstrip(".").upper()
    if code.isalpha() and 2 <= len(code) <= 3:
        gaz = gazetteer()
        for country in POSTAL_COUNTRIES:
            i = gaz.iso_codes.get(f"{country}-{code}")
            if i is not None and gaz.entry(i) not in found:
                found.append(gaz.entry(i))
    return tuple(found)


def subdivision_abbreviation(text: str) -> Place | None:
    """The likeliest state or province for an abbreviation after "Town," (see subdivision_abbreviations)."""
    found = subdivision_abbreviations(text)
    return found[0] if found else None


def resolve_pair(town: str, region: str) -> tuple[Place, Place] | None:
    """The entries for "TOWN, REGION" ("Atlanta, Georgia", "London, Ontario", "Paris, France",
    "Louisville, KY"): a town inside the named first-order division or country, the most populous
    such; None if there is none."""
    best, best_score = None, -1.0
    regions = place_candidates(region) + subdivision_abbreviations(region)
    for r in regions:
        if r.kind not in ("admin", "country"):
            continue
        for t in place_candidates(town):
            if t.kind == "country" or t is r or t.country_code != r.country_code:
                continue
            if r.kind == "admin" and not (r.admin1 and t.admin1 == r.admin1):
                continue
            score = math.log10(t.population + 10) + (1.0 if t.kind == "city" else 0.0)
            if score > best_score:
                best, best_score = (t, r), score
    return best
