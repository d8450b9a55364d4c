"""Toponym resolution as a ranking: every gazetteer candidate of a name is scored on the evidence the
article gives (population and kind, the countries and states it names, the other places it has placed,
its dateline), with the few named weights of models/places/ranking.json. No spaCy here.

The feature that most separates the winner from the runner-up is the row's `resolved_by`."""
from __future__ import annotations

import math
from operator import mul
from functools import lru_cache
from dataclasses import dataclass, field

from ..resources import read_json
from .place import Place

EARTH_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def is_county(p: Place) -> bool:
    """A US county (or parish, borough): an admin entry without an ISO 3166-2 code."""
    return p.kind == "admin" and not p.iso_code and p.country_code == "US"


@dataclass(frozen=True)
class Anchor:
    """A toponym of the article already placed with confidence: its name and point."""
    name: str
    latitude: float
    longitude: float


@dataclass
class Evidence:
    """What the article says around a toponym. COUNTRIES: country code -> weight of its other mentions;
    ADMIN1: (country, GeoNames admin1) of the divisions it names; ANCHORS: confidently placed toponyms;
    DATELINE: the dateline's place, if any. ADMIN1 maps each division to the names that put it there
    (a name is no evidence for itself: the district Lachin does not vote for the town Lachin)."""
    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    anchors: list[Anchor] = field(default_factory=list)
    dateline: Anchor | None = None


@dataclass(frozen=True)
class Weights:
    """The weights of models/places/ranking.json (see its _doc entries)."""
    population: float
    country_name: float
    capital: float
    country_context: float
    state_context: float
    coherence: float
    coherence_km: float
    dateline: float
    kind_word: float
    region: float
    own_name: float
    division_name: float
    no_point: float
    metropolis: float
    bare_county: float
    city_state_km: float
    short_form_population: float
    cluster_share: float
    # The article's country votes and the home-country prior (not features of a candidate).
    minor_country_vote: float
    home_votes: float
    home_margin: float
    # The weights of the features in the order features() gives them (score() multiplies them in turn).
    in_feature_order: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "in_feature_order", tuple(getattr(self, k) for k in FEATURE_ORDER))

    @classmethod
    def from_json(cls, raw: dict) -> "Weights":
        return cls(**{k: float(v) for k, v in raw.items() if not k.startswith("_")})


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    """The weights of the package's models/places/ranking.json, their one home (a component reads its
    own copy from its data folder)."""
    return Weights.from_json(read_json("places/ranking.json"))


# The features in the order features() gives them.
FEATURE_ORDER = ("population", "country_name", "capital", "country_context", "state_context", "coherence",
                 "dateline", "kind_word", "region", "own_name", "no_point", "metropolis", "bare_county",
                 "division_name")
# Names of the features as resolved_by writes them.
FEATURE_NAMES = {"population": "population", "country_name": "country-name", "capital": "capital",
                 "country_context": "country-context", "state_context": "state-context",
                 "coherence": "coherence", "dateline": "dateline", "kind_word": "kind-word",
                 "region": "region", "own_name": "own-name", "division_name": "division-name", "no_point": "point",
                 "metropolis": "metropolis", "bare_county": "county-word"}


def named_divisions(pairs, by: str = "") -> dict[tuple[str, str], set[str]]:
    """ADMIN1 evidence from plain (country, admin1) pairs, as named by BY."""
    return {pair: {by} for pair in pairs}


class Neighbours:
    """The anchors one name is measured against (all but those of the name itself), with their
    trigonometry done once: rank() measures every candidate of a name against the same anchors. The
    distances are km()'s, operation for operation, so that the scores do not move by a bit."""

    def __init__(self, anchors: list[Anchor], name: str, radius: float) -> None:
        self.radius = radius
        self.points = [(p2, math.cos(p2), a.longitude) for a in anchors if a.name != name
                       for p2 in [math.radians(a.latitude)]]
        # An anchor more than this many radians of latitude away is farther than RADIUS (the distance
        # is at least EARTH_KM x the latitude difference), with a margin for rounding: skipping it
        # changes no nearness, which is 0 beyond RADIUS.
        self.max_dlat = radius * 1.001 / EARTH_KM + 1e-9

    def nearness(self, p: Place) -> float:
        """1 for a candidate on top of the nearest anchor, falling to 0 at the radius."""
        if p.latitude is None or not self.points:
            return 0.0
        p1 = math.radians(p.latitude)
        c1, lon1, max_dlat = math.cos(p1), p.longitude, self.max_dlat
        best = None
        for p2, c2, lon2 in self.points:
            if abs(p2 - p1) > max_dlat:
                continue
            a = math.sin((p2 - p1) / 2) ** 2 + c1 * c2 * math.sin(math.radians(lon2 - lon1) / 2) ** 2
            d = 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))
            if best is None or d < best:
                best = d
        return 0.0 if best is None else max(0.0, 1.0 - best / self.radius)


def features(p: Place, candidates: tuple[Place, ...], ev: Evidence, w: Weights, *, name: str,
             own_names: set[str], kind_hint: str | None,
             near: tuple[Neighbours, Neighbours | None] | None = None) -> dict[str, float]:
    """The feature values of candidate P (unweighted, except population's log scale). NEAR: the
    (coherence, dateline) neighbours of NAME (see neighbours), when the caller has them."""
    near_anchors, near_dateline = near or neighbours(ev, name, w)
    # A county matched by its bare name counts as named when a county word follows ("Cook and DuPage
    # counties").
    county = is_county(p)
    own = p.name in own_names or (county and kind_hint == "admin") or (
        p.population >= w.short_form_population and is_short_form(p.name, own_names))
    # Context speaks for places the text calls by their own name or, for a large town, its leading words
    # (New York for New York City): another alternate name ("New York" for a hamlet in Wisconsin) is no
    # namesake the article's state or neighbours can vouch for, nor is a township for its first word.
    local = (p.kind == "city" or county) and own
    placed = p.kind in ("city", "admin") and own  # countries and regions contain the article's places
    # Nearness is evidence enough for a town or division called by an alternate name (Mount Royal, the
    # English name of Mont-Royal beside Montreal; a far hamlet alternately named "New York" is near
    # nothing), but not for one whose own name only starts with the name (Springfield Township).
    near_namesake = placed or (p.kind in ("city", "admin") and not is_short_form(p.name, own_names))
    f = {"population": math.log10(p.population + 10),
         "country_name": 1.0 if p.kind == "country" or is_city_state(p, candidates, w.city_state_km) else 0.0,
         "capital": 1.0 if p.capital else 0.0,
         "country_context": min(ev.countries.get(p.country_code, 0.0), 1.0) if p.country_code else 0.0,
         "state_context": 1.0 if local and ev.admin1.get((p.country_code, p.admin1), set()) - {name} else 0.0,
         # The dateline's point has its own feature: counted once, not again as a neighbour.
         "coherence": near_anchors.nearness(p) if near_namesake else 0.0,
         "dateline": near_dateline.nearness(p) if placed and near_dateline else 0.0,
         "kind_word": 1.0 if kind_hint and p.kind == kind_hint else 0.0,
         "region": 1.0 if p.kind == "region" else 0.0,
         "own_name": 1.0 if p.name in own_names else 0.0,
         "no_point": 1.0 if p.latitude is None else 0.0,
         "metropolis": 1.0 if p.kind == "admin" and kind_hint != "admin" and p.population and any(
             c.kind == "city" and c.country_code == p.country_code
             and (c.population >= 0.2 * p.population or c.capital) for c in candidates) else 0.0,
         "bare_county": 1.0 if county and kind_hint != "admin" and p.name not in own_names else 0.0}
    # A first-level division populated by its towns, named by its own name, and not after a metropolis.
    f["division_name"] = 1.0 if (p.kind == "admin" and p.iso_code and p.population and p.name in own_names
                                 and not f["metropolis"]) else 0.0
    return f


def is_short_form(own_name: str, names: set[str]) -> bool:
    """Whether one of NAMES is the leading words of OWN_NAME, the short form news uses for it (Frankfurt
    for Frankfurt am Main, Newcastle for Newcastle upon Tyne, New York for New York City)."""
    for n in names:  # a plain loop: asked of every candidate of every name
        if own_name.startswith(n) and own_name[len(n):len(n) + 1] == " ":
            return True
    return False


def neighbours(ev: Evidence, name: str, w: Weights) -> tuple[Neighbours, Neighbours | None]:
    """The anchors NAME's candidates are measured against: the other anchors (coherence) and the
    dateline's place (counted once, not again as a neighbour)."""
    return (Neighbours([a for a in ev.anchors if a != ev.dateline], name, w.coherence_km),
            Neighbours([ev.dateline], name, w.coherence_km) if ev.dateline else None)


def cluster_towns(towns_by_name: dict[str, list[Place]], radius: float, share: float,
                  placed: list[Anchor] | tuple[Anchor, ...] = ()) -> dict[str, Place]:
    """The towns the article's ambiguous town names lend each other as anchors: for each name with
    several towns of its own name, the town that the most of the article's other names have a town
    near (within RADIUS km), or an already PLACED toponym, when at least one has; ties go to the
    larger town. "Portland" beside "Bangor" and "Augusta" is Portland, Maine, because each has a town
    in Maine: no name alone says so, the names together do (document coherence, as geoparsers resolve
    toponyms jointly). The ranking weighs a candidate's nearness to these as it does nearness to
    confident anchors, so a town much larger than its namesakes still wins unless the article's other
    places stand by the smaller. Only a town with at least SHARE of the population of its name's
    largest is lent; all towns support."""
    bands = _latitude_bands(towns_by_name, placed, radius)
    out = {}
    for name in sorted(towns_by_name):
        towns = towns_by_name[name]
        if len(towns) < 2:
            continue
        best, largest = None, max(p.population for p in towns)
        for p in towns:
            if p.population < share * largest:
                continue
            support = _names_near(p, name, bands, radius)
            if support and (best is None or (support, p.population) > best[0]):
                best = ((support, p.population), p)
        if best is not None:
            out[name] = best[1]
    return out


def _latitude_bands(towns_by_name: dict[str, list[Place]], placed, radius: float) -> tuple[float, dict]:
    """The width in degrees of a band of latitude RADIUS km wide, and (name, latitude, longitude) of
    every town and placed anchor by band: a point farther than RADIUS from a town lies in no band
    next to the town's own, so only three bands are measured."""
    width = radius / (EARTH_KM * math.pi / 180)
    bands: dict[int, list[tuple]] = {}
    points = [(name, p.latitude, p.longitude) for name, towns in towns_by_name.items() for p in towns]
    points += [(a.name, a.latitude, a.longitude) for a in placed]
    for point in points:
        bands.setdefault(math.floor(point[1] / width), []).append(point)
    return width, bands


def _names_near(p: Place, name: str, banded: tuple[float, dict], radius: float) -> int:
    """How many names other than NAME have a town or anchor within RADIUS km of P."""
    width, bands = banded
    band = math.floor(p.latitude / width)
    near = set()
    for b in (band - 1, band, band + 1):
        for other, lat, lon in bands.get(b, ()):
            if other != name and other not in near and km(p.latitude, p.longitude, lat, lon) <= radius:
                near.add(other)
    return len(near)


def score(f: dict[str, float], w: Weights) -> float:
    """The weighted sum of the features F (in features()' order, FEATURE_ORDER: the same products
    added in the same order as a sum over F's items)."""
    return sum(map(mul, w.in_feature_order, f.values()))


def is_city_state(p: Place, candidates: tuple[Place, ...], radius: float) -> bool:
    """Whether P is the capital of a country of the same name that is hardly larger than the town
    (Singapore, Monaco, Luxembourg): the country's name then means the town as much as the country,
    and the town's point is the finer one."""
    return p.kind == "city" and p.capital and p.latitude is not None and any(
        c.kind == "country" and c.country_code == p.country_code and c.latitude is not None
        and km(p.latitude, p.longitude, c.latitude, c.longitude) <= radius for c in candidates)


def rank(candidates: tuple[Place, ...] | list[Place], ev: Evidence | None = None, *,
         weights: Weights | None = None, kind_hint: str | None = None, name: str | None = None,
         own_names: set[str] | None = None) -> tuple[Place | None, str | None]:
    """The best candidate and the evidence that chose it (resolved_by), or (None, None)."""
    if not candidates:
        return None, None
    ev = ev or Evidence()
    weights = weights or default_weights()
    candidates = tuple(candidates)
    own = own_names if own_names is not None else ({name} if name else set())
    near = neighbours(ev, name, weights) if name else None  # without a name, each candidate's own
    scored = [(score(f, weights), -n, p, f) for n, p in enumerate(candidates)
              for f in [features(p, candidates, ev, weights, name=name or p.name, own_names=own,
                                 kind_hint=kind_hint, near=near)]]
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    best = scored[0]
    if len(scored) == 1:
        return best[2], "only-candidate"
    return best[2], deciding_feature(best[3], scored[1][3], weights)


def deciding_feature(winner: dict[str, float], runner_up: dict[str, float], w: Weights) -> str:
    """The feature whose weighted difference most favours the winner over the runner-up."""
    diffs = {k: getattr(w, k) * (winner[k] - runner_up[k]) for k in winner}
    key = max(diffs, key=lambda k: (diffs[k], k))
    return FEATURE_NAMES[key] if diffs[key] > 0 else "population"
