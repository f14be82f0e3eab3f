# Manuel reproductible du diagnostic départemental — commandes.
#   make book                      construit le livre (installation comprise) dans _build/<run>/html
#   make book PARAMS=params/X.yaml construit le livre d'un autre département
#                                  (seuls les chapitres dont les entrées ont changé sont réexécutés ;
#                                  make book TOUT=1 les réexécute tous)
#   make pdf                       construit le livre et imprime la restitution et le kit du guide en PDF
#   make data                      régénère le monde synthétique (data/synthetic/)
#   make modeles                   réécrit book/modeles/ et les colonnes du chapitre « Réutiliser »
#   make test                      lance les tests
PARAMS ?= params/pas-de-calais.yaml
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installe
DEV_STAMP := $(VENV)/.installe-dev
# pip's notes about this machine's absent local mirrors are noise; a failing pip still fails.
QUIET_PIP := 2>&1 | { grep -v "^WARNING: Location" || true; }
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c

.PHONY: book pdf data modeles test env browser lock clean

book: $(STAMP)
	$(BIN)/diagnostic run --params $(PARAMS) $(if $(TOUT),--tout)

pdf: $(STAMP) browser
	$(BIN)/diagnostic run --params $(PARAMS) --pdf $(if $(TOUT),--tout)

# The synthetic worlds, regenerated identically: the default one (data/synthetic/) and the
# Maine-et-Loire example's (data/exemple-49/).
data: $(STAMP)
	$(BIN)/diagnostic synth --params params/pas-de-calais.yaml
	$(BIN)/diagnostic synth --params params/exemple-49.yaml

# The templates of the book (Maine-et-Loire example) and the reuse chapter's column tables,
# from the readers' models (a test checks they are up to date).
modeles: $(STAMP)
	$(BIN)/python -c "from diagnostic.scaffold import refresh_book; refresh_book()"

test: $(DEV_STAMP) browser
	$(BIN)/python -m pytest

env: $(STAMP)

# The virtual environment, from the pinned list; redone when the list or the package changes.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip $(QUIET_PIP)
	$(BIN)/python -m pip install --quiet -r requirements.txt $(QUIET_PIP)
	$(BIN)/python -m pip install --quiet --no-deps -e . $(QUIET_PIP)
	$(BIN)/python -c "import diagnostic, jupyter_book, papermill, altair, vl_convert"
	touch $(STAMP)

# The test tools, on top of the book's environment (make book does not install them).
$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt $(QUIET_PIP)
	touch $(DEV_STAMP)

# Headless Chromium, for the test that opens the built book with the network off.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Installez Chromium (paquet Debian « chromium ») pour le test hors ligne du livre."; exit 1; fi; }

# Re-resolve the pinned lists from pyproject.toml (needs the package registry): the book's
# environment in requirements.txt, the test tools added on top of it in requirements-dev.txt.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -e ".[book]"
	.venv-lock/bin/pip freeze --exclude-editable | grep -v "^diagnostic" | sort > .lock-book
	.venv-lock/bin/pip install --quiet -e ".[dev]"
	.venv-lock/bin/pip freeze --exclude-editable | grep -v "^diagnostic" | sort > .lock-dev
	{ echo "# Pinned environment (lock file): every package and version, resolved from pyproject.toml."; \
	  echo "# Regenerate with: make lock"; cat .lock-book; } > requirements.txt
	{ echo "# Pinned test tools (lock file), installed by \`make test\` on top of requirements.txt."; \
	  echo "# Regenerate with: make lock"; comm -13 .lock-book .lock-dev; } > requirements-dev.txt
	rm -rf .venv-lock .lock-book .lock-dev

clean:
	rm -rf _build notebooks/sorties
