import type { RawIdeaGroup } from "./types";

/** Maintenance of buildings: reporting breakdowns, tools, preventive work. */
export const maintenanceIdeas: RawIdeaGroup = {
  topic: "maintenance",
  ideas: [
    {
      by: "maintenance",
      at: "lycee-marie-curie",
      title: "Signaler une panne en flashant un QR code",
      problem:
        "Les pannes nous arrivent par un cahier à la loge, des mots sur la porte de l'atelier, des mails au gestionnaire ou des gens qui nous arrêtent dans le couloir. On oublie des choses et on ne sait pas ce qui est urgent.",
      proposal:
        "Coller dans chaque salle un QR code qui ouvre un petit formulaire : la salle est déjà remplie, on décrit la panne, on peut ajouter une photo. Les demandes arrivent dans une liste unique que l'équipe de maintenance trie par priorité, et le demandeur est prévenu quand c'est réparé.",
      beneficiaries: "Agents de maintenance, enseignants, tous les usagers du lycée Marie Curie",
    },
    {
      by: "gestion",
      with: ["maintenance"],
      title: "Un logiciel de maintenance commun à tous les lycées",
      problem:
        "Chaque lycée suit ses interventions à sa manière : cahier, tableur, rien du tout. La Région n'a aucune vision de l'état des équipements ni des pannes récurrentes pour programmer les investissements.",
      proposal:
        "Déployer un logiciel de gestion de maintenance assistée par ordinateur commun aux lycées et aux Maisons de la Région : demandes d'intervention, historique par équipement, maintenance préventive, stock de pièces. Les données remonteraient à la Direction des lycées.",
      beneficiaries: "Agents de maintenance, gestionnaires, Direction des lycées",
    },
    {
      by: "maintenance",
      title: "Un stock partagé de pièces détachées",
      problem:
        "On stocke chacun dans notre lycée des pièces qui dorment pendant des années (robinetterie, pompes, ferme-portes), pendant qu'un lycée voisin attend trois semaines la même pièce.",
      proposal:
        "Recenser les stocks de pièces détachées de chaque lycée dans un tableau partagé par secteur, et organiser des échanges ou des prêts. À terme, un petit magasin central par département pour les pièces courantes.",
      beneficiaries: "Équipes de maintenance des lycées",
    },
    {
      by: "maison_lycees",
      title: "Un numéro d'astreinte unique pour les lycées",
      problem:
        "Le soir et le week-end, quand une alarme se déclenche ou qu'une canalisation casse dans un lycée, le personnel logé ne sait pas qui appeler. Chaque lycée a sa propre liste, souvent périmée.",
      proposal:
        "Je suggère un numéro d'astreinte technique unique par Maison de la Région, qui oriente vers le technicien de permanence et les entreprises sous contrat, avec une fiche réflexe affichée dans chaque logement de fonction.",
      beneficiaries: "Personnels logés, lycées, techniciens",
    },
    {
      by: "maintenance",
      title: "De vrais outils professionnels",
      problem:
        "Nos perceuses et visseuses sont des modèles grand public qui ne tiennent pas un an. Il manque souvent des outils de base : détecteur de tension, échelle conforme, niveau laser.",
      proposal:
        "Définir une dotation de base en outillage professionnel pour chaque agent de maintenance, renouvelée tous les 5 ans, et un budget annuel pour les outils spécifiques selon les besoins de chaque lycée.",
      beneficiaries: "Agents de maintenance",
    },
    {
      by: "gestion",
      at: "lycee-fabert",
      title: "Savoir ce que couvrent nos contrats de maintenance",
      problem:
        "Ascenseurs, portails, alarmes, chaudières, cuisines : une quinzaine de contrats de maintenance, souvent passés par la Région, dont personne au lycée ne connaît le contenu exact. On paie parfois une intervention qui était incluse.",
      proposal:
        "Fournir à chaque lycée une fiche de synthèse par contrat : ce qui est couvert, le délai d'intervention garanti, le numéro à appeler, les visites préventives prévues. Et un tableau de suivi des visites réellement effectuées.",
      beneficiaries: "Gestionnaires, agents de maintenance",
    },
    {
      by: "maintenance",
      at: "lycee-chanzy",
      title: "Laisser les agents faire les petits travaux",
      problem:
        "Pour repeindre une salle ou changer un lavabo, on doit faire appel à une entreprise par l'intermédiaire de la Région. Ça prend des mois alors qu'on sait le faire en deux jours.",
      proposal:
        "Donner à chaque lycée une enveloppe annuelle de petits travaux réalisés en régie par les agents de maintenance, avec le matériel acheté directement. Les agents seraient valorisés et les délais divisés par dix.",
      beneficiaries: "Agents de maintenance, élèves et enseignants",
    },
    {
      by: "dir_lycees",
      title: "Un carnet de santé pour chaque bâtiment",
      problem:
        "Les informations sur les bâtiments des lycées (année de construction, travaux réalisés, diagnostics amiante, plans, équipements) sont éparpillées entre le siège, les Maisons de la Région et les établissements.",
      proposal:
        "Créer un carnet de santé numérique par bâtiment, qui rassemble plans, diagnostics, historique des travaux et des pannes, consultable par les techniciens du siège, des Maisons et les agents de maintenance du lycée.",
      beneficiaries: "Techniciens, chargés d'opération, agents de maintenance",
    },
    {
      by: "maison_lycees",
      at: "maison-metz",
      title: "Une visite des toitures avant l'hiver",
      problem:
        "Chaque hiver, des infiltrations abîment des salles et des plafonds parce que des chéneaux étaient bouchés ou une membrane fissurée depuis des mois. Les réparations coûtent alors bien plus cher.",
      proposal:
        "Programmer chaque automne une visite préventive des toitures et des descentes d'eau pluviale de tous les lycées du secteur de Metz, avec nettoyage des chéneaux et petites réparations immédiates.",
      beneficiaries: "Lycées, budget de maintenance",
    },
    {
      by: "gestion",
      at: "lycee-schweitzer",
      title: "Ascenseur en panne, élève bloqué",
      problem:
        "L'ascenseur du bâtiment principal est tombé en panne quatre fois cette année, pendant une semaine à chaque fois. Un élève en fauteuil roulant n'a pas pu accéder à ses cours au deuxième étage.",
      proposal:
        "Imposer dans les contrats d'ascenseurs un délai d'intervention de 4 heures pour les établissements accueillant des élèves en situation de handicap, et prévoir un monte-escalier mobile de secours.",
      beneficiaries: "Élèves et personnels à mobilité réduite",
    },
    {
      by: "maintenance",
      title: "Un utilitaire pour l'équipe de maintenance",
      problem:
        "Nous n'avons pas de véhicule. Pour aller chercher du matériel ou emmener des déchets à la déchetterie, on utilise nos voitures personnelles, avec des sacs de gravats dans le coffre.",
      proposal:
        "Mettre à disposition un petit utilitaire partagé entre deux ou trois lycées proches, avec un planning simple. Ce serait aussi utile pour les déménagements internes et le transport de mobilier.",
      beneficiaries: "Agents de maintenance des lycées",
    },
    {
      by: "moyens",
      title: "Des plans des réseaux à jour",
      problem:
        "Quand une fuite survient, on ne sait pas toujours où sont les vannes ni par où passent les canalisations. Les plans papier datent de la construction et ne tiennent pas compte des travaux.",
      proposal:
        "Faire relever et numériser les plans des réseaux (eau, électricité, chauffage, gaz) de chaque site, les mettre à jour après chaque chantier, et les rendre consultables sur tablette par les agents techniques.",
      beneficiaries: "Agents techniques, entreprises intervenantes",
    },
    {
      by: "entretien",
      at: "lycee-claude-gellee",
      title: "On signale, et après ?",
      problem:
        "On signale des robinets qui fuient, des néons grillés, des serrures cassées. Des semaines passent, on ne sait pas si la demande a été vue ou si elle a été oubliée. On finit par ne plus rien signaler.",
      proposal:
        "Que chaque signalement reçoive une réponse : pris en compte, date prévue, ou pas possible et pourquoi. Un tableau affiché à la loge avec les demandes en cours suffirait.",
      beneficiaries: "Tous les personnels du lycée",
    },
    {
      by: "maintenance",
      at: "lycee-bartholdi",
      title: "Profiter des vacances pour la maintenance préventive",
      problem:
        "On passe l'année à courir après les pannes. Pendant les vacances scolaires, on fait ce qui vient, sans programme, et les mêmes équipements retombent en panne à la rentrée.",
      proposal:
        "Établir chaque année un programme de maintenance préventive calé sur les vacances : vérification des chasses d'eau, des volets, des extincteurs, purge des radiateurs, graissage des portes coupe-feu. Un planning type pourrait être partagé entre lycées.",
      beneficiaries: "Équipes de maintenance, usagers des lycées",
    },
  ],
};
