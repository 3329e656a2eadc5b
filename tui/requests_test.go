package tui

import "testing"

func TestRequestsTakeOnlyTheNewestAnswer(t *testing.T) {
	var r requests
	if r.waiting() {
		t.Fatal("nothing sent, nothing waited for")
	}
	first, second := r.next(), r.next()
	if !r.waiting() {
		t.Fatal("two requests sent, none answered: waiting")
	}
	for _, tc := range []struct {
		answer  int
		taken   bool
		waiting bool
	}{
		{second, true, false}, // the newest answer, even before the older one
		{first, false, false}, // the older answer comes back late: dropped
		{second, true, false},
	} {
		if got := r.take(tc.answer); got != tc.taken {
			t.Errorf("take(%d) = %v, want %v", tc.answer, got, tc.taken)
		}
		if r.waiting() != tc.waiting {
			t.Errorf("after take(%d): waiting = %v, want %v", tc.answer, r.waiting(), tc.waiting)
		}
	}
	third := r.next()
	if r.take(second) || !r.waiting() || !r.take(third) {
		t.Error("a new request makes the older answers stale until its own comes")
	}
}
