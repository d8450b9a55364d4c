# The two commands: `make run` (set up, then extract corpus/ into out/) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test golden fuzz models index bench clean

# Every make target that runs the extractor installs first, and then compiles its modules to
# bytecode: an editable install is not compiled by pip, and where PYTHONDONTWRITEBYTECODE is set
# (as on the development machines) Python would compile its 64 modules again in every process,
# 0.3 s of CPU of each run's start-up on a loaded 2-core machine (issue 19). compileall skips what is up to date.
install: $(STAMP)
	@$(BIN)/python -m compileall -q extractor

# Re-install only when the project's dependencies change.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# The report is written even when some articles failed (it lists them); `make run` still fails then.
run: install
	$(BIN)/extractor run corpus/ -o out/ --overwrite; status=$$?; \
	$(BIN)/extractor report out/ -o out/report.html && exit $$status

test: install
	$(BIN)/python -m pytest

# Rewrite the expected rows of the golden test (tests/golden/*.csv) from a fresh run of corpus/:
# after a change that is meant to change rows; review the diff before committing it.
golden: install
	$(BIN)/python -m tests.test_golden

# The fuzz test's long profile (2,000 arbitrary texts through extract()); `make test` runs 40.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py

# Regenerate the gazetteer and other generated data under models/ from the installed packages.
models: install
	$(BIN)/python -m pip install --quiet -e ".[build]"
	$(BIN)/python -m extractor.build
	$(MAKE) index

# The prebuilt place index (models/gazetteer/places.index) from places.tsv.gz and countries.tsv: loads
# in a tenth of the time of building it from the TSV. Run after any change to those files or to how
# the index is built (tests/test_place_index.py says when it is stale; a stale one is ignored).
# And the dates grammar's pattern readings (models/dates/readings.json, normalize/pattern_readings.py):
# after a change to models/dates/ or triggers.py (tests/test_pattern_readings.py says when stale).
index: install
	$(BIN)/python -c "from extractor.normalize.gazetteer import write_place_index; print(write_place_index())"
	$(BIN)/python -c "from extractor.normalize.timex import write_pattern_readings; print(write_pattern_readings())"

clean:
	rm -rf out/ .pytest_cache/ build/ *.egg-info

# Words/s of `extractor run` (1 worker, every table written) beside plain en_core_web_sm nlp.pipe, per
# kind of text (dev texts of ../shared/data, corpus/, generated local news), each component's share,
# 2 workers vs 1, peak memory and start-up; CPU time, so that other programs move it little.
# Options: BENCH_ARGS="--words 40000 --repeat 2" (python -m extractor.benchmark --help).
bench: install
	$(BIN)/python -m extractor.benchmark $(BENCH_ARGS)
