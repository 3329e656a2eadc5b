package demo

import (
	"fmt"
	"testing"
	"time"

	"appel/model"
)

// TestProfAtEight checks every school day of the year: prof has a séance at
// 08:00 for a whole division of 28 to 30 pupils, in A weeks and B weeks.
func TestProfAtEight(t *testing.T) {
	d := reference(t)
	c := newChecker(d)
	weekTypes := map[string]int{}
	for day := d.School.YearStart; !day.After(d.School.YearEnd); day = day.AddDays(1) {
		if !d.School.IsSchoolDay(day) {
			continue
		}
		weekTypes[d.School.WeekType(day)]++
		found := false
		for _, s := range c.dir.TeacherSeances(ProfLogin, day) {
			n := len(c.dir.Members(s.Target, day))
			if s.Start == 8*60 && !s.Cancelled && s.Target.Kind == model.TargetDivision && n >= 28 && n <= 30 {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s (%s, week %s): no 08:00 séance for prof", day, day.Weekday(), d.School.WeekType(day))
		}
	}
	if weekTypes["A"] < 50 || weekTypes["B"] < 50 {
		t.Errorf("school days by week type: %v", weekTypes)
	}
}

// TestNoConflicts checks that no pupil and no teacher is in two places at
// once, in week A and in week B, and that Wednesday afternoon is free.
func TestNoConflicts(t *testing.T) {
	d := reference(t)
	for _, week := range []string{"A", "B"} {
		busy := map[string]model.Course{}
		occupy := func(who string, c model.Course) {
			for _, s := range model.DefaultSlots() {
				if s.Start < c.Start || s.End > c.End {
					continue
				}
				key := fmt.Sprintf("%s/%d/%s", who, c.Weekday, s.Code)
				if other, ok := busy[key]; ok {
					t.Errorf("week %s: %s in %s and %s", week, who, other.ID, c.ID)
				}
				busy[key] = c
			}
		}
		for _, c := range d.Courses {
			if c.Weeks != "" && c.Weeks != week {
				continue
			}
			if c.Weekday == time.Wednesday && c.End > 13*60 {
				t.Errorf("course %s on Wednesday afternoon", c.ID)
			}
			occupy("teacher "+c.Teachers[0], c)
			for _, p := range d.Pupils {
				if attends(p, c.Target) {
					occupy("pupil "+string(p.ID), c)
				}
			}
		}
	}
}

func attends(p model.Pupil, t model.Target) bool {
	if t.Kind == model.TargetGroup {
		return p.InGroup(t.Code)
	}
	return p.Division == t.Code
}

// TestWeeklyHours checks that each pupil has about 26 hours a week in both
// week types (Latin adds one or two), and that courses start and end on slots.
func TestWeeklyHours(t *testing.T) {
	d := reference(t)
	starts, ends := map[model.Clock]bool{}, map[model.Clock]bool{}
	for _, s := range model.DefaultSlots() {
		starts[s.Start], ends[s.End] = true, true
	}
	weeks := map[string]int{}
	for _, c := range d.Courses {
		weeks[c.Weeks]++
		if !starts[c.Start] || !ends[c.End] {
			t.Errorf("course %s: %s–%s off the slots", c.ID, c.Start, c.End)
		}
	}
	if weeks["A"] == 0 || weeks["B"] == 0 {
		t.Errorf("courses by weeks: %v", weeks)
	}
	for i := 0; i < len(d.Pupils); i += 7 {
		p := d.Pupils[i]
		for _, week := range []string{"A", "B"} {
			slots := 0
			for _, c := range d.Courses {
				if (c.Weeks == "" || c.Weeks == week) && attends(p, c.Target) {
					slots += slotCount(c)
				}
			}
			if slots < 26 || slots > 28 {
				t.Errorf("pupil %s (%s, %v), week %s: %d slots", p.ID, p.Division, p.Groups, week, slots)
			}
		}
	}
}

func slotCount(c model.Course) int {
	n := 0
	for _, s := range model.DefaultSlots() {
		if s.Start >= c.Start && s.End <= c.End {
			n++
		}
	}
	return n
}
