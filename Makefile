# The two commands of the README. Each installs what is missing first.
.PHONY: run test bootstrap lint

bootstrap:
	@scripts/bootstrap.sh

# Start the reader on the bundled library (the search index is built on first run).
run: bootstrap
	.venv/bin/offline-reader $(ARGS)

lint: bootstrap
	.venv/bin/ruff format --check reader tests benchmarks scripts
	.venv/bin/ruff check reader tests benchmarks scripts
	.venv/bin/mypy --strict reader

# The whole suite: lint, types, then every test (core, ui offscreen, a11y under Xvfb).
test: lint
	.venv/bin/python -m pytest $(PYTEST_ARGS)
