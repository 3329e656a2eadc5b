package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"appel/model"
)

// withOperator runs fn with the session's service over SSH, else opens the db
// and runs fn with the machine operator's service.
func withOperator(c *cli, fn func(*model.Service) error) error {
	if c.session != nil {
		return fn(c.session.svc)
	}
	db, err := c.open()
	if err != nil {
		return c.lockedHint(err, c.remoteLine())
	}
	defer db.Close()
	svc, err := c.operator(db)
	if err != nil {
		return err
	}
	return fn(svc)
}

func listUsers(c *cli, svc *model.Service) error {
	accounts, err := svc.Accounts()
	if err != nil {
		return err
	}
	for _, a := range accounts {
		fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", a.Login, a.RolesString(), model.Visible(a.Name))
	}
	return nil
}

// runUserList prints login, roles and name of every account, one per line.
func runUserList(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error { return listUsers(c, svc) })
}

func runUserAdd(c *cli, in input) error {
	roles, err := model.ParseRoles(in.str("role"))
	if err != nil {
		return err
	}
	return withOperator(c, func(svc *model.Service) error {
		return svc.AddAccount(model.Account{Login: in.arg(0), Name: strings.TrimSpace(in.str("name")), Roles: roles})
	})
}

// runKeyAdd authorises every key line of --key-file (« - »: standard input).
func runKeyAdd(c *cli, in input) error {
	lines, err := readKeyLines(c, in.str("key-file"))
	if err != nil {
		return err
	}
	login := in.arg(0)
	return withOperator(c, func(svc *model.Service) error {
		keys, err := svc.AddKeys(login, lines)
		for _, k := range keys {
			if err == nil {
				fmt.Fprintf(c.stdout, "clé %s autorisée pour %s\n", k.Fingerprint, login)
			}
		}
		return err
	})
}

func runKeyList(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error { return listKeys(c, svc, in.arg(0)) })
}

func runKeyRm(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error { return svc.RemoveKey(in.arg(0), in.arg(1)) })
}

// maxKeyFile bounds a file of public keys: a few hundred keys.
const maxKeyFile = 256 << 10

// readKeyLines reads the lines of a file of public keys; « - » is the
// standard input (the way to send it over SSH).
func readKeyLines(c *cli, path string) ([]string, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(c.stdin, maxKeyFile+1))
	} else {
		data, err = readSmallFile(path, maxKeyFile+1)
	}
	switch {
	case err != nil:
		return nil, model.Invalid("lecture de %s impossible : fichier absent, illisible ou qui n'est pas un fichier ordinaire", path)
	case len(data) > maxKeyFile:
		return nil, model.Invalid("plus de %d Ko de clés : ce n'est pas un fichier de clés publiques", maxKeyFile>>10)
	}
	return strings.Split(string(data), "\n"), nil
}

// readSmallFile reads at most limit bytes of a regular file.
func readSmallFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s n'est pas un fichier ordinaire", path)
	}
	return io.ReadAll(io.LimitReader(f, limit))
}

func listKeys(c *cli, svc *model.Service, login string) error {
	accounts, err := svc.Accounts()
	if err != nil {
		return err
	}
	for _, a := range accounts {
		if a.Login == login {
			for _, k := range a.Keys {
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", k.Fingerprint, strings.Fields(k.Line)[0], model.Visible(k.Comment))
			}
			return nil
		}
	}
	return model.NotFound("compte %q introuvable", login)
}
