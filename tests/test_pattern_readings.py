"""The dates grammar's kept pattern readings (models/dates/readings.json, `make index`): used only for
the very patterns and triggers.py they were read from, and then the same readings as reading the
parse trees again."""
from __future__ import annotations

import re

from extractor.normalize import pattern_readings as pr
from extractor.normalize.timex import Grammar, load_grammar
from extractor.resources import models_dir


def test_shipped_readings_are_those_of_the_shipped_grammar():
    # Fails after models/dates/ or triggers.py changed: run `make index` (a run is still right
    # then, only slower to start: each stale pattern is read again at load).
    kept = pr.load_readings(models_dir() / pr.READINGS_FILE)
    grammar = load_grammar()
    assert kept, "stale or missing models/dates/readings.json: run `make index`"
    missing = [p.id for p in grammar.patterns if pr.pattern_key(p.regex) not in kept]
    assert not missing, f"patterns without kept readings: {missing}: run `make index`"
    for p in grammar.patterns:
        assert kept[pr.pattern_key(p.regex)] == pr.read_pattern(p.regex), p.id


def test_a_grammar_with_kept_readings_equals_one_that_reads_them(tmp_path):
    kept = pr.load_readings(models_dir() / pr.READINGS_FILE)
    with_kept = load_grammar()
    g = with_kept
    fresh = Grammar(g.lex, [], g.numbers, g.number_lex)  # then the same patterns, read anew
    fresh.patterns = g.patterns
    readings = pr.readings_of([p.regex for p in g.patterns], {})
    fresh.use_triggers([r.found for r in readings], [r.required for r in readings])
    assert kept
    assert (g.triggers, g.required, g.window_triggers) == (fresh.triggers, fresh.required, fresh.window_triggers)
    assert g.reach == [r.reach for r in readings]
    assert g.side_reach == [r.side for r in readings]


def test_readings_survive_the_file_and_a_changed_pattern_is_read_again(tmp_path):
    regexes = [re.compile(r"(?<!\w)(?:(?:early|late)\s+(?:january|june))"), re.compile(r"(?<!\w)(?:\d+\s+days?)")]
    path = pr.write_readings(tmp_path / "readings.json", regexes)
    kept = pr.load_readings(path)
    assert [kept[pr.pattern_key(r)] for r in regexes] == [pr.read_pattern(r) for r in regexes]
    changed = re.compile(r"(?<!\w)(?:\d+\s+weeks?)")
    assert pr.pattern_key(changed) not in kept
    assert pr.readings_of([changed], kept) == [pr.read_pattern(changed)]


def test_readings_of_another_triggers_py_are_not_used(tmp_path, monkeypatch):
    regexes = [re.compile(r"(?<!\w)(?:\d+\s+days?)")]
    path = pr.write_readings(tmp_path / "readings.json", regexes)
    assert pr.load_readings(path)
    monkeypatch.setattr(pr, "code_digest", lambda: "another")
    assert pr.load_readings(path) == {}
    assert pr.load_readings(tmp_path / "missing.json") == {}
