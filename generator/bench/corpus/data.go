package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

const dataHeader = "# SYNTETISKE DATA for ytelsestesten (make bench): alle navn og tall er oppdiktet.\n\n"

// dataFiles writes data/*.toml for size: the areas and participants scale,
// and the stated totals in project.toml are their sums, so the checks pass.
func dataFiles(rng *rand.Rand, size Size) map[string][]byte {
	areas, sums := areasTOML(rng, size)
	parts, participants, positions := participantsTOML(rng, size)
	return map[string][]byte{
		"site.toml":         []byte(dataHeader + siteTOML),
		"sources.toml":      []byte(dataHeader + sourcesTOML),
		"events.toml":       []byte(dataHeader + eventsTOML),
		"areas.toml":        areas,
		"participants.toml": parts,
		"project.toml":      projectTOML(sums, participants, positions),
		"organisation.toml": organisationTOML(size),
	}
}

const siteTOML = `title = "ALIS-Nord (syntetisk)"
tagline = "Syntetisk korpus for ytelsestesten"
description = "Et oppdiktet nettsted med syntetiske saker og tall, bare for å måle byggetiden."
base_url = "https://alis-nord.example/"
language = "nb"
contact_name = "Syntetisk kontaktperson"
contact_org = "Syntetisk kommune"
page_size = 20
`

const sourcesTOML = `[[source]]
id = "ssb-2018"
name = "Syntetisk kilde for folketall"
date = 2018-01-01
what = "Syntetiske folketall"

[[source]]
id = "soknader-2019"
name = "Syntetisk kilde for søknader"
date = 2019-04-01
what = "Syntetiske søknadstall"

[[source]]
id = "deltakere-2019"
name = "Syntetisk kilde for deltakere"
date = 2019-04-01
what = "Syntetiske deltakere"
`

const eventsTOML = `[[event]]
id = "syntetisk-mote"
title = "Syntetisk møte"
kind = "møte"
date = 2018-11-01
precision = "måned"
description = "Oppdiktet hendelse."

[[event]]
id = "syntetisk-mal"
title = "Syntetisk mål"
kind = "mål"
date = 2019-09-01
precision = "sesong"
description = "Oppdiktet mål."

[[event]]
id = "syntetisk-konferanse"
title = "Syntetisk konferanse"
kind = "konferanse"
date = 2019-11-06
venue = "Et oppdiktet sted"

[[event.programme]]
time = "09:00"
title = "Oppdiktet innlegg"
`

// areaSums are what the areas add up to.
type areaSums struct {
	applications, population int
	municipalities           float64
}

func areasTOML(rng *rand.Rand, size Size) ([]byte, areaSums) {
	var b strings.Builder
	b.WriteString(dataHeader)
	var s areaSums
	for i := range size.Areas {
		apps := 5 + rng.IntN(20)
		munis := float64(3+rng.IntN(15)) + 0.5*float64(rng.IntN(2))
		pop := 10000 + rng.IntN(150000)
		s.applications += apps
		s.municipalities += munis
		s.population += pop
		fmt.Fprintf(&b, "# syntetisk\n[[area]]\nid = %q\nname = \"Område %02d\"\nhealth_trust = \"Syntetisk helseforetak %02d\"\n"+
			"applications = %d\nmunicipalities = %s\npopulation = %d\napplications_source = \"soknader-2019\"\npopulation_source = \"ssb-2018\"\n\n",
			areaID(i), i+1, i+1, apps, strconv.FormatFloat(munis, 'f', -1, 64), pop)
	}
	return []byte(b.String()), s
}

func areaID(i int) string { return fmt.Sprintf("omrade-%02d", i+1) }

var (
	models   = []string{"fastlønn", "næring"}
	statuses = []string{"planlagt", "utlyst", "besatt"}
)

// participantsTOML spreads the participants round-robin over the areas;
// about a third document their positions.
func participantsTOML(rng *rand.Rand, size Size) (toml []byte, participants, positions int) {
	var b strings.Builder
	b.WriteString(dataHeader)
	for i := range size.Participants {
		n := 1 + rng.IntN(2)
		positions += n
		munis := make([]string, 1+rng.IntN(3))
		for j := range munis {
			munis[j] = fmt.Sprintf("%q", fmt.Sprintf("Kommune %04d%c", i+1, 'a'+j))
		}
		fmt.Fprintf(&b, "# syntetisk\n[[participant]]\nid = \"deltaker-%04d\"\nname = \"Deltaker %04d\"\narea = %q\nmunicipalities = [%s]\npositions = %d\n\n",
			i+1, i+1, areaID(i%size.Areas), strings.Join(munis, ", "), n)
		if rng.IntN(3) > 0 {
			continue
		}
		for range n {
			fmt.Fprintf(&b, "[[participant.position]]\nmodel = %q\nstatus = %q\nstatus_date = 2019-%02d-01\nmodel_reason = \"Syntetisk begrunnelse.\"\n\n",
				models[rng.IntN(2)], statuses[rng.IntN(3)], 1+rng.IntN(12))
		}
	}
	return []byte(b.String()), size.Participants, positions
}

func projectTOML(s areaSums, participants, positions int) []byte {
	northern := int(math.Ceil(s.municipalities * 1.6))
	share := math.Round(100 * s.municipalities / float64(northern))
	return fmt.Appendf(nil, `%sname = "ALIS-Nord (syntetisk)"
owner = "Syntetisk kommune"
duration_years = 5
region = "Et oppdiktet område"
objectives = ["Syntetisk mål én.", "Syntetisk mål to."]

[[funder]]
name = "Syntetisk finansiør"
role = "Finansierer det oppdiktede prosjektet"

[[grant]]
what = "Syntetisk tilskudd"
amount_nok = 1000000
years = [2019, 2020]

# syntetisk: summene av areas.toml og participants.toml
[totals]
applications = %d
municipalities = %s
population = %d
northern_municipalities = %d
municipality_share_percent = %d
population_share_percent = 60
participants = %d
positions = %d
source = "soknader-2019"
`, dataHeader, s.applications, strconv.FormatFloat(s.municipalities, 'f', -1, 64), s.population,
		northern, int(share), participants, positions)
}

func organisationTOML(size Size) []byte {
	var b strings.Builder
	b.WriteString(dataHeader)
	b.WriteString("[leader]\nname = \"Syntetisk leder\"\nrole = \"Prosjektleder\"\n\n")
	b.WriteString("[[steering_group]]\nname = \"Syntetisk medlem\"\nrole = \"leder\"\nrepresents = \"Syntetisk kommune\"\n\n")
	for i := range size.Areas {
		fmt.Fprintf(&b, "[[planned_staff]]\narea = %q\npercent = 30\nplanned = 2019-09-01\nprecision = \"måned\"\n\n", areaID(i))
	}
	b.WriteString("[reference_group]\nstatus = \"planlagt\"\npurpose = \"Syntetiske råd\"\n")
	return []byte(b.String())
}
