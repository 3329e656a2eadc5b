package main

import (
	"fmt"

	"appel/model"
)

// settingCommands are `appel settings list|set|reset`.
func settingCommands() []command {
	key := arg{name: "CLÉ"}
	return []command{
		{path: "settings", summary: "les réglages de l'établissement (administrateur)"},
		{path: "settings list", remote: true,
			summary: "chaque réglage : clé, valeur en vigueur, valeur par défaut, ce qu'il règle",
			run:     runSettingsList},
		{path: "settings set", remote: true, args: []arg{key, {name: "VALEUR"}},
			summary: "donne une valeur à un réglage (vérifiée avant d'être enregistrée)", run: runSettingsSet},
		{path: "settings reset", remote: true, args: []arg{key},
			summary: "remet un réglage à sa valeur par défaut", run: runSettingsReset},
	}
}

func runSettingsList(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		lines, err := svc.SettingsList()
		if err != nil {
			return err
		}
		if len(lines) == 0 {
			fmt.Fprintln(c.stdout, "aucun réglage")
		}
		for _, l := range lines {
			printSetting(c, l)
		}
		return nil
	})
}

func runSettingsSet(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		l, err := svc.SetSetting(in.arg(0), in.arg(1))
		if err == nil {
			printSetting(c, l)
		}
		return err
	})
}

func runSettingsReset(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		l, err := svc.ResetSetting(in.arg(0))
		if err == nil {
			printSetting(c, l)
		}
		return err
	})
}

// printSetting writes one line: key, value in force (marked when it is the
// default), default, label and the values it takes.
func printSetting(c *cli, l model.SettingLine) {
	value := model.Visible(l.Value)
	if !l.Set {
		value += " (défaut)"
	}
	fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s (%s)\n", l.Def.Key, value, model.Visible(l.Def.Default), l.Def.Label, l.Def.KindName())
}
