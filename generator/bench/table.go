package main

import (
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// printTable prints one row per corpus size and tool, with our/Hugo
// ratios on our rows when Hugo was measured at that size.
func printTable(w io.Writer, results []result, runs int, hugo string, noHugo bool) {
	fmt.Fprintf(w, "\nFullt bygg av syntetisk korpus: median av %d bygg etter én oppvarming (%s/%s, %d kjerner)\n",
		runs, runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	switch {
	case hugo != "":
		fmt.Fprintf(w, "Hugo: %s\n", hugoVersion(hugo))
	case noHugo:
		fmt.Fprintln(w, "Hugo: ikke målt (-nohugo)")
	default:
		fmt.Fprintln(w, "Hugo: ikke funnet (go install github.com/gohugoio/hugo@v0.165.0 for å sammenligne)")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "N\tverktøy\tsider\tfiler\tfigurer\tvegg (min–maks)\tCPU\tmaks RSS\tvegg/Hugo\tRSS/Hugo\t")
	byKey := map[string]result{}
	for _, r := range results {
		byKey[fmt.Sprint(r.n, r.tool)] = r
	}
	for _, r := range results {
		m, lo, hi := r.median()
		wallRatio, rssRatio := "", ""
		if h, ok := byKey[fmt.Sprint(r.n, "hugo")]; ok && r.tool != "hugo" {
			hm, _, _ := h.median()
			wallRatio = fmt.Sprintf("%.2f×", m.wall.Seconds()/hm.wall.Seconds())
			if hm.rss > 0 {
				rssRatio = fmt.Sprintf("%.2f×", float64(m.rss)/float64(hm.rss))
			}
		}
		charts := "–"
		if r.tool != "hugo" {
			charts = fmt.Sprint(r.charts)
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\t%s (%s–%s)\t%s\t%s\t%s\t%s\t\n", r.n, r.tool, r.pages, r.files, charts,
			secs(m.wall), secs(lo), secs(hi), secs(m.cpu), mib(m.rss), wallRatio, rssRatio)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nalisnord: hele sidesettet (saker, lister, emner, strøm, områder og deltakere med figurer, N/250 områder opptil 20, N/10 deltakere opptil 600), bygget inn i en ny, tom mappe.")
	fmt.Fprintln(w, "alisnord-gjenbygg: det samme, bygget inn i mappen fra forrige bygg (den eksisterende utdataen erstattes, slik make gjør) uten endringer; uendrede sider hentes fra forrige bygg.")
	fmt.Fprintln(w, "alisnord-gjenbygg-tittel: det samme, etter at én sak midt i arkivet har fått ny tittel før hvert bygg (lister, emnesider, nabosaker og oversiktssider lages på nytt).")
	fmt.Fprintln(w, "alisnord-saker: de samme sakene med minst mulig data (4 områder, 4 deltakere), omtrent det Hugo bygger.")
	fmt.Fprintln(w, "sider = HTML-filer, figurer = ulike figurer (hver tegnet to ganger, for skrivebord og mobil, delt av sidene som viser dem).")
	fmt.Fprintln(w, "alisnord henter uendrede figurer fra .cache/charts (fylt av oppvarmingen, slik Hugo bruker --cacheDir); alisnord-kald starter hvert bygg med tom .cache/charts og tegner alle figurene (bildebufferen beholdes, slik CI-jobbene gjør); alisnord-nocache behandler i tillegg alle bildene på nytt (-nocache), som på en helt ny maskin. Hugo-oppsettet behandler ingen bilder.")
	fmt.Fprintln(w, "Figurene tegnes i Node.js når node finnes på PATH (-charts auto), ellers i goja. CPU regnes med for Node.js-prosessene generatoren venter på; maks RSS er summen for generatoren og prosessene under den, målt hvert 50. ms (på Linux), eller kjernens tall for den største av dem hvis det er høyere.")
	fmt.Fprintln(w, "Gjenoppbygg av én sak i serve-modus: se make bench-serve.")
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mib(b int64) string {
	if b == 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f MB", float64(b)/(1<<20))
}

func hugoVersion(bin string) string {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return bin
	}
	return strings.TrimSpace(string(out))
}
