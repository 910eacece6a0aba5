# ALIS-Nord. `make` builds public/ from the repo's own content; `make test`
# runs every test. Prerequisites: Go, Node.js/npm (to fetch ECharts once).

GO      ?= go
ECHARTS := .cache/echarts/echarts.min.js

.PHONY: all build check test echarts fuzz bench clean

all: build

build: $(ECHARTS)
	$(GO) run ./generator build

check: $(ECHARTS)
	$(GO) run ./generator check

FUZZTIME ?= 4s
FUZZ_TARGETS := FuzzSplitFrontMatter FuzzParseArticle FuzzLoadData FuzzIndexTOML

test: $(ECHARTS)
	$(GO) vet ./...
	$(GO) test ./...
	$(MAKE) --no-print-directory fuzz

# Each fuzz target runs for FUZZTIME (make fuzz FUZZTIME=5m for a long run).
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz $$t ($(FUZZTIME))"; \
		out=$$($(GO) test ./generator/site -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s 2>&1) || { echo "$$out"; exit 1; }; \
	done

# Times full builds of a synthetic corpus (generator/bench), beside Hugo when
# a hugo binary is on PATH or in $(go env GOPATH)/bin. Not part of make test.
BENCH_N    ?= 1000,10000
BENCH_RUNS ?= 3

bench: $(ECHARTS)
	$(GO) run ./generator/bench -n $(BENCH_N) -runs $(BENCH_RUNS)

echarts: $(ECHARTS)

$(ECHARTS): generator/chart/fetch-echarts.sh
	bash generator/chart/fetch-echarts.sh .cache/echarts

clean:
	rm -rf public .cache
