# Two commands on a fresh machine: `make demo` and `make test`. Everything else hangs off them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint typecheck pytest bench bench-scale bench-serve eval eval-timeline clean install

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/veille demo examples

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

bench-scale: $(STAMP)
	$(BIN)/python scripts/bench_scale.py

bench-serve: $(STAMP)
	$(BIN)/python scripts/bench_serve.py

eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py --shared $(SHARED) --readme README.md
	$(BIN)/python scripts/eval_timeline.py --shared $(SHARED)

eval-timeline: $(STAMP)
	$(BIN)/python scripts/eval_timeline.py --shared $(SHARED)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
