"""What the dates grammar reads off each of its regexes before it searches a text (triggers.py: the
triggers, the required trigger sets, the reach and the side reach), kept in models/dates/readings.json
so that a run does not work them out again at every start-up.

Reading the parse trees of the grammar's ~76 patterns took about 0.3 s of CPU of each run's start-up
(a tenth of the time to the first article). They are pure functions of a pattern's source and flags
and of triggers.py, so the file holds them by a digest of the pattern, under a digest of
triggers.py: a pattern whose source changed, or every pattern after triggers.py changed, is read
again at load (the same answer, only slower to start), and `make index` writes the file anew
(tests/test_pattern_readings.py says when it is stale)."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import triggers as tr

READINGS_FILE = "dates/readings.json"
_FORMAT = "pattern-readings 1"


@dataclass(frozen=True)
class Reading:
    """A pattern's readings, as Grammar keeps them (see Grammar.use_triggers and Grammar.windows)."""
    found: frozenset[str] | None                       # triggers(): one of them is in every match
    required: tuple[frozenset[str], ...]               # required_triggers()
    reach: int                                         # reach()
    side: dict[frozenset[str], tuple[int, int]]        # side_reach() of each trigger set it holds


def window_options(found: frozenset[str] | None,
                   required: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...] | None:
    """The trigger sets a long text may be searched around (Grammar.window_triggers)."""
    return (found, *(r for r in required if r != found)) if found is not None else None


def read_pattern(regex: re.Pattern) -> Reading:
    """The readings of REGEX, worked out from its parse tree."""
    found, required = tr.triggers(regex), tr.required_triggers(regex)
    side = {s: sides for s in window_options(found, required) or () if (sides := tr.side_reach(regex, s))}
    return Reading(found, required, tr.reach(regex), side)


def code_digest() -> str:
    """What every reading depends on besides its pattern: the source of triggers.py."""
    return hashlib.sha256(_FORMAT.encode() + Path(tr.__file__).read_bytes()).hexdigest()


def pattern_key(regex: re.Pattern) -> str:
    return hashlib.sha256(f"{regex.flags}\n{regex.pattern}".encode()).hexdigest()[:32]


def _encode(r: Reading) -> dict:
    return {"found": None if r.found is None else sorted(r.found), "required": [sorted(s) for s in r.required],
            "reach": r.reach, "side": [[sorted(s), list(sides)] for s, sides in r.side.items()]}


def _decode(d: dict) -> Reading:
    return Reading(None if d["found"] is None else frozenset(d["found"]),
                   tuple(frozenset(s) for s in d["required"]), d["reach"],
                   {frozenset(s): (sides[0], sides[1]) for s, sides in d["side"]})


def load_readings(path: Path) -> dict[str, Reading]:
    """The readings kept in PATH by pattern key; none when the file is missing, unreadable or was
    written by another triggers.py."""
    try:
        data = json.loads(path.read_text(encoding="utf8"))
        if data.get("code") != code_digest():
            return {}
        return {key: _decode(d) for key, d in data["patterns"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return {}


def readings_of(regexes: list[re.Pattern], kept: dict[str, Reading]) -> list[Reading]:
    """Each regex's readings: the kept one of its pattern, else worked out now."""
    return [kept.get(pattern_key(r)) or read_pattern(r) for r in regexes]


def write_readings(path: Path, regexes: list[re.Pattern]) -> Path:
    """Write the readings of REGEXES to PATH (sorted: the same grammar gives the same bytes)."""
    patterns = {pattern_key(r): _encode(read_pattern(r)) for r in regexes}
    lines = ",\n".join(f"{json.dumps(k)}: {json.dumps(patterns[k], sort_keys=True)}" for k in sorted(patterns))
    path.write_text(f'{{"code": {json.dumps(code_digest())},\n"patterns": {{\n{lines}\n}}}}\n', encoding="utf8")
    return path
