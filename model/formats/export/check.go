package export

// Check refuses a row whose half-days do not add up (total = valable + non
// valable), for callers that write the rows one by one rather than through
// WriteStats.
func (r StatsRow) Check() error { return r.check() }
