"""Offline gazetteer lookups: country names and demonyms to countries, place names to GeoNames places."""
from __future__ import annotations

import csv
import gc
import gzip
import hashlib
import inspect
import marshal
import math
import sys
import time
import re
import unicodedata
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from ..resources import models_dir, read_json, read_tsv
from .place import Place
from .ranking import Evidence, Weights, is_county, named_divisions, rank


def fold(name: str) -> str:
    """ASCII fold of a name (Kəlbəcər -> Kelbecer, Şuşa -> Susa): the key lookups fall back to."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ə", "e").replace("Ə", "E").replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _folded_name(name: str) -> str:
    """fold(NAME), memoised for the entries' own names that is_own_name asks of every candidate."""
    return fold(name)


# A name ending in the abbreviation of County ("Polk Co.", "PLYMOUTH CO"): the county is looked up by its
# full name. Mixed-case "Co" needs its period; capitals may lose it (a dateline's "CO." before its dash).
COUNTY_ABBREVIATION = re.compile(r"^(\S.*?)\s+(?:Co\.|CO\.?)$")


@lru_cache(maxsize=65536)
def _keys(name: str) -> tuple[str, ...]:
    """Lookup keys of NAME, most exact first: as written, without a leading "the", then folded (memoised:
    every lookup of a name asks for them)."""
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
    county = COUNTY_ABBREVIATION.match(name)
    if county:  # US local news shortens County to Co. ("Polk Co. deputies", "PLYMOUTH CO. -")
        base = county[1].title() if county[1].isupper() else county[1]
        keys.append(base + " County")
    return tuple(k for i, k in enumerate(keys) if k and k not in keys[:i])


def read_countries(path: Path) -> dict[str, dict]:
    """Country records by ISO alpha-2 code, from a countries.tsv the build wrote."""
    out = {}
    with open(path, encoding="utf8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            row["aliases"] = [a for a in row["aliases"].split("|") if a]
            row["geonames_id"] = int(row["geonames_id"])
            row["lat"] = float(row["lat"]) if row["lat"] else None
            row["lon"] = float(row["lon"]) if row["lon"] else None
            row["population"] = int(row["population"])
            out[row["code"]] = row
    return out


def country_index(records: dict[str, dict]) -> tuple[dict[str, str], dict[str, str]]:
    """(exact-case name -> code, lower-case name -> code) over canonical names and aliases."""
    exact: dict[str, str] = {}
    lower: dict[str, str] = {}
    for code, c in records.items():
        for n in [c["name"], *c["aliases"]]:
            for k in {n, fold(n)}:
                exact.setdefault(k, code)
                # Short all-caps forms (US, UK) only match in capitals: "us" is a pronoun.
                if not (k.isupper() and len(k.replace(".", "")) <= 3):
                    lower.setdefault(k.lower(), code)
    # Canonical names win over aliases that collide with them (Georgia the country, not a pycountry alias).
    for code, c in records.items():
        exact[c["name"]] = code
    return exact, lower


def demonym_index(rows) -> tuple[dict[str, str], dict[str, str]]:
    """(exact demonym -> code, lower-case demonym -> code) from the rows of demonyms.tsv, with plurals."""
    exact: dict[str, str] = {}
    for word, code in rows:
        exact.setdefault(word, code)
        if not word.endswith(("s", "sh", "ch", "ese")) and "." not in word:
            exact.setdefault(word + "s", code)  # plural nouns: Armenians, Britons
    lower = {k.lower(): v for k, v in exact.items() if not (k.isupper() and len(k.replace(".", "")) <= 3)}
    return exact, lower


# ---------------------------------------------------------------- places


def _float(s: str) -> float | None:
    return float(s) if s else None


class PlaceIndex:
    """The place index: name -> entries, over the lines of places.tsv.gz, each parsed into a Place
    only when a lookup reaches it (a news article touches a few hundred of the ~200,000). Countries
    are entries under negative numbers, so that -1 - i finds them back.

    The names are one sorted list searched by bisection, with their hits in flat integer arrays: a
    form `make models` writes next to places.tsv.gz (places.index, see write()), which loads in about
    a tenth of the time building it from the TSV takes. That file names a digest of everything the
    index is built from (the places file, the country names, this class's builder code); one that
    does not match, or is missing, is ignored and the index is built from the TSV, to the same lists."""

    def __init__(self, countries: dict[str, dict], places_path: Path) -> None:
        self.countries = [Place(c["name"], "country", code, c["geonames_id"], c["lat"], c["lon"], c["population"])
                          for code, c in countries.items()]
        raw = places_path.read_bytes()
        self.digest = index_digest(countries, raw)
        self.data = gzip.decompress(raw)  # the TSV's bytes: entry(i) parses its line i
        built = read_prebuilt(places_path, self.digest) or build_index(countries, self.data)
        self.keys, self.hits, self.flat, self.offsets, self.iso_codes, self.capital_lines = built
        self._parsed: dict[int, Place] = {}

    def entry(self, i: int) -> Place:
        if i < 0:
            return self.countries[-1 - i]
        place = self._parsed.get(i)
        if place is None:
            line = self.data[self.offsets[i]:self.offsets[i + 1] - 1].decode("utf8")
            gid, name, kind, cc, admin1, iso, lat, lon, pop, _ = line.split("\t")
            place = Place(name, kind, cc, int(gid) if gid else None, _float(lat), _float(lon), int(pop),
                          admin1, self.capital_lines.get((cc, name)) == i, iso)
            self._parsed[i] = place
        return place

    def lookup(self, key: str) -> tuple[Place, ...]:
        keys = self.keys
        j = bisect_left(keys, key)
        if j == len(keys) or keys[j] != key:
            return ()
        hit = self.hits[j]
        if hit < SEVERAL:
            return (self.entry(hit),)
        at = hit - SEVERAL
        return tuple(self.entry(i) for i in self.flat[at + 1:at + 1 + self.flat[at]])

    @staticmethod
    def write_prebuilt(countries: dict[str, dict], places_path: Path) -> Path:
        """Build the index of PLACES_PATH from the TSV and write it beside it as places.index (`make
        models`, or `make index` alone). Marshal format 2 writes no
        back-references, so the same sources give the same bytes."""
        raw = places_path.read_bytes()
        keys, hits, flat, offsets, iso_codes, capital_lines = build_index(countries, gzip.decompress(raw))
        payload = marshal.dumps(("\n".join(keys), hits.tobytes(), flat.tobytes(), offsets.tobytes(), iso_codes,
                                 capital_lines), 2)
        path = places_path.parent / PREBUILT_NAME
        path.write_bytes(index_digest(countries, raw).encode("ascii") + payload)
        return path


def write_place_index(root: Path | None = None) -> Path:
    """Write the prebuilt place index of the data folder ROOT (default: the package's models/)."""
    gaz = Gazetteer.at(root or models_dir())
    return PlaceIndex.write_prebuilt(gaz.country_records, gaz.paths[1])


PLACES_HEADER = ["geonames_id", "name", "kind", "country_code", "admin1", "iso_code", "lat", "lon",
                 "population", "aliases"]
PREBUILT_NAME = "places.index"
# A hit at or above SEVERAL stands for several: flat[hit - SEVERAL] is their count, the hits follow.
SEVERAL = 1 << 30
# What the prebuilt file's layout depends on, part of its digest: raise the version when
# write_prebuilt(), read_prebuilt() or lookup() read or write it otherwise.
_INDEX_FORMAT = f"place-index 1 {sys.byteorder} {array('i').itemsize} {SEVERAL}"


def _int_array(data: bytes) -> array:
    out = array("i")
    out.frombytes(data)
    return out


def index_digest(countries: dict[str, dict], places_bytes: bytes) -> str:
    """What a prebuilt index must have been built from to be used: the places file, the country names
    and capitals, and the source of the builder functions (a change to how the index is built makes
    every prebuilt file stale)."""
    h = hashlib.sha256(_INDEX_FORMAT.encode())
    for f in (build_index, _add_name, _country_names, _note_capital, fold):
        try:
            h.update(inspect.getsource(f).encode())
        except (OSError, TypeError):  # no source (frozen, .pyc only): no prebuilt file can be trusted
            h.update(repr(time.time_ns()).encode())
    h.update(repr([(code, c["name"], c["aliases"], c["capital"]) for code, c in countries.items()]).encode())
    h.update(places_bytes)
    return h.hexdigest()


def read_prebuilt(places_path: Path, digest: str):
    """The prebuilt index whose digest is DIGEST: beside the places file, else the package's own (a
    pipeline saved with to_disk carries the same places file), or None."""
    for path in dict.fromkeys([places_path.parent / PREBUILT_NAME, models_dir() / "gazetteer" / PREBUILT_NAME]):
        try:
            with open(path, "rb") as f:
                if f.read(len(digest)).decode("ascii", "replace") != digest:
                    continue
                keys, hits, flat, offsets, iso_codes, capital_lines = marshal.loads(f.read())
        except (OSError, EOFError, ValueError, TypeError):
            continue
        return keys.split("\n"), _int_array(hits), _int_array(flat), _int_array(offsets), iso_codes, capital_lines
    return None


def _country_names(c: dict) -> list[str]:
    return [k for n in [c["name"], *c["aliases"]] for k in (n, fold(n))]


def _add_name(index: dict, i: int, names: list[str]) -> None:
    for n in names:
        have = index.get(n)
        if have is None:
            index[n] = i
        elif isinstance(have, int):
            if have != i:
                index[n] = (have, i)
        elif have[-1] != i:
            index[n] = (*have, i)


def _note_capital(capitals: set, capital_lines: dict, i: int, fields: list[str],
                  capital_pop: dict[tuple[str, str], int]) -> None:
    """The capital is the most populous town of the capital's name in its country: one Washington
    (D.C.) is the capital of the United States, not the thirty other Washingtons."""
    key = (fields[3], fields[1])
    if fields[2] == "city" and key in capitals and int(fields[8]) > capital_pop.get(key, -1):
        capital_pop[key] = int(fields[8])
        capital_lines[key] = i


def build_index(countries: dict[str, dict], data: bytes):
    """(sorted names, their hits, the flat hits of names with several, line offsets, ISO 3166-2 code ->
    line, (country, capital's name) -> its line) from the country records and the places TSV's bytes."""
    index: dict[str, int | tuple[int, ...]] = {}
    capitals = set()
    for n, (code, c) in enumerate(countries.items()):
        _add_name(index, -1 - n, _country_names(c))
        if c["capital"]:
            capitals.add((code, c["capital"]))
    lines = data.split(b"\n")
    header = lines[0].decode("utf8").split("\t")
    assert header == PLACES_HEADER, header
    if lines[-1] == b"":
        lines.pop()
    offsets = array("i")
    iso_codes: dict[str, int] = {}
    capital_lines: dict[tuple[str, str], int] = {}
    capital_pop: dict[tuple[str, str], int] = {}
    at = len(lines[0]) + 1
    enabled = gc.isenabled()
    gc.disable()  # ~40,000 tuples of hits and no garbage: the collector would walk them in vain
    try:
        for i, raw in enumerate(lines[1:]):
            offsets.append(at)
            at += len(raw) + 1
            fields = raw.decode("utf8").split("\t", 9)
            if fields[5]:
                iso_codes[fields[5]] = i
            _note_capital(capitals, capital_lines, i, fields, capital_pop)
            aliases = fields[9]
            # The build wrote every ASCII-folded form already: no folding needed here.
            _add_name(index, i, [fields[1], *aliases.split("|")] if aliases else [fields[1]])
        offsets.append(at)
        keys = sorted(index)
        hits, flat = array("i"), array("i")
        for k in keys:
            have = index[k]
            if isinstance(have, int):
                hits.append(have)
            else:
                hits.append(SEVERAL + len(flat))
                flat.append(len(have))
                flat.extend(have)
    finally:
        if enabled:
            gc.enable()
    assert len(offsets) < SEVERAL
    return keys, hits, flat, offsets, iso_codes, capital_lines


class Gazetteer:
    """Countries, demonyms and GeoNames places from one data folder, with the lookups the components
    use. Built once per folder (Gazetteer.at); the place index, the costly part (0.1 s prebuilt), is
    built on the first place lookup, or up front by load_places() (the places component does so in
    its initialize(), so that no article pays for it)."""

    _built: dict[tuple[Path, ...], "Gazetteer"] = {}

    def __init__(self, countries_path: Path, places_path: Path, demonyms_path: Path,
                 name_parts_path: Path, ranking_path: Path) -> None:
        self.paths = (countries_path, places_path, demonyms_path, name_parts_path, ranking_path)
        self.weights = Weights.from_json(read_json(ranking_path))
        self.country_records = read_countries(countries_path)
        self._countries = country_index(self.country_records)
        self._demonyms = demonym_index(read_tsv(demonyms_path))
        parts = read_json(name_parts_path)
        self.kind_suffixes: dict[str, str] = parts["kind_suffixes"]
        self.kind_prefixes: dict[str, str] = parts["kind_prefixes"]
        self.direction_prefixes: tuple[str, ...] = tuple(parts["direction_prefixes"])
        self.postal_countries: tuple[str, ...] = tuple(parts["postal_countries"])
        self.known_town_population: int = int(parts["known_town_population"])
        self._places: PlaceIndex | None = None
        # Per-instance memo tables (a news corpus repeats its names): bounded like lru_cache.
        self.place_candidates = lru_cache(maxsize=16384)(self._place_candidates)
        self.country_lookup = lru_cache(maxsize=4096)(self._country_lookup)
        self.demonym_country = lru_cache(maxsize=4096)(self._demonym_country)
        self.subdivision_abbreviations = lru_cache(maxsize=4096)(self._subdivision_abbreviations)
        self.known_candidates = lru_cache(maxsize=16384)(self._known_candidates)

    @classmethod
    def at(cls, root: Path, gazetteer_dir: str = "gazetteer", demonyms_path: str = "demonyms.tsv",
           name_parts_path: str = "places/name_parts.json",
           ranking_path: str = "places/ranking.json") -> "Gazetteer":
        """The gazetteer of the data folder ROOT (models/ or a saved pipeline's folder), built once."""
        paths = (root / gazetteer_dir / "countries.tsv", root / gazetteer_dir / "places.tsv.gz",
                 root / demonyms_path, root / name_parts_path, root / ranking_path)
        if paths not in cls._built:
            cls._built[paths] = cls(*paths)
        return cls._built[paths]

    def load_places(self) -> PlaceIndex:
        """The place index, built on first use."""
        if self._places is None:
            self._places = PlaceIndex(self.country_records, self.paths[1])
        return self._places

    # ------------------------------------------------------------ countries and demonyms
    def country_name(self, code: str) -> str:
        return self.country_records[code]["name"]

    def _country_lookup(self, name: str) -> tuple[str, str] | None:
        """The country NAME refers to, as (canonical name, ISO alpha-2), or None.

        "UK", "U.K.", "Britain", "the United Kingdom" -> ("United Kingdom", "GB"); "Russian Federation"
        -> ("Russia", "RU"). Case matters for short capital forms ("US" is the country, "us" is not);
        other names also match in any case ("AZERBAIJAN")."""
        exact, lower = self._countries
        for key in _keys(name):
            code = exact.get(key) or lower.get(key.lower())
            if code:
                return self.country_name(code), code
        return None

    def _demonym_country(self, word: str) -> tuple[str, str] | None:
        """The country a demonym or national adjective refers to, as (canonical name, ISO alpha-2), or
        None. "Azerbaijani" -> ("Azerbaijan", "AZ"); "British" -> ("United Kingdom", "GB"); "U.S." ->
        ("United States", "US"). An all-lower-case word only matches when it is not an ordinary
        English word ("french fries" no)."""
        exact, lower = self._demonyms
        word = " ".join(word.replace("\u2019", "'").split())
        code = exact.get(word)
        if code is None and not word.islower():
            code = lower.get(word.lower())
        return (self.country_name(code), code) if code else None

    # ------------------------------------------------------------ places
    def _place_candidates(self, name: str) -> tuple[Place, ...]:
        """Every gazetteer entry NAME may refer to ("the Netherlands", "Kəlbəcər" and "Kalbajar" all
        work); countries first."""
        index = self.load_places()
        for key in _keys(name):
            hits = index.lookup(key)
            if hits:
                return hits
        return ()

    @staticmethod
    def is_own_name(place: Place, name: str) -> bool:
        """Whether NAME (as a text writes it) is PLACE's own name or its ASCII form ("Montreal"), not one
        of its alternate names."""
        return place.kind == "country" or any(k in (place.name, _folded_name(place.name)) for k in _keys(name))

    def _known_candidates(self, name: str) -> tuple[Place, ...]:
        """The candidates that make NAME a known place name when deciding what is a place: all but US
        counties matched by their bare name ("Ford", "Pope" are counties too), which only a county word
        after the name ("Cook and DuPage counties") lets the ranking choose, and but hamlets smaller than
        known_town_population (many are named like common words and surnames), which the ranking may
        still choose for a name the text calls a place."""
        own = set(_keys(name))
        return tuple(c for c in self.place_candidates(name)
                     if (not is_county(c) or c.name in own)
                     and not (c.kind == "city" and c.population < self.known_town_population))

    def resolve_place(self, name: str, *, context_countries: dict[str, float] | None = None,
                      kind_hint: str | None = None,
                      context_admin1: set[tuple[str, str]] | frozenset = frozenset()) -> Place | None:
        """The most likely gazetteer entry for the place name NAME (see choose_place), or None."""
        return choose_place(self.place_candidates(name), context_countries=context_countries,
                            kind_hint=kind_hint, name=name, context_admin1=context_admin1, weights=self.weights)

    def rank(self, name: str, evidence: Evidence, kind_hint: str | None = None) -> tuple[Place | None, str | None]:
        """The best entry for NAME on the article's EVIDENCE, and the evidence that chose it."""
        return rank(self.place_candidates(name), evidence, weights=self.weights, kind_hint=kind_hint, name=name,
                    own_names=set(_keys(name)))

    def core_place_name(self, name: str) -> tuple[str, str | None] | None:
        """For a name the gazetteer lacks, the known place it is built on and the kind its extra word
        tells: "Sichuan province" -> ("Sichuan", "admin"), "Southern California" -> ("California",
        None); None when there is none."""
        for suffix, kind in self.kind_suffixes.items():
            if name.endswith(" " + suffix):
                base = name[: -len(suffix) - 1].strip()
                if self.place_candidates(base):
                    return base, kind
        for prefix, kind in self.kind_prefixes.items():
            if name.startswith(prefix + " "):
                base = name[len(prefix) + 1:].strip()
                if self.place_candidates(base):
                    return base, kind
        for prefix in self.direction_prefixes:
            if name.startswith(prefix + " "):
                base = name[len(prefix) + 1:].strip()
                if self.place_candidates(base):
                    return base, None
        return None

    def _subdivision_abbreviations(self, text: str) -> tuple[Place, ...]:
        """The states or provinces an abbreviation written after a town may name: "Ky." and "Calif."
        (news style), "KY" and "Ky" (postal codes, which are ISO 3166-2 codes in the US, Canada and
        Australia; "WA" is Washington or Western Australia). Only meant for the slot after "Town,"
        where such codes are unambiguous."""
        text = text.strip()
        if not text or len(text) > 8:
            return ()
        found = [p for p in self.place_candidates(text) if p.kind == "admin" and p.iso_code
                 and ("." in text or text.isupper())]
        code = text.rstrip(".").upper()
        if code.isalpha() and 2 <= len(code) <= 3:
            index = self.load_places()
            for country in self.postal_countries:
                i = index.iso_codes.get(f"{country}-{code}")
                if i is not None and index.entry(i) not in found:
                    found.append(index.entry(i))
        return tuple(found)

    def subdivision(self, iso_code: str) -> Place | None:
        """The entry of the ISO 3166-2 subdivision ISO_CODE ("CA-ON"), or None."""
        index = self.load_places()
        i = index.iso_codes.get(iso_code)
        return index.entry(i) if i is not None else None

    def subdivision_abbreviation(self, text: str) -> Place | None:
        """The likeliest state or province for an abbreviation after "Town," (see
        subdivision_abbreviations)."""
        found = self.subdivision_abbreviations(text)
        return found[0] if found else None

    def resolve_pair(self, town: str, region: str) -> tuple[Place, Place] | None:
        """The entries for "TOWN, REGION" ("Atlanta, Georgia", "London, Ontario", "Paris, France",
        "Louisville, KY"): a town inside the named first-order division or country, the most populous
        such; None if there is none."""
        best, best_score = None, -1.0
        if self.country_lookup(town):  # "Russia, U.S. officials said": a list, not Russia, Ohio
            return None
        regions = self.place_candidates(region) + self.subdivision_abbreviations(region)
        for r in regions:
            # Only countries and first-level divisions: "Toronto, Ottawa, Montreal" is a list, not
            # Toronto in Ottawa County, Ohio.
            if r.kind not in ("admin", "country") or (r.kind == "admin" and not r.iso_code):
                continue
            for t in self.place_candidates(town):
                if t.kind == "country" or t is r or t.country_code != r.country_code:
                    continue
                if r.kind == "admin" and not (r.admin1 and t.admin1 == r.admin1):
                    continue
                score = math.log10(t.population + 10) + (1.0 if t.kind == "city" else 0.0)
                if score > best_score:
                    best, best_score = (t, r), score
        return best


def choose_place(candidates: tuple[Place, ...] | list[Place], *, context_countries: dict[str, float] | None = None,
                 kind_hint: str | None = None, name: str | None = None,
                 context_admin1: set[tuple[str, str]] | frozenset = frozenset(),
                 weights: Weights | None = None) -> Place | None:
    """The most likely entry among CANDIDATES given only the article's countries (CONTEXT_COUNTRIES:
    code -> weight) and first-order divisions (CONTEXT_ADMIN1: (country, GeoNames admin1) pairs): the
    ranking of extractor.normalize.ranking without distances. A country wins a country's name;
    KIND_HINT ("admin" after "X district") breaks ties between a district and its seat town."""
    ev = Evidence(countries=context_countries or {}, admin1=named_divisions(context_admin1))
    own = set(_keys(name)) if name else set()
    return rank(candidates, ev, weights=weights, kind_hint=kind_hint, name=name, own_names=own)[0]

# ---------------------------------------------------------------- the package's own data
# Components with their own data folder hold their own Gazetteer (news_places builds it in
# initialize()); these functions are for callers that only need the package's models/ (the people and
# organizations components' country and demonym checks, scripts, tests).


@lru_cache(maxsize=1)  # found once: rebuilding its data paths on every call cost more than the lookups
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the package's models/ folder (built once, on first use)."""
    return Gazetteer.at(models_dir())


def country_lookup(name: str) -> tuple[str, str] | None:
    return default_gazetteer().country_lookup(name)


def demonym_country(word: str) -> tuple[str, str] | None:
    return default_gazetteer().demonym_country(word)


def place_candidates(name: str) -> tuple[Place, ...]:
    return default_gazetteer().place_candidates(name)


def resolve_place(name: str, **context) -> Place | None:
    return default_gazetteer().resolve_place(name, **context)


def core_place_name(name: str) -> tuple[str, str | None] | None:
    return default_gazetteer().core_place_name(name)


def subdivision_abbreviation(text: str) -> Place | None:
    return default_gazetteer().subdivision_abbreviation(text)


def resolve_pair(town: str, region: str) -> tuple[Place, Place] | None:
    return default_gazetteer().resolve_pair(town, region)
