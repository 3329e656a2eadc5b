package model_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func init() {
	model.RegisterSettings(
		model.SettingDef{Key: "essai.nombre", Label: "un nombre", Kind: model.SettingInt, Default: "15", Min: 1, Max: 120},
		model.SettingDef{Key: "essai.oui", Label: "oui ou non", Kind: model.SettingBool, Default: "non"},
		model.SettingDef{Key: "essai.choix", Label: "un choix", Kind: model.SettingChoice, Default: "none", Choices: []string{"none", "starttls", "tls"}},
		model.SettingDef{Key: "essai.duree", Label: "une durée", Kind: model.SettingDuration, Default: "1h"},
		model.SettingDef{Key: "essai.adresse", Label: "hôte:port", Kind: model.SettingAddr},
		model.SettingDef{Key: "essai.courriel", Label: "une adresse", Kind: model.SettingEmail},
		model.SettingDef{Key: "essai.texte", Label: "un texte", Kind: model.SettingText},
	)
}

func TestSetSettingChecksValues(t *testing.T) {
	db := storagetest.New(t)
	data := modeltest.School(2)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	admin := model.NewService(db, model.Actor{Login: "admin"}, modeltest.Clock(time.Now()))
	cases := []struct {
		key, value, stored string
		wantErr            error
	}{
		{"essai.nombre", " 30 ", "30", nil},
		{"essai.nombre", "0", "", model.ErrInvalid},
		{"essai.nombre", "dix", "", model.ErrInvalid},
		{"essai.oui", "Oui", "oui", nil},
		{"essai.oui", "true", "oui", nil},
		{"essai.oui", "peut-être", "", model.ErrInvalid},
		{"essai.choix", "tls", "tls", nil},
		{"essai.choix", "ssl", "", model.ErrInvalid},
		{"essai.duree", "7j", "7j", nil},
		{"essai.duree", "90s", "90s", nil},
		{"essai.duree", "bientôt", "", model.ErrInvalid},
		{"essai.adresse", "smtp.ac-paris.fr:587", "smtp.ac-paris.fr:587", nil},
		{"essai.adresse", "smtp.ac-paris.fr", "", model.ErrInvalid},
		{"essai.courriel", "vie-scolaire@college.fr", "vie-scolaire@college.fr", nil},
		{"essai.courriel", "Vie scolaire <vs@college.fr>", "Vie scolaire <vs@college.fr>", nil},
		{"essai.courriel", "pas une adresse", "", model.ErrInvalid},
		{"essai.texte", "a\x1b[2Jb", "", model.ErrInvalid},
		{"essai.inconnu", "1", "", model.ErrNotFound},
	}
	for _, c := range cases {
		t.Run(c.key+"="+c.value, func(t *testing.T) {
			line, err := admin.SetSetting(c.key, c.value)
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("error %v, want %v", err, c.wantErr)
			}
			if err != nil {
				return
			}
			v, err := admin.Settings()
			if err != nil {
				t.Fatal(err)
			}
			if line.Value != c.stored || v.Text(c.key) != c.stored {
				t.Errorf("shown %q, stored %q, want %q", line.Value, v.Text(c.key), c.stored)
			}
		})
	}
}

func TestSettingsDefaultsRolesAndAudit(t *testing.T) {
	db := storagetest.New(t)
	data := modeltest.School(2)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	clock := modeltest.Clock(time.Now())
	admin := model.NewService(db, model.Actor{Login: "admin"}, clock)
	teacher := model.NewService(db, model.Actor{Login: "prof"}, clock)

	v, err := teacher.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if v.Int("essai.nombre") != 15 || v.Bool("essai.oui") || v.Duration("essai.duree") != time.Hour || v.IsSet("essai.nombre") {
		t.Errorf("defaults: %d %v %v", v.Int("essai.nombre"), v.Bool("essai.oui"), v.Duration("essai.duree"))
	}
	if _, err := teacher.SetSetting("essai.nombre", "20"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher set a setting: %v", err)
	}
	if _, err := teacher.SettingsList(); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher listed the settings: %v", err)
	}
	if _, err := admin.SetSetting("essai.duree", "7j"); err != nil {
		t.Fatal(err)
	}
	v, _ = admin.Settings()
	if v.Duration("essai.duree") != 7*24*time.Hour {
		t.Errorf("7j read as %v", v.Duration("essai.duree"))
	}
	if _, err := admin.ResetSetting("essai.duree"); err != nil {
		t.Fatal(err)
	}
	v, _ = admin.Settings()
	if v.IsSet("essai.duree") || v.Duration("essai.duree") != time.Hour {
		t.Errorf("after reset: set %v, %v", v.IsSet("essai.duree"), v.Duration("essai.duree"))
	}
	entries, err := admin.Audit(model.AuditQuery{Login: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Entity != model.EntitySetting || entries[0].After != `"7j"` ||
		entries[1].Before != `"7j"` || entries[1].After != "" {
		t.Errorf("audit: %+v", entries)
	}
}
