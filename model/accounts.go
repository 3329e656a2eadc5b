package model

import (
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
	_, err := s.update("compte modifié", func(tx Tx) error {
		a, ok, err := tx.Account(login)
		if err != nil || !ok {
			return firstErr(err, NotFound("compte %q introuvable", login))
		}
		a.Keys = slices.Clone(a.Keys)
		if err := fn(&a); err != nil {
			return err
		}
		a.Roles = normalizeRoles(a.Roles)
		if err := a.Validate(); err != nil {
			return err
		}
		out = a
		return tx.PutAccount(a)
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
	dir, err := s.Directory()
	if err != nil {
		return PublicKey{}, err
	}
	if owner, ok := dir.KeyOwner(key.Fingerprint); ok && owner != login {
		return PublicKey{}, Conflict("cette clé appartient déjà au compte %q", owner)
	}
	key.AddedAt = s.now().In(dir.Location()).Format(time.RFC3339)
	_, err = s.EditAccount(login, func(a *Account) error {
		for _, k := range a.Keys {
			if k.Fingerprint == key.Fingerprint {
				return Conflict("cette clé est déjà autorisée pour %q", login)
			}
		}
		a.Keys = append(a.Keys, key)
		return nil
	})
	return key, err
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
