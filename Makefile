# ALIS-Nord. `make` builds public/ from the repo's own content; `make test`
# runs every test. Prerequisites: Go, Node.js/npm (to fetch ECharts once).

GO      ?= go
ECHARTS := .cache/echarts/echarts.min.js

.PHONY: all build check serve test echarts fuzz bench-serve clean

all: build

build: $(ECHARTS)
	$(GO) run ./generator build

check: $(ECHARTS)
	$(GO) run ./generator check

# The dev server: builds into memory (never public/), shows drafts and
# future posts, rebuilds on every save and reloads the browser.
ADDR ?= 127.0.0.1:1313
serve: $(ECHARTS)
	$(GO) run ./generator serve -addr $(ADDR)

# Edit-to-reload time of the dev server on 10,000 synthetic articles.
bench-serve: $(ECHARTS)
	$(GO) test ./generator/serve -run '^$$' -bench BenchmarkEditToReload -benchtime 1x -timeout 10m -v

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

echarts: $(ECHARTS)

$(ECHARTS): generator/chart/fetch-echarts.sh
	bash generator/chart/fetch-echarts.sh .cache/echarts

clean:
	rm -rf public .cache
