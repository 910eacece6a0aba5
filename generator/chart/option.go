package chart

import (
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// optionHook, when set (tests only), may modify a bar chart before its
// option is serialised. It lets tests plant faults that validation would
// reject.
var optionHook func(bar *charts.Bar)

// Option returns the ECharts option JSON built for a spec. All strings in it
// are plain data: it contains no JavaScript functions, and "<", ">" and "&"
// are escaped as \u003c etc., so it may be embedded in a <script> block.
// Renderer.Render additionally localises value-axis numbers (Norwegian
// format), which a plain JSON option cannot express.
func Option(s Spec) ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	var built any
	if s.Kind == Map {
		built = mapOption(s)
	} else {
		bar := barOption(s)
		if optionHook != nil {
			optionHook(bar)
		}
		built = bar.JSON()
	}
	out, err := json.Marshal(built)
	if err != nil {
		return nil, specError(s, "kan ikke kode innstillingene: %v", err)
	}
	return out, nil
}

// commonOptions are the global options of every go-echarts chart: our
// palette (go-echarts emits it under its default theme, "white"), a static
// chart (no animation, tooltip or toolbox) and ARIA decals, so that no
// meaning rests on colour alone.
func commonOptions() []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithColorsOpts(Palette),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(false)}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
		}),
	}
}
