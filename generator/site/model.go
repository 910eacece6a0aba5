package site

import (
	"slices"
	"time"

	"alisnord/generator/diag"
)

// Site is the whole checked model of one build.
type Site struct {
	Settings     Settings
	Sources      []Source
	Areas        []Area
	Participants []Participant
	Project      Project
	Organisation Organisation
	Events       []Event
	Articles     []*Article // news, newest first
	Pages        []*Article // stand-alone pages such as content/om.md, by slug
	Tags         []Tag      // by slug
	Map          Map        // the municipality map of data/kart/ (kart.go); may be empty
	// TagNames are the display names of data/tags.toml, by slug.
	TagNames map[string]string
	// Today is the build's calendar day (Options.Now), for what depends on
	// it: which articles are published, whether an event is upcoming.
	Today time.Time
	// Broken holds the files (data files and articles, by path) that could
	// not be read or decoded, so that later stages can pass over the errors
	// that follow from them (such as a figure key the broken file defines).
	// Only LoadAll returns a Site with entries here.
	Broken map[string]bool

	calendar []Scheduled // what publishes or expires after Today (calendar.go)
}

// Settings is data/site.toml: what the site calls itself and where it lives.
type Settings struct {
	Title        string `toml:"title"`
	Tagline      string `toml:"tagline"`
	Description  string `toml:"description"`
	BaseURL      string `toml:"base_url"`
	Language     string `toml:"language"`
	ContactName  string `toml:"contact_name"`
	ContactOrg   string `toml:"contact_org"`
	ContactEmail string `toml:"contact_email"`
	PageSize     int    `toml:"page_size"`
}

// Source is one [[source]] of data/sources.toml: where a figure comes from.
type Source struct {
	ID   string    `toml:"id"`
	Name string    `toml:"name"`
	Date time.Time `toml:"date"`
	What string    `toml:"what"`
	Pos  diag.Pos  `toml:"-"`
}

// Area is one helseforetaksområde (OSO-område: the area served by one health
// trust, where municipalities and the trust cooperate) from data/areas.toml.
type Area struct {
	ID                 string   `toml:"id"`
	Name               string   `toml:"name"`
	HealthTrust        string   `toml:"health_trust"`
	Applications       int      `toml:"applications"`
	Municipalities     float64  `toml:"municipalities"`
	Population         int      `toml:"population"`
	ApplicationsSource string   `toml:"applications_source"`
	PopulationSource   string   `toml:"population_source"`
	Note               string   `toml:"note"`
	Count              []Count  `toml:"count"` // later dated figures (history.go)
	Pos                diag.Pos `toml:"-"`

	Participants []*Participant `toml:"-"` // filled by the check, in file order
}

// Positions is the number of ALIS positions of the area's participants.
func (a *Area) Positions() int {
	n := 0
	for _, p := range a.Participants {
		n += p.Positions
	}
	return n
}

// Participant is one [[participant]] of data/participants.toml: a
// municipality, or several together, that was offered a place and confirmed.
type Participant struct {
	ID             string     `toml:"id"`
	Name           string     `toml:"name"`
	Area           string     `toml:"area"`
	Municipalities []string   `toml:"municipalities"`
	Positions      int        `toml:"positions"`
	Position       []Position `toml:"position"`
	Note           string     `toml:"note"`
	Pos            diag.Pos   `toml:"-"`

	AreaRef *Area `toml:"-"` // filled by the check
}

// Slots returns one entry per ALIS position: the documented ones first, then
// empty ones (every field unknown) up to Positions.
func (p *Participant) Slots() []Position {
	out := make([]Position, p.Positions)
	copy(out, p.Position)
	return out
}

// Position is one documented ALIS position ([[participant.position]]).
// Every field is optional; an empty field is shown as "ikke oppgitt".
type Position struct {
	Model       ContractModel  `toml:"model"`
	Status      PositionStatus `toml:"status"`
	StatusDate  time.Time      `toml:"status_date"`
	ModelReason string         `toml:"model_reason"`
	Change      []Change       `toml:"change"` // dated changes after the fields above (history.go)
}

// Project is data/project.toml.
type Project struct {
	Name          string    `toml:"name"`
	Owner         string    `toml:"owner"`
	DurationYears int       `toml:"duration_years"`
	Region        string    `toml:"region"`
	Objectives    []string  `toml:"objectives"`
	Funders       []Funder  `toml:"funder"`
	Grants        []Grant   `toml:"grant"`
	Totals        Totals    `toml:"totals"`
	Start         time.Time `toml:"start"` // optional; see Site.StartDate
	Pos           diag.Pos  `toml:"-"`
	TotalsPos     TotalsPos `toml:"-"`
}

// Funder is one [[funder]]: who pays, and in what role.
type Funder struct {
	Name string `toml:"name"`
	Role string `toml:"role"`
}

// Grant is one [[grant]]: an amount of money for a set of years.
type Grant struct {
	What      string `toml:"what"`
	AmountNOK int    `toml:"amount_nok"`
	Years     []int  `toml:"years"`
	Source    string `toml:"source"`
}

// Totals are the figures the project states as totals; the check compares
// them with what the areas and participants add up to.
type Totals struct {
	Applications           int     `toml:"applications"`
	Municipalities         float64 `toml:"municipalities"`
	Population             int     `toml:"population"`
	NorthernMunicipalities int     `toml:"northern_municipalities"`
	MunicipalitySharePct   int     `toml:"municipality_share_percent"`
	PopulationSharePct     int     `toml:"population_share_percent"`
	Participants           int     `toml:"participants"`
	Positions              int     `toml:"positions"`
	Source                 string  `toml:"source"`
}

// TotalsPos holds where each stated total stands, keyed by its TOML key.
type TotalsPos map[string]diag.Pos

// Organisation is data/organisation.toml.
type Organisation struct {
	Leader         Person         `toml:"leader"`
	SteeringGroup  []Member       `toml:"steering_group"`
	Staff          []PlannedStaff `toml:"planned_staff"`
	ReferenceGroup Group          `toml:"reference_group"`
	Credits        []Person       `toml:"credit"`
}

// Person is a named person with a role.
type Person struct {
	Name       string `toml:"name"`
	Role       string `toml:"role"`
	Org        string `toml:"org"`
	Employment string `toml:"employment"`
	Note       string `toml:"note"`
}

// Member is one [[steering_group]] member: the organisation is always known,
// the person's name sometimes not.
type Member struct {
	Name       string `toml:"name"`
	Title      string `toml:"title"`
	Role       Role   `toml:"role"`
	Represents string `toml:"represents"`
	Note       string `toml:"note"`
}

// PlannedStaff is one planned project staff post, one per area.
type PlannedStaff struct {
	Area      string        `toml:"area"`
	Percent   int           `toml:"percent"`
	Planned   time.Time     `toml:"planned"`
	Precision DatePrecision `toml:"precision"`
	AreaRef   *Area         `toml:"-"`
}

// Group describes a planned or established group.
type Group struct {
	Status  string `toml:"status"`
	Purpose string `toml:"purpose"`
}

// Event is one [[event]] of data/events.toml.
type Event struct {
	ID          string        `toml:"id"`
	Title       string        `toml:"title"`
	Kind        EventKind     `toml:"kind"`
	Date        time.Time     `toml:"date"`
	Precision   DatePrecision `toml:"precision"`
	Inferred    bool          `toml:"inferred"`
	Venue       string        `toml:"venue"`
	Theme       string        `toml:"theme"`
	Description string        `toml:"description"`
	Note        string        `toml:"note"`
	Programme   []Programme   `toml:"programme"`
	Pos         diag.Pos      `toml:"-"`
}

// Programme is one item of an event's programme.
type Programme struct {
	Time    string `toml:"time"`
	Title   string `toml:"title"`
	Speaker string `toml:"speaker"`
}

// Tag is one tag with the published articles that carry it, newest first.
type Tag struct {
	Name     string
	Slug     string
	Articles []*Article
}

// GrantYears lists, sorted and once each, every year a grant covers: the
// years behind the sum of all grants.
func (p *Project) GrantYears() []int {
	var out []int
	for _, g := range p.Grants {
		out = append(out, g.Years...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
