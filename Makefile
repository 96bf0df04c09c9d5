# The README's commands. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus/seeds.jsonl
OUT ?= out
DB ?= sqlite:///$(OUT)/sitrep.db

.PHONY: install demo test lint eval bench clean

$(BIN)/sitrep: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/sitrep

demo: install
	mkdir -p $(OUT)
	$(BIN)/sitrep run $(CORPUS) --db $(DB) --report-html $(OUT)/report.html

lint: install
	$(BIN)/ruff check src tests scripts

test: install lint
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python scripts/eval_all.py

bench: install
	$(BIN)/sitrep bench --docs 200

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info src/*.egg-info
