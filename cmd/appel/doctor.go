package main

import (
	"fmt"
	"net"
	"os"
	"strings"
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
		if item, ok := listenItem(serviceDefaults); ok {
			items = append(items, item)
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

// serviceDefaults is the settings file of the packaged service.
const serviceDefaults = "/etc/default/appel"

// listenItem says whether the packaged service listens beyond this
// machine (APPEL_ADDR of its settings file); ok is false without the file.
func listenItem(path string) (model.SetupItem, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return model.SetupItem{}, false
	}
	addr := ""
	for _, line := range strings.Split(string(data), "\n") {
		if v, found := strings.CutPrefix(strings.TrimSpace(line), "APPEL_ADDR="); found {
			addr = strings.Trim(v, `"' `)
		}
	}
	host, _, _ := net.SplitHostPort(addr)
	ip := net.ParseIP(host)
	local := host == "localhost" || ip != nil && ip.IsLoopback()
	return model.SetupItem{Done: addr != "" && !local, What: "le serveur joignable depuis le réseau de l'établissement (APPEL_ADDR=" + addr + ")",
		Fix: "APPEL_ADDR=0.0.0.0:2222 dans " + path + ", puis systemctl restart appel"}, true
}
