package model

import (
	"context"
	"time"
)

// Service is what one signed-in person may do with the store: every query and
// write of every screen goes through it, and each checks the account's Policy
// first.
type Service struct {
	store Store
	actor Actor
	now   func() time.Time
	// system marks the machine's operator (the command line on the db file),
	// who holds every role without an account.
	system bool
	// history is the actor's undo and redo stacks for this session.
	history *history
}

// NewService returns the service of actor over store; now is the clock.
func NewService(store Store, actor Actor, now func() time.Time) *Service {
	return &Service{store: store, actor: actor, now: now, history: &history{}}
}

// NewSystemService returns the service of the machine's operator: the command
// line working on the db file directly, which holds every role. It is audited
// under actor like anyone else.
func NewSystemService(store Store, actor Actor, now func() time.Time) *Service {
	return &Service{store: store, actor: actor, now: now, system: true, history: &history{}}
}

// Actor returns who the service acts for.
func (s *Service) Actor() Actor { return s.actor }

// Now returns the clock's time in the school's time zone.
func (s *Service) Now() time.Time {
	if dir, err := s.store.Directory(); err == nil {
		return s.now().In(dir.Location())
	}
	return s.now()
}

// Today returns the clock's date in the school's time zone.
func (s *Service) Today() Date { return DateOf(s.Now()) }

// todayIn returns the clock's date in loc (the time zone of a school the
// caller holds already).
func (s *Service) todayIn(loc *time.Location) Date { return DateOf(s.now().In(loc)) }

// Watch returns the feed of committed changes until ctx ends.
func (s *Service) Watch(ctx context.Context) <-chan Change { return s.store.Watch(ctx) }

// WatchInterest returns the feed of the committed changes that box wants
// until ctx ends.
func (s *Service) WatchInterest(ctx context.Context, box *InterestBox) <-chan Change {
	return s.store.WatchInterest(ctx, box)
}

// Session returns the current directory and the actor's policy, checked
// against the stored account each time: a removed or disabled account, or a
// role taken away, takes effect at the next action.
func (s *Service) Session() (*Directory, Policy, error) {
	dir, err := s.store.Directory()
	if err != nil {
		return nil, Policy{}, err
	}
	if s.system {
		return dir, PolicyFor(s.systemAccount()), nil
	}
	acc, ok := dir.Account(s.actor.Login)
	if !ok || acc.Disabled {
		return nil, Policy{}, Forbidden("le compte %q n'existe pas ou est désactivé", s.actor.Login)
	}
	return dir, PolicyFor(acc), nil
}

func (s *Service) systemAccount() Account {
	return Account{Login: s.actor.Login, Name: "Ligne de commande", Roles: AllRoles}
}

// Account returns the actor's account as stored now.
func (s *Service) Account() (Account, error) {
	dir, _, err := s.Session()
	if err != nil {
		return Account{}, err
	}
	if s.system {
		return s.systemAccount(), nil
	}
	acc, _ := dir.Account(s.actor.Login)
	return acc, nil
}

// Directory returns the current structure, for any signed-in actor.
func (s *Service) Directory() (*Directory, error) {
	dir, _, err := s.Session()
	return dir, err
}

func (s *Service) update(verb string, fn func(Tx) error) (Receipt, error) {
	return s.store.Update(context.Background(), s.actor, verb, fn)
}

// updateSchool changes the school in one transaction: edit gets the school
// as the transaction sees it (not the directory read before), so that two
// changes of the school committed together both stand. edit may run more
// than once and must only compute.
func (s *Service) updateSchool(verb string, edit func(School) (School, error)) (Receipt, error) {
	return s.update(verb, func(tx Tx) error {
		school, err := schoolIn(tx)
		if err != nil {
			return err
		}
		if school, err = edit(school); err != nil {
			return err
		}
		return tx.PutSchool(school)
	})
}

// schoolIn reads the school in tx.
func schoolIn(tx Tx) (School, error) {
	school, ok, err := tx.School()
	if err == nil && !ok {
		err = NotFound("aucun établissement dans cette base")
	}
	return school, err
}
