package imports_test

import (
	"testing"

	"appel/model"
	"appel/model/imports"
)

// school2000 is the benchmark school: 2,000 pupils, 72 divisions, 110 teachers.
func school2000() bigSchool {
	return bigSchool{pupils: 2000, perDivision: 28, teachers: 110, uai: "0670001A", year: bare("0670001A").School}
}

// step is one file to import.
type step struct {
	kind imports.Kind
	src  imports.Source
}

// files returns the SIECLE, STS-Web and emp_sts files of s, in import order.
func (s bigSchool) files() []step {
	return []step{{imports.Siecle, s.siecle()}, {imports.STS, s.sts()}, {imports.Timetable, s.emp()}}
}

// importAll imports files into f, in order.
func importAll(tb testing.TB, f fixture, files []step) []*imports.Report {
	tb.Helper()
	var out []*imports.Report
	for _, st := range files {
		out = append(out, f.run(tb, st.kind, st.src, imports.Options{SlotsFromFile: st.kind == imports.Timetable}))
	}
	return out
}

// TestGeneratedSchool checks what the benchmark imports: every pupil,
// division, group, teacher and course, A/B weeks, and no change on re-import.
func TestGeneratedSchool(t *testing.T) {
	s := school2000()
	f := newFixture(t, bare(s.uai))
	reps := importAll(t, f, s.files())
	dir := f.dir(t)
	groups := len(dir.Groups)
	if len(dir.Pupils) != 2000 || len(dir.Divisions) != 72 || groups != 36 {
		t.Errorf("%d pupils, %d divisions, %d groups", len(dir.Pupils), len(dir.Divisions), groups)
	}
	if n := reps[1].Count(model.EntityAccount, imports.Created); n != 110 {
		t.Errorf("%d teachers created", n)
	}
	if want := 72*28 + groups*2; len(dir.Courses) != want || reps[2].Count("", imports.Skipped) != 0 {
		t.Errorf("%d courses, want %d: %v", len(dir.Courses), want, reps[2].Summary())
	}
	for _, c := range dir.Courses {
		if len(c.Teachers) != 1 {
			t.Fatalf("course without its teacher: %+v", c)
		}
	}
	if dir.School.WeekType(today) == "" {
		t.Error("no week type after the timetable")
	}
	for _, again := range importAll(t, f, s.files()) {
		if again.Changes() != 0 {
			t.Errorf("re-import of %s: %v", again.File, again.Summary())
		}
	}
}

// BenchmarkImportSchool2000 imports a school of 2,000 pupils and its year's
// timetable (SIECLE, STS-Web, emp_sts) into a fresh store.
func BenchmarkImportSchool2000(b *testing.B) {
	s := school2000()
	files := s.files()
	var size int64
	for _, f := range files {
		size += int64(len(f.src.Data))
	}
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		f := newFixture(b, bare(s.uai))
		b.StartTimer()
		importAll(b, f, files)
	}
}
