# The README's two commands: `make demo` and `make test`. Everything else is a helper.
PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test install lint format screenshots

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Starting the newsroom on http://127.0.0.1:8000/ (Ctrl+C stops it)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	./scripts/test

install: $(VENV)/.installed .env

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# A development .env with a fresh secret key; production sets real environment variables.
.env:
	@printf 'DEBUG=true\nSECRET_KEY=dev-%s\n' "$$($(PYTHON_SYSTEM) -c 'import secrets; print(secrets.token_urlsafe(40))')" > $@
	@echo "Wrote a development .env (DEBUG=true)."

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
