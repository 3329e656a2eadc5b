package letters

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Invitation is one member of staff's sheet: who, his one-time code, until
// when it is valid.
type Invitation struct {
	Login, Name, Code string
	Expires           time.Time
}

// Access is how staff reach the server: its host and port, and the host
// key's fingerprint to compare at the first connection.
type Access struct {
	School, Host, Fingerprint string
	Port                      int
}

// WriteInvitations prints one A4 sheet per invitation: the code in large
// letters, how to make a key on Windows 10/11, macOS and Linux, the command
// that connects, the fingerprint to compare.
func WriteInvitations(w io.Writer, a Access, sheets []Invitation, at time.Time) error {
	pdf := newDocument("Codes d'activation appel", at)
	for _, s := range sheets {
		invitationPage(pdf, a, s)
	}
	if len(sheets) == 0 {
		pdf.AddPage()
		text(pdf, "", 11, "Aucune invitation : chaque compte a déjà une clé.")
	}
	return pdf.Output(w)
}

func invitationPage(pdf *fpdf.Fpdf, a Access, s Invitation) {
	pdf.AddPage()
	text(pdf, "B", 16, "Votre accès à appel — "+a.School)
	pdf.Ln(4)
	text(pdf, "", 11, fmt.Sprintf("%s, voici votre code d'activation, à usage unique, valable jusqu'au %s :",
		s.Name, s.Expires.Format("02/01/2006 à 15:04")))
	pdf.Ln(3)
	text(pdf, "B", 28, "      "+s.Code)
	pdf.Ln(5)
	connect := fmt.Sprintf("ssh -p %d %s@%s", a.Port, s.Login, a.Host)
	steps := []string{
		"1. Créez votre clé, une fois par ordinateur (appuyez sur Entrée à chaque question) :",
		"    Windows 10 ou 11 : ouvrez « Terminal » (ou PowerShell) et tapez   ssh-keygen -t ed25519",
		"    macOS : ouvrez l'application « Terminal » et tapez   ssh-keygen -t ed25519",
		"    Linux : dans un terminal, tapez   ssh-keygen -t ed25519",
		"2. Connectez-vous, dans le même terminal :   " + connect,
		"3. La première fois, l'ordinateur montre l'empreinte du serveur et demande s'il faut continuer.",
		"    Elle doit être :   " + a.Fingerprint,
		"    Si c'est bien elle, tapez yes ; sinon tapez no et prévenez l'administrateur.",
		"4. appel demande « Code d'activation : » : tapez le code ci-dessus (il ne s'affiche pas).",
		"    Votre clé est alors enregistrée : les fois suivantes, la commande de l'étape 2 suffit.",
		"",
		"Un nouvel ordinateur plus tard ? Dans appel, touche K (« Mes clés ») : un nouveau code pour vous.",
		"Cinq codes faux annulent l'invitation : demandez-en alors une autre à l'administrateur.",
	}
	for _, l := range steps {
		text(pdf, "", 11, l)
	}
}
