package model

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"slices"
	"strings"
	"time"
)

// Invitation is a pending one-time code that lets a member of staff enrol
// his own SSH key at his first connection: only a salted hash of the code is
// kept, the code itself is shown once to the administrator who invites.
type Invitation struct {
	Hash    string    `json:"hash"`
	Salt    string    `json:"salt"`
	Expires time.Time `json:"expires"`
	// Failures counts the wrong codes typed; MaxCodeFailures voids it.
	Failures int `json:"failures,omitempty"`
}

// MaxCodeFailures wrong codes void an invitation.
const MaxCodeFailures = 5

// codeAlphabet leaves out the letters and digits read one for another
// (0 O, 1 I L).
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// newCode is a code of eight characters of codeAlphabet, written XXXX-XXXX.
func newCode() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	var out strings.Builder
	for i, c := range b {
		if i == 4 {
			out.WriteByte('-')
		}
		out.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return out.String()
}

func hashCode(salt, code string) string {
	norm := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), "-", ""))
	sum := sha256.Sum256([]byte(salt + norm))
	return hex.EncodeToString(sum[:])
}

// matches reports, in constant time, whether code is the invitation's.
func (inv Invitation) matches(code string) bool {
	return subtle.ConstantTimeCompare([]byte(hashCode(inv.Salt, code)), []byte(inv.Hash)) == 1
}

// Invite gives login a one-time code valid for days, replacing any pending
// one; it returns the code, shown once and never kept. Administrators only.
func (s *Service) Invite(login string, days int) (code string, expires time.Time, err error) {
	if err := s.requireAccounts(); err != nil {
		return "", time.Time{}, err
	}
	return s.inviteAs(login, days)
}

// inviteAs writes login's invitation; callers check who may.
func (s *Service) inviteAs(login string, days int) (code string, expires time.Time, err error) {
	if days < 1 || days > 90 {
		return "", time.Time{}, invalid("durée d'invitation de %d jours : entre 1 et 90", days)
	}
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	code = newCode()
	expires = s.now().Add(time.Duration(days) * 24 * time.Hour)
	inv := &Invitation{Salt: hex.EncodeToString(salt), Expires: expires}
	inv.Hash = hashCode(inv.Salt, code)
	if err := s.editOwn(login, "invitation", func(a *Account) error {
		if a.Disabled {
			return invalid("le compte %s est désactivé : réactivez-le d'abord", login)
		}
		a.Invitation = inv
		return nil
	}); err != nil {
		return "", time.Time{}, err
	}
	return code, expires, nil
}

// InviteMe gives the actor a code for a new computer of his own (« Mes
// clés »): his next connection with a key the server does not know asks
// for it.
func (s *Service) InviteMe(days int) (string, time.Time, error) {
	if s.actor.Login == "" {
		return "", time.Time{}, Forbidden("aucun compte")
	}
	return s.inviteAs(s.actor.Login, days)
}

// MyKeys returns the actor's own keys.
func (s *Service) MyKeys() ([]PublicKey, error) {
	dir, err := s.Directory()
	if err != nil {
		return nil, err
	}
	a, ok := dir.Account(s.actor.Login)
	if !ok {
		return nil, NotFound("compte %q introuvable", s.actor.Login)
	}
	return a.Keys, nil
}

// RemoveMyKey withdraws one of the actor's own keys (a lost laptop); his
// last key stays, or he could no longer connect.
func (s *Service) RemoveMyKey(fingerprint string) error {
	return s.editOwn(s.actor.Login, "clé retirée par son titulaire", func(a *Account) error {
		i := slices.IndexFunc(a.Keys, func(k PublicKey) bool { return k.Fingerprint == fingerprint })
		switch {
		case i < 0:
			return NotFound("clé %s introuvable", fingerprint)
		case len(a.Keys) == 1:
			return invalid("c'est votre dernière clé : sans elle vous ne pourriez plus vous connecter")
		}
		a.Keys = slices.Delete(a.Keys, i, i+1)
		return nil
	})
}

// editOwn changes one account in one audited change, without the
// administrator's permission: the callers check who may (EditAccount for
// the administrator, the invitations and « Mes clés » for the holder).
func (s *Service) editOwn(login, verb string, fn func(*Account) error) error {
	_, err := s.update(verb, func(tx Tx) error {
		a, ok, err := tx.Account(login)
		if err != nil || !ok {
			return firstErr(err, NotFound("compte %q introuvable", login))
		}
		a.Keys = slices.Clone(a.Keys)
		if err := fn(&a); err != nil {
			return err
		}
		return tx.PutAccount(a)
	})
	return err
}

// Invited reports whether login has an invitation still valid now (the
// server asks for the code only then).
func (s *Service) Invited(login string) bool {
	dir, err := s.store.Directory()
	if err != nil {
		return false
	}
	a, ok := dir.Account(login)
	return ok && !a.Disabled && a.invitedAt(s.now())
}

// invitedAt reports whether the account has an invitation still valid at now.
func (a Account) invitedAt(now time.Time) bool {
	return a.Invitation != nil && now.Before(a.Invitation.Expires)
}

// Enrol binds the key to login when code is the invitation's: the key is
// authorised, the invitation voided, both audited as login's own doing. A
// wrong code is counted (the MaxCodeFailures-th voids the invitation); an
// expired or voided invitation says so. The service's actor is the
// connecting user.
func (s *Service) Enrol(login, code, keyLine string) (PublicKey, error) {
	key, err := ParseAuthorizedKey(keyLine)
	if err != nil {
		return PublicKey{}, err
	}
	dir, err := s.Directory()
	if err != nil {
		return PublicKey{}, err
	}
	if owner, ok := dir.KeyOwner(key.Fingerprint); ok {
		return PublicKey{}, Conflict("cette clé appartient déjà au compte %q", owner)
	}
	now := s.now()
	key.AddedAt = now.In(dir.Location()).Format(time.RFC3339)
	var refusal error
	_, err = s.update("clé enregistrée par code d'activation", func(tx Tx) error {
		refusal = nil
		a, ok, err := tx.Account(login)
		if err != nil || !ok || a.Disabled || a.Invitation == nil {
			refusal = Forbidden("aucune invitation en cours pour ce compte")
			return err
		}
		inv := *a.Invitation
		switch {
		case !now.Before(inv.Expires):
			refusal = Forbidden("ce code a expiré le %s : demandez-en un autre à l'administrateur", inv.Expires.In(dir.Location()).Format("02/01/2006"))
			return nil
		case !inv.matches(code):
			inv.Failures++
			a.Invitation = &inv
			refusal = Invalid("code d'activation faux (%d essai(s) restant(s))", MaxCodeFailures-inv.Failures)
			if inv.Failures >= MaxCodeFailures {
				a.Invitation = nil
				refusal = Forbidden("code faux pour la %de fois : l'invitation est annulée, demandez-en une autre", MaxCodeFailures)
			}
		default:
			a.Invitation = nil
			a.Keys = append(slices.Clone(a.Keys), key)
		}
		return tx.PutAccount(a)
	})
	if err != nil {
		return PublicKey{}, err
	}
	return key, refusal
}
