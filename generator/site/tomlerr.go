package site

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"alisnord/generator/diag"

	"github.com/BurntSushi/toml"
)

func tomlErrPos(file string, offset int, err error) diag.Pos {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		if strings.Contains(pe.Message, "table") && strings.HasSuffix(pe.Message, `but got '\n' instead`) && line > 1 {
			line-- // the library counts the line break that ended the header as read
		}
		return diag.Pos{Path: file, Line: line + offset, Col: pe.Position.Col}
	}
	return diag.Pos{Path: file, Line: offset + 1, Col: 1}
}

// tomlMessages puts the TOML library's common messages into Norwegian,
// each with what to do. The first pattern that matches wins; $1 is the
// first group.
var tomlMessages = []struct {
	re  *regexp.Regexp
	out string
}{
	{regexp.MustCompile(`^invalid datetime: "(.*)"`), `%s er ikke en dato som finnes: skriv ÅÅÅÅ-MM-DD med en gyldig måned og dag`},
	{regexp.MustCompile(`^Key '(.*)' has already been defined`), `%s står to ganger: slett den ene`},
	{regexp.MustCompile(`^Key '(.*)' was already created`), `%s er brukt både som tabell og som felt eller liste: gi dem ulike navn`},
	{regexp.MustCompile(`^strings cannot contain newlines`), `teksten mangler et avsluttende anførselstegn på denne linjen: sett inn " (eller bruk """ for tekst over flere linjer)`},
	{regexp.MustCompile(`^unexpected EOF; expected '(.*)'`), `filen slutter før teksten er lukket: sett inn %s på slutten av teksten`},
	{regexp.MustCompile(`^unexpected EOF; expected "(.*)"`), `filen slutter før teksten er lukket: sett inn %s på slutten av teksten`},
	{regexp.MustCompile(`^unexpected EOF; expected value`), `filen slutter etter =: skriv en verdi etter =`},
	{regexp.MustCompile(`^unexpected EOF; expected key separator`), `filen slutter midt i en linje: skriv navn = verdi`},
	{regexp.MustCompile(`^unexpected EOF`), `filen slutter for tidlig: sjekk at alle [ ], { } og anførselstegn er lukket`},
	{regexp.MustCompile(`^expected value but found (.*) instead`), `her mangler en verdi (fant %s): tekst skal stå i anførselstegn, tall og datoer uten`},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`), `uventet %s etter verdien: skriv én verdi per linje, og tekst i anførselstegn`},
	{regexp.MustCompile(`^unexpected '=': key name appears blank`), `feltnavnet mangler foran =: skriv navn = verdi`},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead`), `ventet = etter feltnavnet, men fant %s: skriv navn = verdi (mellomrom i navn er ikke lov)`},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)`), `listen mangler komma eller ] (fant %s): skill verdiene med komma og lukk listen med ]`},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '}', but got (.*) instead`), `tabellen i { } mangler komma eller } (fant %s)`},
	{regexp.MustCompile(`^newlines not allowed within inline tables`), `en tabell i { } må stå på én linje`},
	{regexp.MustCompile(`^(expected end of table array name delimiter|expected '\.' or '\]' to end table name|unexpected end of table name|unexpected table separator)`), `tabellnavnet er ikke skrevet riktig: skriv [navn] eller [[navn]] på en linje for seg`},
	{regexp.MustCompile(`^invalid escape`), `ugyldig \-tegn i teksten: skriv \\ for en omvendt skråstrek`},
	{regexp.MustCompile(`^Invalid (integer|float) .*leading zeroes`), `et tall kan ikke begynne med 0: fjern nullen foran`},
	{regexp.MustCompile(`^Invalid (integer|float) .*underscores`), `understrek i et tall må stå mellom to sifre`},
	{regexp.MustCompile(`^(.*) is out of (the safe )?range`), `tallet %s er for stort`},
	{regexp.MustCompile(`^(invalid float|floats must start|expected a digit|Invalid float|not a (binary|octal|hexadecimal) number)`), `ugyldig tall: bruk sifre og punktum som desimaltegn, for eksempel 19.5`},
	{regexp.MustCompile(`control characters|NULL bytes|invalid UTF-8`), `filen har tegn som ikke er tillatt: lagre den som UTF-8 uten kontrolltegn`},
}

// tomlErrMsg puts a TOML decoding error into Norwegian. A message with no
// translation keeps the library's words after a Norwegian lead.
func tomlErrMsg(err error) string {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return "TOML-syntaksfeil (" + err.Error() + "): rett linjen, se kommentaren øverst i filen"
	}
	msg := pe.Message
	for _, m := range tomlMessages {
		if g := m.re.FindStringSubmatch(msg); g != nil {
			if len(g) > 1 && strings.Contains(m.out, "%s") {
				return fmt.Sprintf(m.out, g[1])
			}
			return m.out
		}
	}
	return "TOML-syntaksfeil (" + msg + "): rett linjen, se kommentaren øverst i filen"
}
