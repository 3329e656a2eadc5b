package model

// Require returns ErrForbidden unless the actor's role grants perm; commands
// that act on the store as a whole (a backup) check it before they start.
func (s *Service) Require(perm Permission) error {
	_, pol, err := s.Session()
	if err != nil {
		return err
	}
	return pol.Require(perm)
}

// Audit returns the audit log entries matching q, oldest first.
func (s *Service) Audit(q AuditQuery) ([]AuditEntry, error) {
	if err := s.Require(PermAudit); err != nil {
		return nil, err
	}
	var out []AuditEntry
	err := s.store.View(func(tx ReadTx) error {
		var err error
		out, err = tx.Audit(q)
		return err
	})
	return out, err
}
