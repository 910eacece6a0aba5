package site

import (
	"slices"
	"strconv"
	"strings"
)

// The closed vocabularies of the data and the front matter, declared once.
// Each list holds the allowed values in their natural order; the loader
// rejects any other value with the list in the message. Model fields that
// render compares with string literals are still plain strings (see the
// string forms below); each such field says which type its values have.

// EventKind is what an [[event]] is (kind in data/events.toml).
type EventKind string

// Event kinds.
const (
	EventMeeting    EventKind = "møte"
	EventDeadline   EventKind = "frist"
	EventHiring     EventKind = "ansettelse"
	EventGoal       EventKind = "mål"
	EventConference EventKind = "konferanse" // gives the conference page and fact sheet
)

// EventKinds lists the event kinds.
var EventKinds = []EventKind{EventMeeting, EventDeadline, EventHiring, EventGoal, EventConference}

// Valid tells whether k is one of EventKinds.
func (k EventKind) Valid() bool { return slices.Contains(EventKinds, k) }

// PositionStatus is how far an ALIS position has come (status of a
// [[participant.position]]).
type PositionStatus string

// Position statuses.
const (
	StatusPlanned    PositionStatus = "planlagt" // planned, not yet advertised
	StatusAdvertised PositionStatus = "utlyst"   // advertised
	StatusFilled     PositionStatus = "besatt"   // a GP holds it
)

// PositionStatuses lists the statuses in their natural order.
var PositionStatuses = []PositionStatus{StatusPlanned, StatusAdvertised, StatusFilled}

// Valid tells whether s is one of PositionStatuses.
func (s PositionStatus) Valid() bool { return slices.Contains(PositionStatuses, s) }

// ContractModel is a position's avtaleform (model of a
// [[participant.position]]).
type ContractModel string

// Contract models.
const (
	ContractSalaried     ContractModel = "fastlønn" // salaried by the municipality
	ContractSelfEmployed ContractModel = "næring"   // self-employed GP with a patient list (næringsdrift)
)

// ContractModels lists the contract models.
var ContractModels = []ContractModel{ContractSalaried, ContractSelfEmployed}

// Valid tells whether m is one of ContractModels.
func (m ContractModel) Valid() bool { return slices.Contains(ContractModels, m) }

// Role is a steering-group member's role (role of a [[steering_group]]):
// empty for an ordinary member.
type Role string

// RoleLeader chairs the steering group.
const RoleLeader Role = "leder"

// Roles lists the roles a member may have besides none.
var Roles = []Role{RoleLeader}

// Valid tells whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// DatePrecision is how much of a date is known (precision in
// data/events.toml and data/organisation.toml); empty means the day.
type DatePrecision string

// Date precisions.
const (
	DateDay    DatePrecision = "dag"
	DateMonth  DatePrecision = "måned"  // shown as "november 2018"
	DateSeason DatePrecision = "sesong" // shown as "høsten 2019"
)

// DatePrecisions lists the precisions.
var DatePrecisions = []DatePrecision{DateDay, DateMonth, DateSeason}

// Valid tells whether p is one of DatePrecisions.
func (p DatePrecision) Valid() bool { return slices.Contains(DatePrecisions, p) }

// Layout is how a page is shown (layout in an article's front matter);
// empty for an ordinary page.
type Layout string

// LayoutSlideDeck shows the page as a slide deck: a line with only ---
// starts the next slide; a line with only ??? starts the presenter's notes
// of that slide. News articles cannot be slide decks.
const LayoutSlideDeck Layout = "lysbilder"

// Layouts lists the layouts.
var Layouts = []Layout{LayoutSlideDeck}

// Valid tells whether l is one of Layouts.
func (l Layout) Valid() bool { return slices.Contains(Layouts, l) }

// allowed writes a vocabulary for a message: "a", "b" eller "c".
func allowed[T ~string](list []T) string {
	q := make([]string, len(list))
	for i, v := range list {
		q[i] = strconv.Quote(string(v))
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " eller " + q[len(q)-1]
}

// vocab reports v at path.key in file unless it is empty or in list.
func vocab[T ~string](c checker, file, path, key string, v T, list []T) {
	if v != "" && !slices.Contains(list, v) {
		c.ds.Add(c.at(file, joinPath(path, key)), "%s må være %s, ikke %q", key, allowed(list), string(v))
	}
}

// IsConference tells whether the event is a conference, for templates.
func (e Event) IsConference() bool { return e.Kind == EventConference }

// IsLeader tells whether the member chairs the steering group, for templates.
func (m Member) IsLeader() bool { return m.Role == RoleLeader }
