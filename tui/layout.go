package tui

import (
	"fmt"

	"appel/model"
)

// screenID names a kind of screen.
type screenID string

const (
	screenRollCall   screenID = "appel"
	screenAccounts   screenID = "comptes"
	screenStats      screenID = "statistiques"
	screenDashboard  screenID = "tableau-de-bord"
	screenPlanning   screenID = "planning"
	screenPupils     screenID = "eleves"
	screenImport     screenID = "imports"
	screenDesk       screenID = "bureau"
	screenGate       screenID = "portail"
	screenMotives    screenID = "motifs"
	screenFamilies   screenID = "familles"
	screenDiscipline screenID = "vie-eleve"
)

// readsAttendance: the screens that show attendance are open to those who
// read it all and to teachers (their own classes and groups).
func readsAttendance(p model.Policy, _ model.Account) bool {
	return p.Allows(model.PermReadAttendance) || p.Allows(model.PermRollCall)
}

// screenDef is a screen the catalogue offers: who may open it and how to build it.
type screenDef struct {
	id    screenID
	title string
	// short names the screen in a crowded tab line.
	short   string
	allowed func(model.Policy, model.Account) bool
	build   func(*env) Screen
	// landing ranks the screen as a role's landing screen (lower first); 0 never.
	landing func(model.Account) int
	// slot is the digit of the screen when it is not the landing one.
	slot int
}

// catalogue lists every screen appel has. Digits: 1 the role's landing screen,
// 2 Planning, 3 Élèves, 4 Statistiques, 5 Tableau de bord, then the others.
func catalogue() []screenDef {
	return []screenDef{
		{
			id: screenRollCall, title: "Appel", short: "Appel", slot: 6,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermRollCall) },
			build:   newRollScreen,
			landing: func(a model.Account) int {
				if a.Has(model.RoleTeacher) && len(a.Roles) == 1 {
					return 1
				}
				return 50
			},
		},
		{id: screenPlanning, title: "Planning", short: "Plan.", slot: 2, allowed: readsAttendance, build: newPlanScreen},
		{id: screenPupils, title: "Élèves", short: "Élèves", slot: 3, allowed: readsAttendance, build: newPupilsScreen},
		{
			id: screenAccounts, title: "Comptes", short: "Comptes", slot: 7,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermAccounts) },
			build:   newAccountsScreen,
			landing: func(model.Account) int { return 40 },
		},
		{
			id: screenStats, title: "Statistiques", short: "Stats", slot: 4,
			allowed: statsAllowed,
			build:   newStatsScreen,
		},
		{
			id: screenDashboard, title: "Tableau de bord", short: "Bord", slot: 5,
			allowed: statsAllowed,
			build:   newDashboardScreen,
			landing: func(a model.Account) int {
				if a.Has(model.RoleDirection) {
					return 1
				}
				return 0
			},
		},
		{
			id: screenImport, title: "Imports", short: "Imports", slot: maxSlot,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermSetup) },
			build:   newImportScreen,
		},
		{
			id: screenDesk, title: "Absences du jour", short: "Absences", slot: 7,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermJustify) },
			build:   newDeskScreen,
			landing: func(a model.Account) int {
				if a.Has(model.RoleAED) || a.Has(model.RoleCPE) {
					return 1
				}
				return 0
			},
		},
		{
			id: screenGate, title: "Portail", short: "Portail", slot: 8,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermJustify) },
			build:   newGateScreen,
		},
		{
			id: screenMotives, title: "Motifs", short: "Motifs", slot: 9,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermSetup) },
			build:   newMotivesScreen,
		},
		{
			id: screenDiscipline, title: "Vie de l'élève", short: "Vie", slot: 7,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermIncident) },
			build:   newDisciplineScreen,
		},
		// Familles comes last: an administrator, whose ten digits are taken,
		// reaches the notices by the command line.
		{
			id: screenFamilies, title: "Familles", short: "✉", slot: 9,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermFamilies) },
			build:   newFamiliesScreen,
		},
	}
}

// maxSlot is the last digit slot: 1–9, then 0 as the tenth.
const maxSlot = 10

// slotKey is the key of a slot: its digit, 0 for the tenth.
func slotKey(slot int) string { return fmt.Sprint(slot % maxSlot) }

// slotOf returns the slot of a digit key.
func slotOf(r rune) int {
	if r == '0' {
		return maxSlot
	}
	return int(r - '0')
}

// layoutScreens places the screens an account may open on digits: the best
// landing screen on 1, the others on their own digit, or, when a role may
// open two screens that share a digit, on the next free one from 6.
func layoutScreens(pol model.Policy, acc model.Account) (slots [maxSlot + 1]*screenDef, order []int) {
	defs := catalogue()
	landing := landingOf(defs, pol, acc)
	if landing >= 0 {
		slots[1] = &defs[landing]
	}
	for i := range defs {
		if i == landing || !defs[i].allowed(pol, acc) {
			continue
		}
		if slot := freeSlot(slots, defs[i].slot); slot > 0 {
			slots[slot] = &defs[i]
		}
	}
	for i := 1; i < len(slots); i++ {
		if slots[i] != nil {
			order = append(order, i)
		}
	}
	return slots, order
}

func landingOf(defs []screenDef, pol model.Policy, acc model.Account) int {
	landing := -1
	for i, d := range defs {
		if !d.allowed(pol, acc) || d.landing == nil || d.landing(acc) == 0 {
			continue
		}
		if landing < 0 || d.landing(acc) < defs[landing].landing(acc) {
			landing = i
		}
	}
	return landing
}

func freeSlot(slots [maxSlot + 1]*screenDef, preferred int) int {
	if slots[preferred] == nil {
		return preferred
	}
	for slot := 6; slot <= maxSlot; slot++ {
		if slots[slot] == nil {
			return slot
		}
	}
	return 0
}
