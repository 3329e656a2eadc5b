package main

import (
	"fmt"
	"time"

	"appel/model"
	"appel/storage/backups"
)

// runDoctor lists what the school still lacks before its first morning,
// each with the command that fixes it; its exit status is 1 while
// something is missing. Locally it also looks at the backups folder.
func runDoctor(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		items, err := svc.SetupChecklist()
		if err != nil {
			return err
		}
		if c.session == nil && c.openedPath != "" {
			list, _ := backups.List(defaultBackupDir(c.openedPath), time.Local)
			items = append(items, model.SetupItem{Done: len(list) > 0, What: "une sauvegarde vérifiée",
				Fix: "appel serve en fait une au démarrage puis toutes les heures (backup.every)"})
		}
		missing := 0
		for _, it := range items {
			if it.Done {
				fmt.Fprintf(c.stdout, "✓ %s\n", it.What)
				continue
			}
			missing++
			fmt.Fprintf(c.stdout, "✗ %s — %s\n", it.What, it.Fix)
		}
		if missing > 0 {
			if missing == 1 {
				return model.Invalid("1 point reste à régler avant le premier matin")
			}
			return model.Invalid("%d points restent à régler avant le premier matin", missing)
		}
		fmt.Fprintln(c.stdout, "Tout est prêt.")
		return nil
	})
}
