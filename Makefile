# The README's two commands: `make demo` and `make test`. Everything else is a helper.
PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test serve install lint format screenshots

# The demo runs in development mode; DEBUG is given to these commands only, never written
# into .env, so a later production start in the same checkout runs with DEBUG off.
demo: install
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py load_demo
	@echo "Starting the newsroom on http://127.0.0.1:8000/ (Ctrl+C stops it)"
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

test: install
	./scripts/test

# Production: DEBUG off, gunicorn on 127.0.0.1:8000 (needs SECRET_KEY and ALLOWED_HOSTS).
serve: install
	./scripts/serve

install: $(VENV)/.installed .env

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# A .env with a fresh secret key (and nothing else: DEBUG is never written here).
.env:
	@printf 'SECRET_KEY=dev-%s\n' "$$($(PYTHON_SYSTEM) -c 'import secrets; print(secrets.token_urlsafe(40))')" > $@
	@echo "Wrote .env with a new SECRET_KEY."

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
