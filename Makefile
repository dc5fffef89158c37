# Two entry points for newcomers: `make demo` and `make test`. Both build .venv from the hashed lock.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: demo test lab browser lock clean

$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/etkg build seeds --out out

# Browser tests drive Debian's Chromium; install it when missing (root on CI and dev machines).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

$(VENV)/.lab: requirements-lab.lock $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-lab.lock
	touch $@

lab: $(VENV)/.lab
	$(BIN)/jupyter lab notebooks

# Maintainers only: re-resolve the locks (needs uv).
lock:
	uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 --no-header -o requirements.lock
	uv pip compile pyproject.toml --extra test --extra lab --generate-hashes --python-version 3.11 --no-header -o requirements-lab.lock

clean:
	rm -rf $(VENV) out
