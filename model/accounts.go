package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Accounts returns every account, by login. Admin only, or the actor's own.
func (s *Service) Accounts() ([]Account, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermAccounts); err != nil {
		return nil, err
	}
	out := slices.Clone(dir.Accounts)
	slices.SortFunc(out, func(a, b Account) int { return strings.Compare(a.Login, b.Login) })
	return out, nil
}

// AddAccount creates an account; the login must be new.
func (s *Service) AddAccount(a Account) error {
	if err := s.requireAccounts(); err != nil {
		return err
	}
	a.Roles = normalizeRoles(a.Roles)
	if err := a.Validate(); err != nil {
		return err
	}
	_, err := s.update("compte créé", func(tx Tx) error {
		if _, exists, err := tx.Account(a.Login); err != nil || exists {
			return firstErr(err, Conflict("le compte %q existe déjà", a.Login))
		}
		return tx.PutAccount(a)
	})
	return err
}

// EditAccount changes an account's name, roles or state through fn.
func (s *Service) EditAccount(login string, fn func(*Account) error) (Account, error) {
	if err := s.requireAccounts(); err != nil {
		return Account{}, err
	}
	var out Account
	err := s.editOwn(login, "compte modifié", func(a *Account) error {
		if err := fn(a); err != nil {
			return err
		}
		a.Roles = normalizeRoles(a.Roles)
		if err := a.Validate(); err != nil {
			return err
		}
		out = *a
		return nil
	})
	return out, err
}

// AddKey authorises an OpenSSH public key for login. A key may belong to one
// account only.
func (s *Service) AddKey(login, line string) (PublicKey, error) {
	key, err := ParseAuthorizedKey(line)
	if err != nil {
		return PublicKey{}, err
	}
	keys, err := s.addKeys(login, []PublicKey{key}, func(_ int, err error) error { return err })
	if err != nil {
		return PublicKey{}, err
	}
	return keys[0], nil
}

// AddKeys authorises for login every key of an authorized_keys text, given
// as its lines (blank lines and # comments are skipped): all of them or none.
// A line that is not a key, a key of another account, a key already
// authorised or given twice refuses them all, and the error names each
// refused line (1 is the first).
func (s *Service) AddKeys(login string, lines []string) ([]PublicKey, error) {
	var keys []PublicKey
	var numbers []int
	var refused []string
	for i, line := range lines {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, err := ParseAuthorizedKey(line)
		if err != nil {
			refused = append(refused, fmt.Sprintf("ligne %d : %s", i+1, UserMessage(err)))
			continue
		}
		keys, numbers = append(keys, key), append(numbers, i+1)
	}
	if len(refused) > 0 {
		return nil, invalid("clés refusées, aucune n'a été ajoutée : %s", strings.Join(refused, " ; "))
	}
	if len(keys) == 0 {
		return nil, invalid("aucune clé publique : attendu une ligne « type clé [commentaire] » (fichier .pub)")
	}
	return s.addKeys(login, keys, func(i int, err error) error {
		var e *Error
		if !errors.As(err, &e) {
			return err
		}
		return &Error{Kind: e.Kind, Message: fmt.Sprintf("ligne %d : %s", numbers[i], e.Message)}
	})
}

// addKeys authorises keys for login in one change; name gives a refused
// key's place in the error.
func (s *Service) addKeys(login string, keys []PublicKey, name func(int, error) error) ([]PublicKey, error) {
	if err := s.requireAccounts(); err != nil {
		return nil, err
	}
	dir, err := s.Directory()
	if err != nil {
		return nil, err
	}
	var refused []error
	for i := range keys {
		keys[i].AddedAt = s.now().In(dir.Location()).Format(time.RFC3339)
		if owner, ok := dir.KeyOwner(keys[i].Fingerprint); ok && owner != login {
			refused = append(refused, name(i, Conflict("cette clé appartient déjà au compte %q", owner)))
		}
	}
	_, err = s.EditAccount(login, func(a *Account) error {
		had := len(a.Keys)
		for i, key := range keys {
			switch at := slices.IndexFunc(a.Keys, func(k PublicKey) bool { return k.Fingerprint == key.Fingerprint }); {
			case at >= had:
				refused = append(refused, name(i, Conflict("cette clé est donnée deux fois")))
			case at >= 0:
				refused = append(refused, name(i, Conflict("cette clé est déjà autorisée pour %q", login)))
			}
			a.Keys = append(a.Keys, key)
		}
		return keyRefusals(refused)
	})
	return keys, err
}

// keyRefusals joins the refused keys into one error, nil when none was.
func keyRefusals(refused []error) error {
	switch len(refused) {
	case 0:
		return nil
	case 1:
		return refused[0]
	}
	msgs := make([]string, len(refused))
	for i, err := range refused {
		msgs[i] = UserMessage(err)
	}
	return Conflict("clés refusées, aucune n'a été ajoutée : %s", strings.Join(msgs, " ; "))
}

// RemoveKey withdraws a key from login, by fingerprint (or a unique prefix of it).
func (s *Service) RemoveKey(login, fingerprint string) error {
	_, err := s.EditAccount(login, func(a *Account) error {
		i := slices.IndexFunc(a.Keys, func(k PublicKey) bool {
			return k.Fingerprint == fingerprint || strings.HasPrefix(k.Fingerprint, fingerprint) && len(fingerprint) > 12
		})
		if i < 0 {
			return NotFound("aucune clé %q pour %q", fingerprint, login)
		}
		a.Keys = slices.Delete(a.Keys, i, i+1)
		return nil
	})
	return err
}

func (s *Service) requireAccounts() error {
	_, pol, err := s.Session()
	if err != nil {
		return err
	}
	return pol.Require(PermAccounts)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
