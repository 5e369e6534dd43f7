# The verbs people type. `make` = install, generate, build and run the demo; `make test` = the test suite.
# One document, or several (space-separated) merged into one client in order; the first one's info.x-sdk names it.
SPEC    ?= spec/openapi.yaml
SPEC_ARGS = $(foreach s,$(SPEC),--spec "$(s)")
OUT     ?= generated
# Overlay documents (space-separated) applied after SPEC's own `info.x-sdk.overlays`; spec/ lists its own.
OVERLAY ?=
OVERLAY_ARGS = $(foreach o,$(OVERLAY),--overlay "$(o)")
BASE    ?= origin/main
HEAD    ?= spec/openapi.yaml
FORMAT  ?= markdown
FAIL_ON ?= breaking
# FORCE=1: generate into a folder the generator does not own (no manifest, or another spec's); see README.
FORCE   ?=
# The generator's property-based test: `make test` runs 12 documents of a fixed seed; `make corpus` this many.
FUZZ_RUNS ?= 200
FUZZ_SEED ?= 20261202
# The exported surface of generated/, committed so a pull request's file diff shows every surface change.
API_REPORT := api-report.md
TSX     := node --import tsx

.PHONY: all install generate build check lint typecheck test watch bench diff api-report demo clean corpus

all: install generate build demo

install: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

generate: install
	$(TSX) generator/cli.ts $(SPEC_ARGS) --out "$(OUT)" $(OVERLAY_ARGS) $(if $(filter-out 0,$(FORCE)),--force)

build: install
	cd generated && npx tsc -p tsconfig.json

check: install
	$(TSX) generator/cli.ts --spec spec/openapi.yaml --out generated --check
	npx tsc -p generated/tsconfig.json --noEmit
	$(TSX) diff/api-report.ts --package generated --out $(API_REPORT) --check
	$(MAKE) -s lint

lint: install
	npx redocly lint spec/openapi.yaml --config redocly.yaml

typecheck: install
	npx tsc -p tsconfig.json

test: install lint
	npx vitest run --typecheck

watch: install
	$(TSX) generator/cli.ts $(SPEC_ARGS) --out "$(OUT)" $(OVERLAY_ARGS) --watch $(if $(filter-out 0,$(FORCE)),--force)

bench: install
	$(TSX) bench/run.ts

# Rules and the compiler check; fails when the verdict is breaking or the version did not move with it.
diff: install
	$(TSX) diff/cli.ts --base "$(BASE)" --head "$(HEAD)" --format "$(FORMAT)" --fail-on "$(FAIL_ON)" --check-version

api-report: install
	$(TSX) diff/api-report.ts --package generated --out "$(API_REPORT)"

# Public corpus (not part of `make test`): fetches pinned public specs into .cache/corpus/ on first use, then
# generates and type-checks a deterministic sample and the big specs; writes bench/CORPUS.md.
# ONLY=failing|big|<path substring>; PART=k/n runs every n-th document from the k-th (results are merged).
corpus: install
	$(TSX) corpus/run.ts $(if $(ONLY),--only "$(ONLY)") $(if $(PART),--part "$(PART)") $(if $(SAMPLE),--sample "$(SAMPLE)")
	FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SEED=$(FUZZ_SEED) npx vitest run test/generator/fuzz

demo: install
	$(TSX) demo/run.ts

clean:
	rm -rf generated/dist .tmp
