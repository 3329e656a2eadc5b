package model_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"time"

	"appel/model"
)

func TestResolve(t *testing.T) {
	dir := rcDirectory(t)
	loc := dir.Location()
	se, _ := dir.Seance("20261123-0800-c-maths")
	ill := model.Motive{Code: "maladie", Label: "Maladie", Key: "m", Valid: true}.Justify("aed", time.Time{})
	lazy := model.Motive{Code: "reveil", Label: "Panne de réveil", Key: "p"}.Justify("aed", time.Time{})
	notice := model.Notice{ID: "n1", Pupil: "1", From: se.Date.Time(0, loc), To: se.Date.AddDays(2).Time(0, loc), Justification: ill}
	other := model.Notice{ID: "n2", Pupil: "1", From: se.Date.Time(14*60, loc), To: se.Date.Time(18*60, loc)}
	mark := func(k model.MarkKind, j *model.Justification) *model.Mark {
		return &model.Mark{Seance: se.ID, Pupil: "1", Kind: k, Justification: j}
	}
	tests := []struct {
		name       string
		mark       *model.Mark
		notices    []model.Notice
		kind       model.MarkKind
		justified  bool
		valid      bool
		discordant bool
	}{
		{"nothing known", nil, nil, model.KindPresent, false, false, false},
		{"absent, no motive: non valable", mark(model.KindAbsent, nil), nil, model.KindAbsent, false, false, false},
		{"absent, invalid motive", mark(model.KindAbsent, lazy), nil, model.KindAbsent, true, false, false},
		{"notice alone makes an absence", nil, []model.Notice{notice}, model.KindAbsent, true, true, false},
		{"teacher mark takes the notice's motive", mark(model.KindAbsent, nil), []model.Notice{notice}, model.KindAbsent, true, true, false},
		{"mark's own motive wins", mark(model.KindAbsent, lazy), []model.Notice{notice}, model.KindAbsent, true, false, false},
		{"present over notice: discordance", mark(model.KindPresent, nil), []model.Notice{notice}, model.KindPresent, false, false, true},
		{"notice of the afternoon does not cover 08:00", nil, []model.Notice{other}, model.KindPresent, false, false, false},
		{"notice of another pupil ignored", nil, []model.Notice{{ID: "n3", Pupil: "2", From: notice.From, To: notice.To}}, model.KindPresent, false, false, false},
		{"late keeps its kind", mark(model.KindLate, nil), []model.Notice{notice}, model.KindLate, false, false, false},
	}
	for _, tt := range tests {
		a := model.Resolve(se, "1", tt.mark, tt.notices, loc)
		if a.Kind != tt.kind || a.Justified() != tt.justified || a.Valid() != tt.valid || a.Discordant() != tt.discordant {
			t.Errorf("%s: kind %s justified %v valid %v discordant %v", tt.name, a.Kind, a.Justified(), a.Valid(), a.Discordant())
		}
	}
}

func TestRedactedHidesMotive(t *testing.T) {
	dir := rcDirectory(t)
	se, _ := dir.Seance("20261123-0800-c-maths")
	j := model.Motive{Code: "maladie", Label: "Maladie", Key: "m", Valid: true}.Justify("aed", time.Time{})
	a := model.Resolve(se, "1", &model.Mark{Seance: se.ID, Pupil: "1", Kind: model.KindAbsent, Justification: j}, nil, dir.Location())
	r := a.Redacted()
	if !r.Justified() || r.Justification.Label != "" || r.Justification.Motive != "" || r.Valid() {
		t.Errorf("redacted: %+v", r.Justification)
	}
	if a.Justification.Label != "Maladie" {
		t.Errorf("Redacted modified the original")
	}
}

func TestPolicy(t *testing.T) {
	dir := rcDirectory(t)
	maths, _ := dir.Seance("20261123-0800-c-maths")
	esp, _ := dir.Seance("20261123-1005-c-esp")
	pol := func(login string) model.Policy {
		a, _ := dir.Account(login)
		return model.PolicyFor(a)
	}
	div4B := model.Target{Kind: model.TargetDivision, Code: "4B"}
	div4A := model.Target{Kind: model.TargetDivision, Code: "4A"}
	noe, _ := dir.Pupil("3")
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"teacher reads his séance", pol("prof").CanReadSeance(maths), true},
		{"teacher marks his séance", pol("prof").CanMarkSeance(maths), true},
		{"teacher cannot read another's séance", pol("prof").CanReadSeance(esp), false},
		{"teacher cannot mark another's séance", pol("prof2").CanMarkSeance(maths), false},
		{"aed marks any séance", pol("aed").CanMarkSeance(maths), true},
		{"nobody marks a cancelled séance", pol("aed").CanMarkSeance(esp), false},
		{"direction reads", pol("direction").CanReadSeance(maths), true},
		{"direction does not mark", pol("direction").CanMarkSeance(maths), false},
		{"teacher sees no motive", pol("prof").Allows(model.PermSeeMotives), false},
		{"aed sees motives", pol("aed").Allows(model.PermSeeMotives), true},
		{"aed does not overrule validity", pol("aed").Allows(model.PermOverrule), false},
		{"cpe overrules validity", pol("cpe").Allows(model.PermOverrule), true},
		{"only admin manages accounts (cpe)", pol("cpe").Allows(model.PermAccounts), false},
		{"only admin manages accounts (direction)", pol("direction").Allows(model.PermAccounts), false},
		{"admin manages accounts", pol("admin").Allows(model.PermAccounts), true},
		{"teacher reads his division", pol("prof").CanReadTarget(dir, div4B), true},
		{"teacher reads a division he teaches in week B only", pol("prof").CanReadTarget(dir, div4A), true},
		{"prof2 does not read 4B", pol("prof2").CanReadTarget(dir, div4B), false},
		{"prof2 reads Noé through the group", pol("prof2").CanReadPupil(dir, noe), true},
		{"teacher has no stats", pol("prof").Allows(model.PermStats), false},
		{"unknown account may do nothing", model.PolicyFor(model.Account{}).Allows(model.PermRollCall), false},
		{"disabled account may do nothing", model.PolicyFor(model.Account{Roles: model.AllRoles, Disabled: true}).Allows(model.PermRollCall), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v", tt.name, tt.got)
		}
	}
	if err := pol("prof").Require(model.PermAccounts); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("Require: %v", err)
	}
}

func TestPickSeance(t *testing.T) {
	dir := rcDirectory(t)
	day := model.NewDate(2026, 11, 23)
	var sts []model.SeanceStatus
	for _, s := range dir.TeacherSeances("prof", day) {
		sts = append(sts, model.SeanceStatus{Seance: s})
	}
	at := func(h, m int) time.Time { return day.Time(model.Clock(h*60+m), dir.Location()) }
	tests := []struct {
		now  time.Time
		want model.SeanceID
	}{
		{at(7, 30), "20261123-0800-c-maths"},
		{at(8, 5), "20261123-0800-c-maths"},
		{at(9, 0), "20261123-1330-c-svt-b"},
		{at(14, 0), "20261123-1330-c-svt-b"},
		{at(18, 0), "20261123-1330-c-svt-b"},
	}
	for _, tt := range tests {
		if got, _ := model.PickSeance(sts, tt.now); got != tt.want {
			t.Errorf("at %s: %s, want %s", tt.now.Format("15:04"), got, tt.want)
		}
	}
	if _, ok := model.PickSeance(nil, at(8, 0)); ok {
		t.Errorf("no séance picked from an empty day")
	}
}

func TestParseAuthorizedKey(t *testing.T) {
	const line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILaGBBzwFuSQ7p7KktgWQuHgg1rFr8IdRrGxHZcnQSau prof@poste"
	k, err := model.ParseAuthorizedKey(line)
	if err != nil {
		t.Fatal(err)
	}
	if k.Fingerprint != "SHA256:fW+dGt2hCeSjafpwXefgPHjZV/tNLh2K8K5vtacfOc4" || k.Comment != "prof@poste" {
		t.Errorf("got %+v (fingerprint must equal ssh-keygen -lf)", k)
	}
	bad := []string{
		"", "ssh-ed25519", "ssh-dss AAAAB3NzaC1kc3MAAACBAP",
		"ssh-ed25519 !!!notbase64",
		"ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAILaGBBzwFuSQ7p7KktgWQuHgg1rFr8IdRrGxHZcnQSau",
		"ssh-ed25519 AAAA",
	}
	for _, b := range bad {
		if _, err := model.ParseAuthorizedKey(b); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("ParseAuthorizedKey(%q) = %v, want ErrInvalid", b, err)
		}
	}
}

func TestMotives(t *testing.T) {
	if err := model.ValidateMotives(model.DefaultMotives()); err != nil {
		t.Fatalf("default motives: %v", err)
	}
	m, ok := model.MotiveByKey(model.DefaultMotives(), "m")
	if !ok || m.Label != "Maladie" || !m.Valid {
		t.Errorf("m must be Maladie, valable: %+v", m)
	}
	base := model.Motive{Code: "x", Label: "X", Key: "y"}
	tests := []struct {
		name string
		list []model.Motive
		ok   bool
	}{
		{"navigation key", []model.Motive{{Code: "x", Label: "X", Key: "j"}}, false},
		{"two letters", []model.Motive{{Code: "x", Label: "X", Key: "ab"}}, false},
		{"capital", []model.Motive{{Code: "x", Label: "X", Key: "M"}}, false},
		{"no label", []model.Motive{{Code: "x", Key: "y"}}, false},
		{"duplicate key", []model.Motive{base, {Code: "z", Label: "Z", Key: "y"}}, false},
		{"duplicate key on a retired motive", []model.Motive{base, {Code: "z", Label: "Z", Key: "y", Retired: true}}, true},
		{"duplicate code", []model.Motive{base, {Code: "x", Label: "Z", Key: "w"}}, false},
	}
	for _, tt := range tests {
		if err := model.ValidateMotives(tt.list); (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	if got, ok := model.MotiveByLabel(model.DefaultMotives(), "rendez-vous medical"); !ok || got.Code != "rdv-medical" {
		t.Errorf("MotiveByLabel ignores case and accents: %+v", got)
	}
}

func TestParseRoles(t *testing.T) {
	roles, err := model.ParseRoles("cpe, teacher,cpe")
	if err != nil || len(roles) != 2 || roles[0] != model.RoleTeacher || roles[1] != model.RoleCPE {
		t.Errorf("ParseRoles: %v %v", roles, err)
	}
	for _, bad := range []string{"", "prof", "cpe,chef"} {
		if _, err := model.ParseRoles(bad); err == nil {
			t.Errorf("ParseRoles(%q) accepted", bad)
		}
	}
	for login, ok := range map[string]bool{"prof": true, "m.dupont-2": true, "Prof": false, ".x": false, "é": false, "": false} {
		if err := model.ValidateLogin(login); (err == nil) != ok {
			t.Errorf("ValidateLogin(%q): %v", login, err)
		}
	}
}

func TestFoldAccents(t *testing.T) {
	for in, want := range map[string]string{"Éloïse": "eloise", "LŒUILLET": "loeuillet", "Noël": "noel", "Łukasz": "lukasz"} {
		if got := model.FoldAccents(in); got != want {
			t.Errorf("FoldAccents(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFaultsAreToldWithoutPathNorEnglish(t *testing.T) {
	disk := &fs.PathError{Op: "write", Path: "/var/lib/appel/appel.db", Err: syscall.ENOSPC}
	for _, tc := range []struct {
		err   error
		fault bool
		says  string
	}{
		{fmt.Errorf("enregistrement impossible : %w", disk), true, "disque plein : rien n'a été enregistré, prévenez l'administrateur"},
		{&fs.PathError{Op: "open", Path: "/etc/x", Err: fs.ErrPermission}, true, "accès refusé"},
		{fmt.Errorf("lecture : %w", syscall.EIO), true, "erreur du disque"},
		{model.Invalid("date illisible"), false, "date illisible"},
		{model.Invalid("%v", disk), false, "no space"}, // a refusal says what it says
	} {
		if model.IsFault(tc.err) != tc.fault {
			t.Errorf("IsFault(%v) = %v", tc.err, !tc.fault)
		}
		msg := model.UserMessage(tc.err)
		if !strings.Contains(msg, tc.says) || tc.fault && (strings.Contains(msg, "/") || strings.Contains(msg, "space")) {
			t.Errorf("UserMessage(%v) = %q", tc.err, msg)
		}
	}
}
