package model

import (
	"fmt"
	"net"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// SettingKind says what values a setting takes and how they are checked.
type SettingKind int

// Kinds of setting.
const (
	// SettingText is any short single-line text.
	SettingText SettingKind = iota
	// SettingInt is a whole number between Min and Max (when Max > Min).
	SettingInt
	// SettingBool is oui/non (true/false, 1/0 accepted).
	SettingBool
	// SettingChoice is one of Choices.
	SettingChoice
	// SettingDuration is a duration: 90s, 15m, 1h, 2h30m, 7j.
	SettingDuration
	// SettingAddr is HOST:PORT.
	SettingAddr
	// SettingEmail is one e-mail address.
	SettingEmail
	// SettingPath is a file or folder path on the server.
	SettingPath
)

// SettingDef describes one setting of the school: its key (smtp.addr), what
// it is for, in French, and the values it accepts.
type SettingDef struct {
	Key   string
	Label string
	Help  string
	Kind  SettingKind
	// Default is the value in force while the setting is unset ("" allowed).
	Default string
	Choices []string
	Min     int
	Max     int
}

var settingRegistry = struct {
	sync.RWMutex
	defs map[string]SettingDef
}{defs: map[string]SettingDef{}}

// RegisterSettings adds definitions to the registry; the packages of model
// call it from init. A key registered twice is a programming error.
func RegisterSettings(defs ...SettingDef) {
	settingRegistry.Lock()
	defer settingRegistry.Unlock()
	for _, d := range defs {
		if _, dup := settingRegistry.defs[d.Key]; dup {
			panic("model: setting registered twice: " + d.Key)
		}
		if d.Default != "" {
			if _, err := d.normalize(d.Default); err != nil {
				panic("model: bad default for setting " + d.Key + ": " + err.Error())
			}
		}
		settingRegistry.defs[d.Key] = d
	}
}

// SettingDefs returns every registered setting, by key.
func SettingDefs() []SettingDef {
	settingRegistry.RLock()
	defer settingRegistry.RUnlock()
	out := make([]SettingDef, 0, len(settingRegistry.defs))
	for _, d := range settingRegistry.defs {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b SettingDef) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// LookupSetting returns the definition of key.
func LookupSetting(key string) (SettingDef, bool) {
	settingRegistry.RLock()
	defer settingRegistry.RUnlock()
	d, ok := settingRegistry.defs[key]
	return d, ok
}

// KindName returns the French name of the kind of values, for help texts.
func (d SettingDef) KindName() string {
	switch d.Kind {
	case SettingInt:
		if d.Max > d.Min {
			return fmt.Sprintf("nombre de %d à %d", d.Min, d.Max)
		}
		return "nombre"
	case SettingBool:
		return "oui ou non"
	case SettingChoice:
		return strings.Join(d.Choices, " | ")
	case SettingDuration:
		return "durée (15m, 1h, 7j)"
	case SettingAddr:
		return "hôte:port"
	case SettingEmail:
		return "adresse e-mail"
	case SettingPath:
		return "chemin"
	}
	return "texte"
}

// normalize checks a value against the definition and returns it in its
// canonical form (trimmed, oui/non for booleans).
func (d SettingDef) normalize(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	if err := CheckField(d.Key, v, Plain); err != nil {
		return "", err
	}
	switch d.Kind {
	case SettingInt:
		n, err := strconv.Atoi(v)
		if err != nil || (d.Max > d.Min && (n < d.Min || n > d.Max)) {
			return "", invalid("%s : %q n'est pas un %s", d.Key, v, d.KindName())
		}
		return strconv.Itoa(n), nil
	case SettingBool:
		b, ok := parseYesNo(v)
		if !ok {
			return "", invalid("%s : %q n'est pas « oui » ou « non »", d.Key, v)
		}
		return yesNo(b), nil
	case SettingChoice:
		if !slices.Contains(d.Choices, v) {
			return "", invalid("%s : %q n'est pas une valeur possible (%s)", d.Key, v, d.KindName())
		}
	case SettingDuration:
		if _, err := ParseSettingDuration(v); err != nil {
			return "", invalid("%s : %q n'est pas une durée (exemples : 15m, 1h, 7j)", d.Key, v)
		}
	case SettingAddr:
		if host, port, err := net.SplitHostPort(v); err != nil || host == "" || port == "" {
			return "", invalid("%s : %q n'est pas de la forme hôte:port", d.Key, v)
		}
	case SettingEmail:
		if _, err := mail.ParseAddress(v); err != nil {
			return "", invalid("%s : %q n'est pas une adresse e-mail", d.Key, v)
		}
	}
	return v, nil
}

func parseYesNo(v string) (bool, bool) {
	switch strings.ToLower(v) {
	case "oui", "true", "1", "vrai", "on":
		return true, true
	case "non", "false", "0", "faux", "off":
		return false, true
	}
	return false, false
}

func yesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

// ParseSettingDuration reads a duration as settings write it: Go's units
// (90s, 15m, 1h30m) and days (7j, 7d).
func ParseSettingDuration(v string) (time.Duration, error) {
	v = strings.TrimSpace(v)
	if n, ok := strings.CutSuffix(v, "j"); ok {
		v = n + "d"
	}
	if n, ok := strings.CutSuffix(v, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 0 {
			return 0, invalid("durée invalide : %q", v)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, invalid("durée invalide : %q", v)
	}
	return d, nil
}

// SettingValues are the school's settings as in force: stored values over
// the registry's defaults.
type SettingValues struct {
	stored map[string]string
}

// NewSettingValues builds the settings in force from stored values.
func NewSettingValues(stored map[string]string) SettingValues {
	return SettingValues{stored: stored}
}

// Text returns the value of key (its default when unset).
func (s SettingValues) Text(key string) string {
	if v, ok := s.stored[key]; ok {
		return v
	}
	d, _ := LookupSetting(key)
	return d.Default
}

// IsSet reports whether key has a stored value.
func (s SettingValues) IsSet(key string) bool {
	_, ok := s.stored[key]
	return ok
}

// Int returns the value of an integer setting (0 when unset without default).
func (s SettingValues) Int(key string) int {
	n, _ := strconv.Atoi(s.Text(key))
	return n
}

// Bool returns the value of a oui/non setting.
func (s SettingValues) Bool(key string) bool {
	b, _ := parseYesNo(s.Text(key))
	return b
}

// Duration returns the value of a duration setting (0 when unset without default).
func (s SettingValues) Duration(key string) time.Duration {
	d, _ := ParseSettingDuration(s.Text(key))
	return d
}

// SettingLine is one setting as `appel settings list` shows it.
type SettingLine struct {
	Def   SettingDef
	Value string
	Set   bool
}

// Lines returns every registered setting with its value in force.
func (s SettingValues) Lines() []SettingLine {
	defs := SettingDefs()
	out := make([]SettingLine, len(defs))
	for i, d := range defs {
		out[i] = SettingLine{Def: d, Value: s.Text(d.Key), Set: s.IsSet(d.Key)}
	}
	return out
}

// Settings returns the school's settings in force. Every role may read them:
// they hold no secret (passwords come from the environment only).
func (s *Service) Settings() (SettingValues, error) {
	var stored map[string]string
	err := s.store.View(func(tx ReadTx) error {
		var err error
		stored, err = tx.Settings()
		return err
	})
	return NewSettingValues(stored), err
}

// SetSetting stores a value for key after checking it against the registry.
func (s *Service) SetSetting(key, value string) (SettingLine, error) {
	if err := s.Require(PermSetup); err != nil {
		return SettingLine{}, err
	}
	d, ok := LookupSetting(key)
	if !ok {
		return SettingLine{}, NotFound("réglage inconnu : %q (appel settings list les donne tous)", key)
	}
	v, err := d.normalize(value)
	if err != nil {
		return SettingLine{}, err
	}
	_, err = s.update("réglage", func(tx Tx) error { return tx.PutSetting(key, v) })
	return SettingLine{Def: d, Value: v, Set: true}, err
}

// ResetSetting removes the stored value of key: its default is in force again.
func (s *Service) ResetSetting(key string) (SettingLine, error) {
	if err := s.Require(PermSetup); err != nil {
		return SettingLine{}, err
	}
	d, ok := LookupSetting(key)
	if !ok {
		return SettingLine{}, NotFound("réglage inconnu : %q (appel settings list les donne tous)", key)
	}
	_, err := s.update("réglage remis par défaut", func(tx Tx) error { return tx.DeleteSetting(key) })
	return SettingLine{Def: d, Value: d.Default}, err
}

// SettingsList returns every setting with its value in force, for the
// administrator's listing.
func (s *Service) SettingsList() ([]SettingLine, error) {
	if err := s.Require(PermSetup); err != nil {
		return nil, err
	}
	v, err := s.Settings()
	if err != nil {
		return nil, err
	}
	return v.Lines(), nil
}
