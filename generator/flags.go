package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"alisnord/generator/output"
	"alisnord/generator/search"
	"alisnord/generator/serve"
)

// config is what the command line asks for.
type config struct {
	root, out, echarts, zip, addr string
	charts                        string
	drafts, future, expired       bool
	noCache                       bool
	search                        bool
}

// option is one command-line flag: its name, what it sets and its help text.
type option struct {
	name   string
	define func(fs *flag.FlagSet, cfg *config, name, help string)
	help   string
}

func stringOpt(field func(*config) *string, def string) func(*flag.FlagSet, *config, string, string) {
	return func(fs *flag.FlagSet, cfg *config, name, help string) { fs.StringVar(field(cfg), name, def, help) }
}

func boolOpt(field func(*config) *bool) func(*flag.FlagSet, *config, string, string) {
	return func(fs *flag.FlagSet, cfg *config, name, help string) { fs.BoolVar(field(cfg), name, false, help) }
}

// options are every flag of every command; each command takes the ones it names.
var options = []option{
	{"root", stringOpt(func(c *config) *string { return &c.root }, "."), "mappen med content/, data/ og templates/"},
	{"out", stringOpt(func(c *config) *string { return &c.out }, "public"),
		"mappen nettstedet skrives til; en relativ sti regnes fra -root. Mappen må mangle, være tom\n" +
			"        eller være skrevet av generatoren før (har " + output.ManifestName + "); alt annet avvises uten at noe endres"},
	{"zip", stringOpt(func(c *config) *string { return &c.zip }, ""), "zip-filen som skrives, relativ til -root (standard <out>/" + bundleZip + ")"},
	{"addr", stringOpt(func(c *config) *string { return &c.addr }, serve.DefaultAddr), "adressen utviklingsserveren lytter på"},
	{"echarts", stringOpt(func(c *config) *string { return &c.echarts }, ""),
		"ECharts-bunten (standard <root>/.cache/echarts/echarts.min.js; hentes med make echarts)"},
	{"charts", stringOpt(func(c *config) *string { return &c.charts }, "auto"),
		"hva som kjører ECharts: node (Node.js), goja (inne i generatoren) eller auto: node når den finnes på PATH,\n" +
			"        ellers goja. Figurene blir de samme byte for byte; Node.js bruker omtrent en tidel av CPU-tiden"},
	{"nocache", boolOpt(func(c *config) *bool { return &c.noCache }), "tegn alle figurene og behandle alle bildene på nytt i stedet for å hente dem fra <root>/.cache"},
	{"search", boolOpt(func(c *config) *bool { return &c.search }),
		"lag søkeindeksen (sok/) med Pagefind før bygget tas i bruk; make gjør det. Pagefind installeres med\n" +
			"        " + search.InstallHint},
	{"drafts", boolOpt(func(c *config) *bool { return &c.drafts }), "ta med utkast (draft = true)"},
	{"future", boolOpt(func(c *config) *bool { return &c.future }), "ta med saker med dato fram i tid"},
	{"expired", boolOpt(func(c *config) *bool { return &c.expired }), "ta med saker som er utløpt (expiryDate)"},
}

// command is one subcommand: the flags it takes and a line for the usage text.
type command struct {
	name, summary string
	flags         []string
}

var commands = []command{
	{"build", "bygg nettstedet til -out (standard public/)",
		[]string{"root", "out", "drafts", "future", "expired", "echarts", "charts", "nocache", "search"}},
	{"check", "sjekk data og innhold uten å skrive noe",
		[]string{"root", "drafts", "future", "expired", "echarts", "charts"}},
	{"bundle", "bygg som build, og lag i tillegg en zip av nettstedet som virker\n          frakoblet fra file:// (for en minnepinne), standard <out>/alis-nord-frakoblet.zip",
		[]string{"root", "out", "zip", "echarts", "charts", "nocache"}},
	{"serve", "utviklingsserver: bygger i minnet, viser utkast og planlagte saker,\n          bygger på nytt ved hver endring og laster siden i nettleseren på nytt",
		[]string{"root", "addr", "expired", "echarts", "charts"}},
}

func findCommand(name string) (command, bool) {
	i := slices.IndexFunc(commands, func(c command) bool { return c.name == name })
	if i < 0 {
		return command{}, false
	}
	return commands[i], true
}

// flagSet is the command's own FlagSet: a flag of another command is refused.
// Its messages are ours (Norwegian), so the flag package writes nothing.
func (c command) flagSet(cfg *config) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for _, o := range options {
		if slices.Contains(c.flags, o.name) {
			o.define(fs, cfg, o.name, o.help)
		}
	}
	return fs
}

// parse reads the command's flags into cfg. It returns a Norwegian message
// for a usage error, or flag.ErrHelp for -h.
func (c command) parse(args []string, cfg *config) error {
	fs := c.flagSet(cfg)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errors.New(c.explain(err))
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("ukjent argument %q etter %s; valgene står før, som -root MAPPE", fs.Arg(0), c.name)
	}
	return nil
}

// explain turns the flag package's English error into a Norwegian message
// that says what to do.
func (c command) explain(err error) string {
	msg := err.Error()
	name := func(prefix string) string {
		s := strings.TrimPrefix(msg, prefix)
		if i := strings.Index(s, ":"); i >= 0 {
			s = s[:i]
		}
		return strings.TrimLeft(strings.TrimSpace(s), "-")
	}
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		n := name("flag provided but not defined: ")
		var others []string
		for _, o := range commands {
			if o.name != c.name && slices.Contains(o.flags, n) {
				others = append(others, o.name)
			}
		}
		if len(others) > 0 {
			return fmt.Sprintf("valget -%s gjelder bare %s, ikke %s", n, strings.Join(others, " og "), c.name)
		}
		return fmt.Sprintf("ukjent valg -%s for %s; gyldige valg: -%s", n, c.name, strings.Join(c.flags, ", -"))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return fmt.Sprintf("valget -%s trenger en verdi, for eksempel -%s VERDI", name("flag needs an argument: "), name("flag needs an argument: "))
	case strings.HasPrefix(msg, "invalid boolean value "), strings.HasPrefix(msg, "invalid value "):
		n := msg[strings.LastIndex(msg, " -")+2:]
		if i := strings.Index(n, ":"); i >= 0 {
			n = n[:i]
		}
		return fmt.Sprintf("ugyldig verdi for -%s; et av/på-valg skrives -%s eller -%s=false", n, n, n)
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return fmt.Sprintf("kan ikke lese valget %q; skriv valg som -navn eller -navn VERDI", strings.TrimPrefix(msg, "bad flag syntax: "))
	}
	return "feil i valgene: " + msg
}

const usageHead = "Bruk: go run ./generator <kommando> [valg]\n\nKommandoer:\n"

// printUsage writes the overview of every command and its flags.
func printUsage(w io.Writer) {
	fmt.Fprint(w, usageHead)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-7s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\n`go run ./generator KOMMANDO -h` viser valgene for én kommando.\n")
}

// printHelp writes one command's usage and its flags, in Norwegian.
func (c command) printHelp(w io.Writer) {
	fmt.Fprintf(w, "Bruk: go run ./generator %s [valg]\n\n%s\n\nValg:\n", c.name, strings.Join(strings.Fields(c.summary), " "))
	c.flagSet(&config{}).VisitAll(func(f *flag.Flag) {
		kind := " VERDI"
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			kind = ""
		}
		fmt.Fprintf(w, "  -%s%s\n        %s", f.Name, kind, f.Usage)
		if f.DefValue != "" && kind != "" {
			fmt.Fprintf(w, " (standard %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}
