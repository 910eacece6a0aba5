package quality

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// axeRun runs axe-core's rules for WCAG 2.0 and 2.1, levels A and AA, on
// the whole document and keeps the violations.
const axeRun = `axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
  resultTypes: ["violations"],
}).then((r) => r.violations.map((v) => ({
  id: v.id, impact: v.impact || "", help: v.help,
  nodes: v.nodes.map((n) => n.target.join(" ")),
})))`

type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

func (v axeViolation) problem(page string) Problem {
	nodes := v.Nodes
	more := ""
	if len(nodes) > 3 {
		nodes, more = nodes[:3], fmt.Sprintf(" and %d more", len(v.Nodes)-3)
	}
	return Problem{page, "axe", fmt.Sprintf("%s (%s): %s: %s%s", v.ID, v.Impact, v.Help, strings.Join(nodes, ", "), more)}
}

// runAxe injects axe-core (read from disk by NewBrowser, so no request
// leaves the machine) into the page and runs it.
func (b *Browser) runAxe(tab context.Context) ([]axeViolation, error) {
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	return chromedp.Run(tab, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
}
