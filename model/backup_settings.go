package model

// The settings of the automatic backups that appel serve writes (README.md,
// « Sauvegardes »).
const (
	SettingBackupEvery = "backup.every"
	SettingBackupDir   = "backup.dir"
	SettingBackupKeep  = "backup.keep"
	SettingDiskWarn    = "disk.warn"
)

func init() {
	RegisterSettings(
		SettingDef{Key: SettingBackupEvery, Label: "intervalle des sauvegardes automatiques d'appel serve (0 : aucune)",
			Kind: SettingDuration, Default: "1h",
			Help: "une sauvegarde au démarrage, puis une à chaque intervalle ; chacune est vérifiée avant de prendre son nom"},
		SettingDef{Key: SettingBackupDir, Label: "dossier des sauvegardes (vide : sauvegardes/ à côté de la base)",
			Kind: SettingPath},
		SettingDef{Key: SettingBackupKeep, Label: "jours pendant lesquels une sauvegarde par jour est gardée",
			Kind: SettingInt, Default: "30", Min: 3, Max: 400,
			Help: "plus toutes celles des deux derniers jours, et la dernière de chaque trimestre et de l'année, pour toujours"},
		SettingDef{Key: SettingDiskWarn, Label: "espace libre (Mo) sous lequel l'administrateur est prévenu",
			Kind: SettingInt, Default: "500", Min: 0, Max: 1_000_000},
	)
}
