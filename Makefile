# Two entry points for a newcomer: `make run` (chat on the embedded defaults) and `make test`.
# torch is pinned to the CPU build and installed before anything that depends on it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup browser index run test lint format bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

index: setup
	$(BIN)/coach index

run: index
	$(BIN)/coach serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The UI tests drive Debian's Chromium; browser downloads are not possible offline.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# Every test, slow ones included (plain `pytest` skips those marked slow).
test: lint browser
	$(BIN)/python -m pytest -m ""

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
