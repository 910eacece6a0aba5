# ALIS-Nord. `make` builds public/ from the repo's own content; `make test`
# runs every test. Prerequisites: Go, Node.js/npm (to fetch ECharts and the
# pinned test tools once); for the quality gate also Chromium and Java
# (without them it prints a loud SKIP locally, and fails with CI=true).

GO      ?= go
ECHARTS := .cache/echarts/echarts.min.js
SEARCH       := generator/search
SEARCH_TOOLS := $(SEARCH)/node_modules/.package-lock.json

.PHONY: all build check serve test quality quality-tools search-tools echarts fuzz bench bench-serve clean pdf bundle

all: build

# The site search: Pagefind indexes the staged build before it replaces
# public/ (generator/search; the index goes in the manifest).
build: $(ECHARTS) $(SEARCH_TOOLS)
	$(GO) run ./generator build -search

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
# package:target, for each fuzz target of make fuzz.
FUZZ := site:FuzzSplitFrontMatter site:FuzzParseArticle site:FuzzLoadData site:FuzzIndexTOML site:FuzzDecodeOnce \
	photo:FuzzOrientation markdown:FuzzConvert chart:FuzzFinishBody \
	markdown:FuzzPlainParse render/program:FuzzEscapers render/program:FuzzProgram \
	site:FuzzQuickFrontMatter site:FuzzCleanText render:FuzzFromSiteRoot markdown:FuzzPlainWriter render:FuzzEscapeXMLText render:FuzzAttrLinks \
	site:FuzzSlugify render:FuzzFirstParagraph

QUALITY       := generator/quality
QUALITY_TOOLS := $(QUALITY)/node_modules/.package-lock.json

test: $(ECHARTS) $(QUALITY_TOOLS) $(SEARCH_TOOLS)
	$(GO) vet ./...
	$(GO) test $$($(GO) list ./... | grep -v '/$(QUALITY)$$')
	$(MAKE) --no-print-directory quality
	$(MAKE) --no-print-directory fuzz

# The quality gate: the built site in headless Chromium (axe-core, charts,
# links, focus, zoom), the Nu HTML Checker, the third-party scan, and a
# planted fault for each check. Never cached; prints a QUALITY line per check.
quality: $(ECHARTS) $(QUALITY_TOOLS) $(SEARCH_TOOLS)
	@out=$$(mktemp); status=0; \
	$(GO) test -count=1 -v ./$(QUALITY) >"$$out" 2>&1 || status=$$?; \
	grep -v -E '^(=== (RUN|PAUSE|CONT)|    --- PASS)' "$$out"; rm -f "$$out"; exit $$status

# axe-core and vnu-jar at the versions in package-lock.json. No install
# scripts: vnu-jar's would download a Java; we use the machine's.
quality-tools: $(QUALITY_TOOLS)

$(QUALITY_TOOLS): $(QUALITY)/package.json $(QUALITY)/package-lock.json
	npm ci --prefix $(QUALITY) --ignore-scripts --no-audit --no-fund

# Each fuzz target runs for FUZZTIME (make fuzz FUZZTIME=5m for a long run).
# Go 1.26's fuzz coordinator can fail a target with a bare "context deadline
# exceeded" when FUZZTIME runs out while a worker is busy (golang/go#75804,
# fixed in Go 1.27): nothing was found, and no input was written. Such a run
# is made once more. A real finding writes its input to testdata/fuzz and
# fails at once.
fuzz:
	@for spec in $(FUZZ); do \
		pkg=$${spec%%:*}; t=$${spec#*:}; \
		for try in 1 2; do \
			echo "fuzz $$t ($(FUZZTIME))"; \
			out=$$($(GO) test ./generator/$$pkg -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s 2>&1) && break; \
			if [ $$try = 1 ] && echo "$$out" | grep -q 'context deadline exceeded' && ! echo "$$out" | grep -q 'Failing input written'; then \
				echo "fuzz $$t: Go's fuzz coordinator stopped on its own deadline with nothing found (golang/go#75804); once more"; \
				continue; \
			fi; \
			echo "$$out"; exit 1; \
		done; \
	done

# Pagefind at the version in generator/search/package-lock.json (npm ci
# checks its integrity); the native program comes in the platform package
# @pagefind/linux-x64. No install scripts are needed.
search-tools: $(SEARCH_TOOLS)

$(SEARCH_TOOLS): $(SEARCH)/package.json $(SEARCH)/package-lock.json
	npm ci --prefix $(SEARCH) --ignore-scripts --no-audit --no-fund

# Conference material. make pdf prints the fact sheet and the slides with
# headless Chromium (only this target needs a browser); make bundle zips the
# site for reading offline from file:// (a USB stick). The PDFs are added to
# public/.alisnord-manifest, so the next build may replace them.
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --no-pdf-header-footer
PDF_DOCS := konferanse/faktaark konferanse/lysbilder

pdf: build
	@if [ -z "$(CHROMIUM)" ]; then echo "SKIP make pdf: fant ikke Chromium (apt-get install chromium)"; exit 0; fi; \
	profile=$$(mktemp -d); trap 'rm -rf "$$profile"' EXIT; \
	for doc in $(PDF_DOCS); do \
		"$(CHROMIUM)" $(CHROMIUM_FLAGS) --user-data-dir="$$profile" --print-to-pdf="public/$$doc.pdf" \
			"file://$(CURDIR)/public/$$doc/index.html" >/dev/null 2>&1 || { echo "make pdf: Chromium kunne ikke skrive ut $$doc"; exit 1; }; \
		echo "skrev public/$$doc.pdf"; \
	done; \
	{ cat public/.alisnord-manifest; for doc in $(PDF_DOCS); do echo "$$doc.pdf"; done; } | LC_ALL=C sort -u >"$$profile/manifest" && \
	cp "$$profile/manifest" public/.alisnord-manifest

bundle: $(ECHARTS)
	$(GO) run ./generator bundle

# Times full builds of a synthetic corpus (generator/bench), beside Hugo when
# a hugo binary is on PATH or in $(go env GOPATH)/bin. Not part of make test.
BENCH_N    ?= 1000,10000
BENCH_RUNS ?= 3
BENCH_PHOTOS ?= 100

bench: $(ECHARTS)
	$(GO) run ./generator/bench -n $(BENCH_N) -runs $(BENCH_RUNS) -photos $(BENCH_PHOTOS)

echarts: $(ECHARTS)

$(ECHARTS): generator/chart/fetch-echarts.sh
	bash generator/chart/fetch-echarts.sh .cache/echarts

clean:
	rm -rf public .public.spare .cache $(QUALITY)/node_modules $(SEARCH)/node_modules
