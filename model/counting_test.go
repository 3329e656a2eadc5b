package model_test

import (
	"reflect"
	"testing"

	"appel/model"
)

const mon, tue = "2026-11-23", "2026-11-24"

var brute, toutes = model.DefaultSettings(), settings(model.CountAllSeances, 0)

// handCase is a small hand-made case: p1's attendances and what they count for.
type handCase struct {
	name  string
	set   model.Settings
	atts  []model.Attendance
	want  model.Figures
	lines []string
}

var abs, pres = model.KindAbsent, model.KindPresent

// handCases are the cases of DOMAIN.md "Counting", one rule each.
var handCases = []handCase{
	{
		name: "une absence par demi-journée", set: brute,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, nil), att(mon, "08:55", "09:50", pres, nil),
			att(mon, "13:30", "14:25", abs, nil), att(mon, "14:25", "15:20", pres, nil),
		},
		want:  model.Figures{InvalidHalfDays: 2, MissedMinutes: 110},
		lines: []string{mon + " matin non valable", mon + " après-midi non valable"},
	},
	{
		name: "plusieurs absences dans une demi-journée", set: brute,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, nil), att(mon, "08:55", "09:50", abs, nil),
			att(mon, "10:05", "11:00", abs, nil), att(mon, "13:30", "14:25", pres, nil),
		},
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 165},
		lines: []string{mon + " matin non valable"},
	},
	{
		name: "motif valable et motif non valable : non valable", set: brute,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, just(maladie)), att(mon, "08:55", "09:50", abs, just(reveil)),
		},
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 110},
		lines: []string{mon + " matin non valable"},
	},
	{
		name: "motif valable et sans motif : non valable", set: brute,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, just(maladie)), att(mon, "08:55", "09:50", abs, nil),
		},
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 110},
		lines: []string{mon + " matin non valable"},
	},
	{
		name: "absence non justifiée : non valable", set: brute,
		atts:  []model.Attendance{att(mon, "13:30", "14:25", abs, nil)},
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 55},
		lines: []string{mon + " après-midi non valable"},
	},
	{
		name: "tous les motifs valables : valable", set: brute,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, just(maladie)), att(mon, "08:55", "09:50", abs, just(rdv)),
			att(mon, "10:05", "11:00", pres, nil),
		},
		want:  model.Figures{ValidHalfDays: 1, MissedMinutes: 110},
		lines: []string{mon + " matin valable"},
	},
	{
		name: "séance annulée : rien ne compte", set: brute,
		atts: []model.Attendance{
			cancelled(att(mon, "08:00", "08:55", abs, nil)), att(mon, "08:55", "09:50", pres, nil),
		},
		want:  model.Figures{},
		lines: []string{mon + " matin non comptée"},
	},
	{
		name: "séance annulée et absence dans une autre", set: brute,
		atts: []model.Attendance{
			cancelled(att(mon, "08:00", "08:55", abs, nil)), att(mon, "08:55", "09:50", abs, just(maladie)),
		},
		want:  model.Figures{ValidHalfDays: 1, MissedMinutes: 55},
		lines: []string{mon + " matin valable"},
	},
	{
		name: "retard seul : aucune demi-journée", set: brute,
		atts: []model.Attendance{
			late(mon, "08:00", "08:55", 10, nil), att(mon, "08:55", "09:50", pres, nil),
		},
		want:  model.Figures{Lates: 1, LateMinutes: 10},
		lines: []string{mon + " matin non comptée"},
	},
	{
		name: "retard dans une séance annulée", set: settings(model.CountAnySeance, 5),
		atts:  []model.Attendance{cancelled(late(mon, "08:00", "08:55", 30, nil))},
		want:  model.Figures{},
		lines: []string{mon + " matin non comptée"},
	},
	{
		name: "retard long compté comme absence, sans motif", set: settings(model.CountAnySeance, 15),
		atts: []model.Attendance{
			late(mon, "08:00", "08:55", 20, nil), late(mon, "13:30", "14:25", 15, nil),
		},
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 55, Lates: 1, LateMinutes: 15},
		lines: []string{mon + " matin non valable", mon + " après-midi non comptée"},
	},
	{
		name: "retard long compté comme absence, motif valable", set: settings(model.CountAnySeance, 15),
		atts:  []model.Attendance{late(mon, "08:00", "08:55", 16, just(maladie))},
		want:  model.Figures{ValidHalfDays: 1, MissedMinutes: 55},
		lines: []string{mon + " matin valable"},
	},
	{
		name: "réglage retard désactivé", set: brute,
		atts:  []model.Attendance{late(mon, "08:00", "08:55", 50, nil)},
		want:  model.Figures{Lates: 1, LateMinutes: 50},
		lines: []string{mon + " matin non comptée"},
	},
	{
		name: "infirmerie, exclu, dispensé, sortie", set: brute,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", model.KindInfirmary, nil), att(mon, "08:55", "09:50", model.KindExcluded, nil),
			att(mon, "13:30", "14:25", model.KindExempt, nil), att(mon, "14:25", "15:20", model.KindOuting, nil),
		},
		want:  model.Figures{Exclusions: 1},
		lines: []string{mon + " matin non comptée", mon + " après-midi non comptée"},
	},
	{
		name: "méthode brute : une séance manquée sur trois", set: brute,
		atts:  twoOfThree(),
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 110},
		lines: []string{mon + " matin non valable"},
	},
	{
		name: "méthode toutes : une séance suivie sur trois", set: toutes,
		atts:  twoOfThree(),
		want:  model.Figures{MissedMinutes: 110},
		lines: []string{mon + " matin non comptée"},
	},
	{
		name: "méthode toutes : toutes manquées, une annulée", set: toutes,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, nil), att(mon, "08:55", "09:50", abs, just(maladie)),
			cancelled(att(mon, "10:05", "11:00", pres, nil)),
		},
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 110},
		lines: []string{mon + " matin non valable"},
	},
	{
		name: "méthode toutes : dispensé dans une séance", set: toutes,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, nil), att(mon, "08:55", "09:50", model.KindExempt, nil),
		},
		want:  model.Figures{MissedMinutes: 55},
		lines: []string{mon + " matin non comptée"},
	},
	{
		name: "méthode toutes : seules des séances annulées", set: toutes,
		atts:  []model.Attendance{cancelled(att(mon, "08:00", "08:55", abs, nil))},
		want:  model.Figures{},
		lines: []string{mon + " matin non comptée"},
	},
	{
		name: "la même séance deux fois compte une fois", set: brute,
		atts: []model.Attendance{
			att(mon, "08:00", "08:55", abs, nil), att(mon, "08:00", "08:55", abs, nil),
		},
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 55},
		lines: []string{mon + " matin non valable"},
	},
	{
		name: "séances qui se chevauchent : temps compté une fois", set: brute,
		atts:  overlapping(),
		want:  model.Figures{InvalidHalfDays: 1, MissedMinutes: 85},
		lines: []string{mon + " matin non valable"},
	},
	{
		name: "chevauchement de part et d'autre de midi : temps compté une fois", set: brute,
		atts: []model.Attendance{
			att(mon, "11:55", "12:50", abs, nil), att(mon, "12:10", "13:00", abs, nil),
			att(tue, "12:10", "13:00", abs, nil),
		},
		want: model.Figures{InvalidHalfDays: 3, MissedMinutes: 65 + 50},
		lines: []string{mon + " matin non valable", mon + " après-midi non valable",
			tue + " après-midi non valable"},
	},
	{
		name: "jours différents, ordre quelconque", set: brute,
		atts: []model.Attendance{
			att(tue, "13:30", "14:25", abs, nil), att(mon, "08:00", "08:55", abs, just(maladie)),
		},
		want:  model.Figures{ValidHalfDays: 1, InvalidHalfDays: 1, MissedMinutes: 110},
		lines: []string{mon + " matin valable", tue + " après-midi non valable"},
	},
	{
		name: "rien de noté : aucune ligne", set: brute,
		atts: []model.Attendance{att(mon, "08:00", "08:55", pres, nil)},
		want: model.Figures{},
	},
	{
		name: "l'absence d'un autre élève est ignorée", set: brute,
		atts: []model.Attendance{otherPupil(att(mon, "08:00", "08:55", abs, nil))},
		want: model.Figures{},
	},
}

func TestExplainHandCases(t *testing.T) {
	for _, tc := range handCases {
		t.Run(tc.name, func(t *testing.T) {
			e := model.Explain("p1", tc.atts, tc.set)
			if e.Totals != tc.want {
				t.Errorf("totaux = %+v, attendu %+v", e.Totals, tc.want)
			}
			if got := lines(e); !reflect.DeepEqual(got, tc.lines) {
				t.Errorf("demi-journées = %q, attendu %q", got, tc.lines)
			}
			if got := countOf("p1", tc.atts, tc.set); got != e.Totals {
				t.Errorf("Count = %+v, explication %+v", got, e.Totals)
			}
			if o := countOracle("p1", tc.atts, tc.set); o.figures != tc.want {
				t.Errorf("l'oracle compte %+v, attendu %+v", o.figures, tc.want)
			}
			checkExplanation(t, e)
		})
	}
}

func twoOfThree() []model.Attendance {
	return []model.Attendance{
		att(mon, "08:00", "08:55", model.KindAbsent, nil), att(mon, "08:55", "09:50", model.KindAbsent, nil),
		att(mon, "10:05", "11:00", model.KindPresent, nil),
	}
}

func overlapping() []model.Attendance {
	other := att(mon, "08:30", "09:25", model.KindAbsent, nil)
	other.Seance.ID += "-groupe"
	return []model.Attendance{att(mon, "08:00", "08:55", model.KindAbsent, nil), other}
}

func otherPupil(a model.Attendance) model.Attendance {
	a.Pupil = "p2"
	return a
}

// checkExplanation verifies that an explanation's parts make its totals.
func checkExplanation(t *testing.T, e model.Explanation) {
	t.Helper()
	var sum model.Figures
	for i, h := range e.HalfDays {
		sum = sum.Add(h.Figures)
		if h.Figures.HalfDays() > 1 || (h.Figures.HalfDays() == 1) != h.Absent {
			t.Errorf("demi-journée %s : %d demi-journées, absente %v", h.Label(), h.Figures.HalfDays(), h.Absent)
		}
		if h.Absent && (h.Figures.ValidHalfDays == 1) != h.Valid {
			t.Errorf("demi-journée %s : validité incohérente", h.Label())
		}
		if i > 0 {
			prev := e.HalfDays[i-1]
			if !prev.Date.Before(h.Date) && !(prev.Date == h.Date && prev.Half < h.Half) {
				t.Errorf("demi-journées hors d'ordre : %s puis %s", prev.Label(), h.Label())
			}
		}
	}
	if sum != e.Totals {
		t.Errorf("somme des demi-journées %+v ≠ totaux %+v", sum, e.Totals)
	}
	var months model.Figures
	for _, m := range e.Months() {
		months = months.Add(m.Figures)
	}
	if months != e.Totals {
		t.Errorf("somme des mois %+v ≠ totaux %+v", months, e.Totals)
	}
}

func TestExplainLinesShowEffects(t *testing.T) {
	atts := []model.Attendance{
		late(mon, "08:00", "08:55", 20, nil), cancelled(att(mon, "08:55", "09:50", model.KindAbsent, nil)),
		att(mon, "10:05", "11:00", model.KindAbsent, just(reveil)), late(mon, "13:30", "14:25", 5, nil),
	}
	e := model.Explain("p1", atts, settings(model.CountAnySeance, 10))
	var got []model.Effect
	for _, h := range e.HalfDays {
		for _, l := range h.Seances {
			got = append(got, l.Effect)
		}
	}
	want := []model.Effect{model.EffectLateAsAbsent, model.EffectCancelled, model.EffectAbsent, model.EffectLate}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("effets = %v, attendu %v", got, want)
	}
	morning := e.HalfDays[0]
	if !morning.InvalidMotive || morning.Status() != "non valable" || morning.Label() != "23/11/2026 matin" {
		t.Errorf("matin : %+v", morning)
	}
	if by := morning.Seances[2].Attendance.Justification.By; by != "cpe1" {
		t.Errorf("motif saisi par %q", by)
	}
	if e.HalfDays[1].InvalidMotive {
		t.Errorf("l'après-midi n'est pas une demi-journée d'absence")
	}
}

func TestExplainRedactedKeepsCounts(t *testing.T) {
	atts := []model.Attendance{att(mon, "08:00", "08:55", model.KindAbsent, just(maladie))}
	e := model.Explain("p1", atts, brute)
	r := e.Redacted()
	if r.Totals != e.Totals || !r.HalfDays[0].Valid {
		t.Fatalf("le masquage change le décompte : %+v", r.Totals)
	}
	j := r.HalfDays[0].Seances[0].Attendance.Justification
	if j == nil || j.Label != "" || j.Motive != "" {
		t.Fatalf("motif visible après masquage : %+v", j)
	}
	if e.HalfDays[0].Seances[0].Attendance.Justification.Label == "" {
		t.Fatal("le masquage a modifié l'original")
	}
	// Counting redacted attendances would turn valable into non valable:
	// the reason Explain must be given the stored attendances.
	redacted := []model.Attendance{atts[0].Redacted()}
	if countOf("p1", redacted, brute).ValidHalfDays != 0 {
		t.Fatal("une absence masquée ne porte plus sa validité")
	}
}

func TestEffectLabels(t *testing.T) {
	for e := model.EffectNone; e <= model.EffectExcluded; e++ {
		if e.Label() == "" {
			t.Errorf("effet %d sans libellé", e)
		}
		if e.Missed() != (e == model.EffectAbsent || e == model.EffectLateAsAbsent) {
			t.Errorf("effet %d : Missed = %v", e, e.Missed())
		}
	}
	f := model.Figures{ValidHalfDays: 2, InvalidHalfDays: 3, MissedMinutes: 90}
	if f.HalfDays() != 5 || f.Hours() != 1.5 {
		t.Errorf("HalfDays %d, Hours %v", f.HalfDays(), f.Hours())
	}
}
