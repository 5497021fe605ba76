# SiKerja — two commands: `make demo` (set up, build a demo region, serve) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := sikerja.config.settings

.PHONY: demo test test-pg test-browser lint venv dev-venv serve bench clean messages

$(VENV)/.installed: requirements.txt constraints.txt
	@scripts/system-deps.sh app
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip >/dev/null
	@$(PY) -m pip install -q -r requirements.txt -c constraints.txt
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	@$(PY) -m pip install -q -r requirements-dev.txt -c constraints.txt
	@touch $@

venv: $(VENV)/.installed
dev-venv: $(VENV)/.dev-installed

demo: venv
	@mkdir -p var
	@$(PY) manage.py migrate --noinput -v0
	@$(PY) manage.py seed_demo --if-missing --quiet --slug teluk-damai --name "Kabupaten Teluk Damai" \
		--profile barito-utara --employees 400 --seed 7 --user-prefix telukdamai
	@$(PY) manage.py seed_demo --if-missing
	@echo "SiKerja berjalan di http://127.0.0.1:$(PORT)/  (hentikan dengan Ctrl+C)"
	@# The background worker (e-mail printed to this console) runs beside the server and stops with it.
	@export SIKERJA_DEMO=1 SIKERJA_PUBLIC_URL=$${SIKERJA_PUBLIC_URL:-http://127.0.0.1:$(PORT)}; \
		$(PY) manage.py sikerja_worker --no-reload -v0 & WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT) --noreload

lint: dev-venv
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check . >/dev/null || echo "ruff format: beberapa berkas belum diformat (tidak menggagalkan)"

# The whole suite, browser tests included, on SQLite (or on DATABASE_URL when set).
test: dev-venv
	@scripts/system-deps.sh test
	@$(VENV)/bin/ruff check .
	@$(PY) manage.py makemigrations --check --dry-run -v0 || (echo "Ada perubahan model tanpa migrasi." && exit 1)
	@$(PY) -m pytest --create-db $(PYTEST_ARGS)

# The suite without browser tests, on the PostgreSQL server of DATABASE_URL (default: local).
test-pg: dev-venv
	@DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sikerja} $(PY) -m pytest --create-db -m "not browser" $(PYTEST_ARGS)

# The English catalogue (PLT-5): extract (needs GNU gettext), translate the new msgstr in
# sikerja/locale/en/LC_MESSAGES/django.po, run again to write the committed django.mo (stdlib only).
messages: venv
	@$(PY) manage.py makemessages -l en --no-location --no-obsolete \
		--ignore ".venv/*" --ignore "var/*" --ignore "*/tests/*" --ignore "tests/*" --ignore "docs/*" --ignore "scripts/*"
	@$(PY) scripts/compile_messages.py

bench: venv
	@mkdir -p var
	@DATABASE_URL=$${DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py migrate --noinput -v0
	@DATABASE_URL=$${DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py bench_org $(BENCH_ARGS)
	@DATABASE_URL=$${DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py bench_assignments $(BENCH_ARGS)
	@$(PY) manage.py bench_sop $(BENCH_ARGS)
	@$(PY) manage.py bench_bpmn --elements 500
	@DATABASE_URL=$${DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py bench_kinerja $(BENCH_ARGS)
	@DATABASE_URL=$${DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py bench_execution $(BENCH_ARGS)
	@DATABASE_URL=$${DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py bench_pages $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache
