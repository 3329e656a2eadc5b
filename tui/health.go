package tui

import (
	"fmt"
	"time"
)

// ServerHealth is what appel serve knows of its own safety, shown to the
// administrators and the CPEs: the last verified backup, the copies that
// failed their check, the free disk space.
type ServerHealth struct {
	// Known: the server has looked at least once.
	Known bool
	// LastBackup is when the last verified backup was taken (zero: none yet).
	LastBackup time.Time
	// Failed: the last backup could not be written.
	Failed bool
	// Damaged counts the copies kept aside because they failed their check.
	Damaged int
	// FreeMB is the free space of the backups' disk, WarnMB the threshold
	// under which the administrator is warned (disk.warn).
	FreeMB, WarnMB int64
}

// healthLine is the status line's note when it has nothing else to say; warn
// says it needs attention.
func healthLine(h ServerHealth, now time.Time) (text string, warn bool) {
	switch {
	case !h.Known:
		return "", false
	case h.WarnMB > 0 && h.FreeMB < h.WarnMB:
		return fmt.Sprintf("Disque presque plein : %d Mo libres (seuil %d Mo) — prévenez l'administrateur.", h.FreeMB, h.WarnMB), true
	case h.Damaged > 0:
		return fmt.Sprintf("%d copie(s) de sauvegarde endommagée(s) mise(s) de côté : voir appel check.", h.Damaged), true
	case h.Failed:
		return "La dernière sauvegarde a échoué : voir le journal du serveur.", true
	case h.LastBackup.IsZero():
		return "Aucune sauvegarde vérifiée pour l'instant.", true
	}
	return "Dernière sauvegarde vérifiée : " + ago(now.Sub(h.LastBackup)) + ".", false
}

// ago is « il y a 3 h », « il y a 12 min », « à l'instant ».
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "à l'instant"
	case d < time.Hour:
		return fmt.Sprintf("il y a %d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("il y a %d h", int(d.Hours()))
	}
	return fmt.Sprintf("il y a %d jours", int(d.Hours()/24))
}
