package tui

import "appel/model"

// screenID names a kind of screen.
type screenID string

const (
	screenRollCall screenID = "appel"
	screenDesk     screenID = "bureau"
	screenGate     screenID = "portail"
	screenMotives  screenID = "motifs"
	// screenPupil is the pupil's file, which openPupilMsg opens.
	screenPupil screenID = "eleve"
)

// screenDef is a screen the catalogue offers: who may open it and how to build it.
type screenDef struct {
	id      screenID
	title   string
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
			id: screenRollCall, title: "Appel", slot: 6,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermRollCall) },
			build:   newRollScreen,
			landing: func(a model.Account) int {
				if a.Has(model.RoleTeacher) && len(a.Roles) == 1 {
					return 1
				}
				return 50
			},
		},
		{
			id: screenDesk, title: "Absences du jour", slot: 7,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermJustify) },
			build:   newDeskScreen,
			landing: func(a model.Account) int {
				if a.Has(model.RoleAED) || a.Has(model.RoleCPE) {
					return 1
				}
				return 40
			},
		},
		{
			id: screenGate, title: "Portail", slot: 8,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermJustify) },
			build:   newGateScreen,
		},
		{
			id: screenMotives, title: "Motifs", slot: 9,
			allowed: func(p model.Policy, _ model.Account) bool { return p.Allows(model.PermSetup) },
			build:   newMotivesScreen,
		},
	}
}

// layoutScreens places the screens an account may open on digits: the best
// landing screen on 1, the others on their own digit.
func layoutScreens(pol model.Policy, acc model.Account) (slots [10]*screenDef, order []int) {
	defs := catalogue()
	landing := -1
	for i, d := range defs {
		if !d.allowed(pol, acc) || d.landing == nil || d.landing(acc) == 0 {
			continue
		}
		if landing < 0 || d.landing(acc) < defs[landing].landing(acc) {
			landing = i
		}
	}
	if landing >= 0 {
		slots[1] = &defs[landing]
	}
	for i := range defs {
		if i != landing && defs[i].allowed(pol, acc) && slots[defs[i].slot] == nil {
			slots[defs[i].slot] = &defs[i]
		}
	}
	for i := 1; i < len(slots); i++ {
		if slots[i] != nil {
			order = append(order, i)
		}
	}
	return slots, order
}
