package imports

import (
	"fmt"
	"strings"

	"appel/model"
	"appel/model/formats"
)

// Action is what an import does with one record.
type Action int

// The actions of a plan.
const (
	Created Action = iota
	Updated
	Unchanged
	Skipped
	Deleted
)

// Actions lists the actions in the order reports show them.
var Actions = []Action{Created, Updated, Deleted, Unchanged, Skipped}

// Label returns the action's French participle, agreed with n records of
// entity (« 2 divisions créées », « 1 élève créé »).
func (a Action) Label(entity string, n int) string {
	forms := participles[a]
	i := 0
	if feminine[entity] {
		i = 2
	}
	if n > 1 {
		i++
	}
	return forms[i]
}

// participles are each action's forms: masculine singular and plural, then feminine.
var participles = map[Action][4]string{
	Created:   {"créé", "créés", "créée", "créées"},
	Updated:   {"mis à jour", "mis à jour", "mise à jour", "mises à jour"},
	Unchanged: {"inchangé", "inchangés", "inchangée", "inchangées"},
	Skipped:   {"ignoré", "ignorés", "ignorée", "ignorées"},
	Deleted:   {"supprimé", "supprimés", "supprimée", "supprimées"},
}

// feminine are the entities whose name is feminine in French.
var feminine = map[string]bool{
	model.EntityDivision: true, model.EntityMark: true, model.EntityNotice: true,
	model.EntitySeanceChange: true, model.EntityExtraSeance: true,
}

// Item is one record an import creates, updates, leaves, skips or deletes.
type Item struct {
	// Entity is the kind of record (model.EntityPupil, …).
	Entity string
	// Key is the record's stable identifier; Name what people call it.
	Key, Name string
	Action    Action
	// Line is the file's line the record comes from (0: not from one line).
	Line int
	// Detail says what changes, or why the record is skipped, in French.
	Detail string
}

// String formats the item for a report: « ligne 12 : élève 0003 (FROUFROU Grégory) créé : … ».
func (it Item) String() string {
	var b strings.Builder
	if it.Line > 0 {
		fmt.Fprintf(&b, "ligne %d : ", it.Line)
	}
	fmt.Fprintf(&b, "%s %s", it.Entity, it.Key)
	if it.Name != "" && it.Name != it.Key {
		fmt.Fprintf(&b, " (%s)", it.Name)
	}
	b.WriteString(" " + it.Action.Label(it.Entity, 1))
	if it.Detail != "" {
		b.WriteString(" : " + it.Detail)
	}
	return formats.Flat(b.String())
}

// Refusal is a row (or a whole file) that the import refuses: while a plan
// has one, nothing is written.
type Refusal struct {
	File string
	// Line is 0 when the whole file is refused; Column, when known, places
	// the character at fault on the line.
	Line, Column int
	Reason       string
}

// String returns « fichier, ligne N, colonne C : raison » (or « fichier : raison »).
func (r Refusal) String() string {
	return formats.Flat((&formats.Error{File: r.File, Line: r.Line, Column: r.Column, What: r.Reason}).Error())
}

// Plan is what importing a file would do to the school: every record created,
// updated, left, skipped or deleted, the rows refused, and the parser's notes.
type Plan struct {
	Kind Kind
	File string
	// Format describes what was read (« emploi du temps STS-Web … »).
	Format  string
	Items   []Item
	Refused []Refusal
	Notes   []string
	ops     []func(model.Tx) error
}

// Count returns how many items of entity (all entities when "") have action a.
func (p *Plan) Count(entity string, a Action) int {
	n := 0
	for _, it := range p.Items {
		if it.Action == a && (entity == "" || it.Entity == entity) {
			n++
		}
	}
	return n
}

// Changes counts the records the plan creates, updates or deletes.
func (p *Plan) Changes() int {
	return p.Count("", Created) + p.Count("", Updated) + p.Count("", Deleted)
}

// Entities lists the entities of the items, in the order they first appear.
func (p *Plan) Entities() []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range p.Items {
		if !seen[it.Entity] {
			seen[it.Entity] = true
			out = append(out, it.Entity)
		}
	}
	return out
}

// Summary returns one line per entity: « élève : 3 créés, 1 mis à jour, 2 ignorés ».
func (p *Plan) Summary() []string {
	var out []string
	for _, e := range p.Entities() {
		var parts []string
		for _, a := range Actions {
			if n := p.Count(e, a); n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, a.Label(e, n)))
			}
		}
		out = append(out, e+" : "+strings.Join(parts, ", "))
	}
	return out
}

// Details returns the items worth reading one by one: every change and every
// skipped record (the unchanged ones are only counted).
func (p *Plan) Details() []string {
	var out []string
	for _, it := range p.Items {
		if it.Action != Unchanged {
			out = append(out, it.String())
		}
	}
	return out
}

// Err returns nil when the plan can be applied, else a one-line French error
// naming the file, the number of refused rows and the first of them.
func (p *Plan) Err() error {
	if len(p.Refused) == 0 {
		return nil
	}
	first := p.Refused[0]
	if len(p.Refused) == 1 {
		return model.Invalid("import refusé, rien n'a été écrit : %s", first)
	}
	return model.Invalid("import refusé, rien n'a été écrit : %d lignes refusées dans %s, dont %s",
		len(p.Refused), formats.Flat(p.File), first)
}
