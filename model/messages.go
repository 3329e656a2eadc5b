package model

// Messages returns the messages to the actor not yet read, oldest first:
// the reminders sent while he was away are shown at his next login.
func (s *Service) Messages() ([]Notification, error) {
	var out []Notification
	err := s.store.View(func(tx ReadTx) error {
		var err error
		out, err = tx.Messages(s.actor.Login)
		return err
	})
	return out, err
}

// ReadMessages records that the actor read his messages up to the one
// numbered upTo: they are no longer shown.
func (s *Service) ReadMessages(upTo uint64) error {
	_, err := s.update("messages lus", func(tx Tx) error { return tx.ReadMessages(s.actor.Login, upTo) })
	return err
}
