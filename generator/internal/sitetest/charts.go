package sitetest

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"alisnord/generator/chart"
	"alisnord/generator/output"
)

// StubBundle stands in for echarts.min.js: it defines the little of
// ECharts that the harness calls, and draws one mark per data item, as
// ECharts' SVG renderer marks them, so the renderer's checks pass. Its
// drawings are synthetic and say nothing about the data.
const StubBundle = `(function (g) {
  'use strict';
  function marks(option) {
    var out = [], series = option.series || [];
    if (!Array.isArray(series)) { series = [series]; }
    series.forEach(function (s, i) {
      (s.data || []).forEach(function (d, j) {
        out.push('<path d="M0 0h1v1z" fill="#000" ecmeta_ssr_type="chart" ecmeta_series_index="' +
          i + '" ecmeta_data_index="' + j + '"/>');
      });
    });
    return out.join('');
  }
  g.echarts = {
    setPlatformAPI: function () {},
    registerMap: function () {},
    init: function (dom, theme, opts) {
      var option = {};
      var svg = function () {
        return '<svg xmlns="http://www.w3.org/2000/svg" width="' + opts.width + '" height="' + opts.height + '">' +
          marks(option) + '</svg>';
      };
      return {
        setOption: function (o) { option = o; },
        renderToSVGString: svg,
        getZr: function () { return { painter: { renderToString: svg } }; },
        dispose: function () {}
      };
    }
  };
})(globalThis);
`

// BundleFile writes StubBundle to a temporary file and returns its path,
// for code that loads the bundle from disk (the dev server, the command).
func BundleFile(t testing.TB) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "echarts.min.js")
	if err := os.WriteFile(p, []byte(StubBundle), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Charts is the chart renderer for tests: the real chart.Renderer over
// StubBundle, keeping its drawings in a chart store in a temporary folder
// as a build does. It can fail charts as ECharts would (Script) or refuse
// a category as the chart code would (BadCategory), and it keeps the last
// spec drawn under each ID (Specs).
type Charts struct {
	// Script fails the spec with this ID with the message, as a
	// JavaScript exception would.
	Script map[string]string
	// BadCategory, when set, is a category name every spec showing it
	// fails on, at that category.
	BadCategory string

	r     *chart.Renderer
	store string // the chart store's folder
	mu    sync.Mutex
	specs map[string]chart.Spec
}

// NewCharts returns a Charts whose store is a new temporary folder.
func NewCharts(t testing.TB) *Charts {
	t.Helper()
	r, err := chart.NewRenderer([]byte(StubBundle), 2)
	if err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(t.TempDir(), "charts")
	r.UseStore(output.NewCache(store))
	return &Charts{r: r, store: store, specs: map[string]chart.Spec{}}
}

// Render draws specs with the real renderer, then fails those Script and
// BadCategory name, each reported once, in spec order.
func (c *Charts) Render(specs []chart.Spec) ([]string, error) {
	c.mu.Lock()
	for _, s := range specs {
		c.specs[s.ID] = s
	}
	c.mu.Unlock()
	out, err := c.r.Render(specs)
	var failed chart.Errors
	if err != nil && !errors.As(err, &failed) {
		return out, err
	}
	for i, s := range specs {
		if slices.ContainsFunc(failed, func(e *chart.Error) bool { return e.Index == i }) {
			continue
		}
		if msg, ok := c.Script[s.ID]; ok {
			failed = append(failed, &chart.Error{ID: s.ID, Index: i, Category: -1, Msg: msg})
		} else if j := slices.Index(s.Categories, c.BadCategory); c.BadCategory != "" && j >= 0 {
			failed = append(failed, &chart.Error{ID: s.ID, Index: i, Category: j, Msg: fmt.Sprintf("kategori %d kan ikke tegnes", j)})
		}
	}
	if len(failed) == 0 {
		return out, nil
	}
	slices.SortFunc(failed, func(a, b *chart.Error) int { return a.Index - b.Index })
	return out, failed
}

// Specs returns the last spec drawn under each ID.
func (c *Charts) Specs() map[string]chart.Spec {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.specs)
}
