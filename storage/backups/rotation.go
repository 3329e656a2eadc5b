package backups

import (
	"os"
	"time"
)

// The rotation (README.md, « Sauvegardes »): every backup of the last two
// days, at most one an hour; the last of each day for Policy.Days days (the
// setting backup.keep, 30 by default); the last taken by the end of each
// term and of the year, for good; and always the newest.
const hourlyFor = 48 * time.Hour

// Policy is what the rotation keeps beyond the last two days.
type Policy struct {
	// Days is how long one backup a day is kept.
	Days int
	// Ends are the last days of the terms and of the year (local dates at
	// midnight): the last backup taken by each is kept for good.
	Ends []time.Time
}

// Keep returns which of the backups (newest first, as List gives them) the
// rotation keeps at now.
func Keep(list []Backup, now time.Time, p Policy) map[string]bool {
	dailyFor := time.Duration(p.Days) * 24 * time.Hour
	keep := map[string]bool{}
	if len(list) == 0 {
		return keep
	}
	keep[list[0].Path] = true
	hours, days := map[time.Time]bool{}, map[time.Time]bool{}
	for _, b := range list {
		age := now.Sub(b.At)
		hour := b.At.Truncate(time.Hour)
		day := time.Date(b.At.Year(), b.At.Month(), b.At.Day(), 0, 0, 0, 0, b.At.Location())
		if age <= hourlyFor && !hours[hour] {
			keep[b.Path], hours[hour] = true, true
		}
		if age <= dailyFor && !days[day] {
			keep[b.Path], days[day] = true, true
		}
	}
	for _, end := range p.Ends {
		if b, ok := lastBy(list, end.AddDate(0, 0, 1)); ok {
			keep[b.Path] = true
		}
	}
	return keep
}

// lastBy is the newest backup taken before t.
func lastBy(list []Backup, t time.Time) (Backup, bool) {
	for _, b := range list {
		if b.At.Before(t) {
			return b, true
		}
	}
	return Backup{}, false
}

// Rotate removes the backups of dir that the rotation no longer keeps and
// returns their paths.
func Rotate(dir string, now time.Time, p Policy) ([]string, error) {
	list, err := List(dir, now.Location())
	if err != nil {
		return nil, err
	}
	keep := Keep(list, now, p)
	var removed []string
	for _, b := range list {
		if keep[b.Path] {
			continue
		}
		if err := os.Remove(b.Path); err != nil {
			return removed, err
		}
		removed = append(removed, b.Path)
	}
	return removed, nil
}
