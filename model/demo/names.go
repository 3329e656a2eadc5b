package demo

// Name pools. They mix the first names most given in France to children
// born around 2012–2015 with names of families of many origins, accents and
// apostrophes included, so that sorting, searching and display are exercised.

var girlNames = []string{
	"Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Léa", "Rose", "Anna", "Mila",
	"Inès", "Ambre", "Julia", "Mia", "Léna", "Manon", "Juliette", "Lou", "Zoé", "Camille",
	"Agathe", "Jeanne", "Lucie", "Éva", "Nina", "Sarah", "Romane", "Inaya", "Adèle", "Iris",
	"Maëlys", "Anaïs", "Éloïse", "Clémence", "Margaux", "Capucine", "Océane", "Héloïse", "Yasmine", "Aïcha",
	"Fatoumata", "Salomé", "Gabrielle", "Maëlle", "Noémie", "Célia", "Kenza", "Léonie", "Mathilde", "Élise",
	"Assia", "Zélie", "Thaïs", "Maryam", "Amina", "Laïa", "Ninon", "Apolline", "Aurélie", "Bérénice",
}

var boyNames = []string{
	"Gabriel", "Léo", "Raphaël", "Arthur", "Louis", "Lucas", "Adam", "Jules", "Hugo", "Maël",
	"Noé", "Liam", "Éthan", "Paul", "Nathan", "Gabin", "Sacha", "Aaron", "Tom", "Mohamed",
	"Théo", "Noah", "Timéo", "Nolan", "Axel", "Baptiste", "Enzo", "Mathis", "Clément", "Victor",
	"Gaël", "Loïc", "Jérôme", "Anaël", "Élie", "Rayan", "Ismaël", "Yanis", "Amir", "Moussa",
	"Mamadou", "Côme", "Joachim", "Benoît", "Aurélien", "Antoine", "Valentin", "Mattéo", "Kylian", "Samuel",
	"Youssef", "Ilyès", "Tiago", "Wassim", "Lenny", "Noël", "Hélios", "Yaël", "Stéphane", "Dorian",
}

var lastNames = []string{
	"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
	"Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
	"Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Lefebvre", "Faure", "André",
	"Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
	"Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
	"Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
	"Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
	"Bénard", "Nguyen", "Tran", "Da Silva", "Pereira", "Rodrigues", "Fernandes", "Dos Santos", "Benaïssa", "Kowalski",
	"N'Diaye", "Diallo", "Traoré", "Coulibaly", "Camara", "Le Goff", "Le Gall", "Le Roux", "Lœuillet", "Benali",
	"Haddad", "Boukhari", "Ould Ahmed", "Mendy", "Sy", "Kaya", "Yılmaz", "Öztürk", "Wiśniewski", "Dąbrowski",
	"Ferreira", "Lopez", "Sanchez", "Martinez", "Rossi", "Bianchi", "Schmitt", "Klein", "Weber", "Hoarau",
	"Payet", "Grondin", "Élisabeth", "Jean-Baptiste", "Saint-Louis", "Lévêque", "Delaunay", "Côté", "Bérenger", "Prévost",
	"Lacroix", "Châtelain", "Pham", "Chen", "Wang", "Zhang", "Mbappé", "Kanté", "Boateng", "Okafor",
	"Belkacem", "Cherif", "Hamidi", "Amrani", "D'Almeida", "De Oliveira", "Van der Berg", "O'Connor", "Fabre", "Roche",
}

// streets and towns give fictitious addresses in the Paris area (zone C).
var streets = []string{
	"rue des Lilas", "avenue Jean-Jaurès", "rue Victor-Hugo", "allée des Tilleuls", "rue de la République",
	"boulevard Gambetta", "rue Pasteur", "impasse des Acacias", "rue Émile-Zola", "place de l'Église",
	"rue du Général-Leclerc", "chemin des Vignes", "rue Louise-Michel", "avenue de la Résistance", "rue des Écoles",
	"rue Jules-Ferry", "cité des Bleuets", "rue Olympe-de-Gouges", "square Aimé-Césaire", "rue du Moulin",
}

var towns = []struct{ code, name string }{
	{"93100", "MONTREUIL"}, {"93170", "BAGNOLET"}, {"93260", "LES LILAS"}, {"93310", "LE PRÉ-SAINT-GERVAIS"},
	{"93230", "ROMAINVILLE"}, {"93500", "PANTIN"}, {"94300", "VINCENNES"}, {"75020", "PARIS"},
}

// staffNames are the well-known accounts' people.
var staffNames = map[string]string{
	"prof":      "Claire Lefèvre",
	"cpe":       "Nadia Benaïssa",
	"cpe2":      "Jérôme Le Goff",
	"aed":       "Maëlys Da Silva",
	"direction": "Hélène Müller",
	"admin":     "Loïc Kowalski",
}

// teacherFirstNames are adults' first names for the teaching staff.
var teacherFirstNames = []string{
	"Isabelle", "Nathalie", "Sandrine", "Stéphanie", "Céline", "Aurélie", "Émilie", "Véronique", "Sophie", "Anne",
	"Frédéric", "Sébastien", "Nicolas", "Olivier", "Christophe", "Jérémy", "Cédric", "François", "Benoît", "Hervé",
	"Karima", "Samia", "Thị Lan", "Agnieszka", "Fatou", "Rachid", "Mehdi", "Ousmane", "Joël", "Gaëlle",
}
