# ALIS-Nord. `make` builds public/ from the repo's own content; `make test`
# runs every test. Prerequisites: Go, Node.js/npm (to fetch ECharts once).

GO      ?= go
ECHARTS := .cache/echarts/echarts.min.js

.PHONY: all build check test echarts fuzz clean

all: build

build: $(ECHARTS)
	$(GO) run ./generator build

check: $(ECHARTS)
	$(GO) run ./generator check

test: $(ECHARTS)
	$(GO) vet ./...
	$(GO) test ./...

echarts: $(ECHARTS)

$(ECHARTS): generator/chart/fetch-echarts.sh
	bash generator/chart/fetch-echarts.sh .cache/echarts

clean:
	rm -rf public .cache
