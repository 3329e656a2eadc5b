package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"appel/model"
)

func runUser(c *cli, args []string) error {
	var role, name, keyFile string
	rest, err := c.parseGlobal("user", args, func(fs *flag.FlagSet) {
		fs.StringVar(&role, "role", "", "rôles séparés par des virgules : teacher, aed, cpe, direction, admin")
		fs.StringVar(&name, "name", "", "nom affiché")
		fs.StringVar(&keyFile, "key-file", "", "fichier de clé publique OpenSSH (.pub), « - » pour l'entrée standard")
	})
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErr("appel user list | add | key add|list|rm")
	}
	return withOperator(c, func(svc *model.Service) error {
		switch rest[0] {
		case "list":
			return listUsers(c, svc)
		case "add":
			return addUser(svc, rest[1:], role, name)
		case "key":
			return userKey(c, svc, rest[1:], keyFile)
		}
		return usageErr("appel user : sous-commande inconnue %q", rest[0])
	})
}

// withOperator runs fn with the session's service over SSH, else opens the db
// and runs fn with the machine operator's service.
func withOperator(c *cli, fn func(*model.Service) error) error {
	if c.session != nil {
		return fn(c.session.svc)
	}
	db, err := c.open()
	if err != nil {
		return lockedHint(err, strings.Join(c.args, " "))
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

func addUser(svc *model.Service, args []string, role, name string) error {
	if len(args) != 1 {
		return usageErr("appel user add LOGIN --role ROLE[,ROLE] --name \"NOM\"")
	}
	roles, err := model.ParseRoles(role)
	if err != nil {
		return err
	}
	return svc.AddAccount(model.Account{Login: args[0], Name: strings.TrimSpace(name), Roles: roles})
}

func userKey(c *cli, svc *model.Service, args []string, keyFile string) error {
	if len(args) < 2 {
		return usageErr("appel user key add LOGIN --key-file FICHIER | key list LOGIN | key rm LOGIN EMPREINTE")
	}
	login := args[1]
	switch args[0] {
	case "add":
		line, err := readKeyFile(c, keyFile)
		if err != nil {
			return err
		}
		k, err := svc.AddKey(login, line)
		if err == nil {
			fmt.Fprintf(c.stdout, "clé %s autorisée pour %s\n", k.Fingerprint, login)
		}
		return err
	case "list":
		return listKeys(c, svc, login)
	case "rm":
		if len(args) != 3 {
			return usageErr("appel user key rm LOGIN EMPREINTE")
		}
		return svc.RemoveKey(login, args[2])
	}
	return usageErr("appel user key : sous-commande inconnue %q", args[0])
}

func readKeyFile(c *cli, path string) (string, error) {
	var data []byte
	var err error
	switch path {
	case "":
		return "", usageErr("--key-file FICHIER est nécessaire (la clé publique, ex. ~/.ssh/id_ed25519.pub)")
	case "-":
		data, err = io.ReadAll(io.LimitReader(c.stdin, 64<<10))
	default:
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return "", fmt.Errorf("lecture de la clé impossible : %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			return line, nil
		}
	}
	return "", fmt.Errorf("aucune clé publique dans %s", path)
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
