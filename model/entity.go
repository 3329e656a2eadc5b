package model

// Entity names: what an AuditEntry's Entity says was changed. They are French
// words, shown as they are on the audit screen.
const (
	EntityMark         = "marque"
	EntityRollCall     = "appel"
	EntityNotice       = "absence annoncée"
	EntityCall         = "appel famille"
	EntityReport       = "signalement"
	EntitySchool       = "établissement"
	EntityDivision     = "division"
	EntityGroup        = "groupe"
	EntityPupil        = "élève"
	EntityGuardian     = "responsable"
	EntityAccount      = "compte"
	EntityCourse       = "cours"
	EntityMotive       = "motif"
	EntitySeanceChange = "modification de séance"
	EntityExtraSeance  = "séance ajoutée"
	EntitySetting      = "réglage"
	EntityFamilyNotice = "avis aux familles"
	EntityTemplate     = "modèle"
	EntityIncident     = "incident"
	EntityPunishment   = "punition"
	EntityDetention    = "retenue"
	EntitySanction     = "sanction"
	EntityDiscipline   = "liste de discipline"
)
