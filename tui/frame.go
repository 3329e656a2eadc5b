package tui

// frameCache keeps a screen's last frame: Bubble Tea draws after every
// message, and many messages (a change that only starts a load) leave the
// screen as it was. The screen invalidates it when its state changes.
type frameCache struct {
	valid         bool
	width, height int
	text          string
}

func (f *frameCache) invalidate() { f.valid = false }

// get returns the frame of that size, drawing it only when needed.
func (f *frameCache) get(width, height int, draw func(width, height int) string) string {
	if !f.valid || f.width != width || f.height != height {
		f.text, f.width, f.height, f.valid = draw(width, height), width, height, true
	}
	return f.text
}
