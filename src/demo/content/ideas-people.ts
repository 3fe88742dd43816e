import type { RawIdeaGroup } from "./types";

/** Knowing each other's skills: skills directory, sharing know-how. */
export const skillsIdeas: RawIdeaGroup = {
  topic: "skills",
  ideas: [
    {
      by: "maison",
      with: ["lycee"],
      title: "La bourse aux savoir-faire",
      problem:
        "Dans nos équipes il y a des talents que personne ne connaît : une gestionnaire qui maîtrise les tableaux croisés dynamiques, un agent de maintenance ancien ébéniste, une collègue bilingue en allemand. Ces savoir-faire ne sortent jamais de leur bureau ou de leur atelier.",
      proposal:
        "Créer une bourse d'échange de savoir-faire entre agents, tous sites confondus : chacun dépose ce qu'il sait faire et ce qu'il aimerait apprendre, et la plateforme met en relation. Les échanges se font sur le temps de travail, une heure par ci par là, sans hiérarchie ni facturation. Une personne de la DRH valide simplement le principe avec les responsables.",
      beneficiaries: "Tous les agents, sièges, Maisons de la Région et lycées",
      award: {
        kind: "mention",
        citation:
          "Le jury salue une idée qui reconnaît les compétences de chacun au-delà de sa fiche de poste et qui crée des liens entre sites et métiers.",
      },
    },
    {
      by: "rh",
      title: "Un annuaire des compétences, pas seulement des noms",
      problem:
        "L'annuaire interne donne un nom, un service et un numéro de téléphone. Quand on cherche quelqu'un qui connaît les marchés de travaux ou qui parle polonais, on envoie des mails à la cantonade.",
      proposal:
        "Ajouter à la fiche annuaire de chaque agent une rubrique compétences, remplie par l'agent lui-même sur la base du volontariat : langues, logiciels, domaines d'expertise, expériences passées. Un moteur de recherche permettrait de trouver « qui sait faire quoi » en quelques secondes.",
      beneficiaries: "Tous les agents, managers, DRH",
    },
    {
      by: "siege",
      title: "Qui fait quoi, vraiment ?",
      problem:
        "L'organigramme est un PDF de 30 pages avec des sigles. On sait que la DITN ou la DEF existent mais pas ce qu'elles font concrètement, ni à qui s'adresser pour une question précise.",
      proposal:
        "Un organigramme interactif sur l'intranet où chaque service décrit ses missions en trois lignes compréhensibles, avec les sujets qu'il traite et la personne à contacter pour chacun. Les services le mettent à jour eux-mêmes.",
      beneficiaries: "Agents du siège et des Maisons de la Région, nouveaux arrivants",
    },
    {
      by: "dir_lycees",
      with: ["entretien"],
      title: "Vis ma vie : une journée dans un autre métier",
      problem:
        "Au siège on décide de l'organisation du travail des agents des lycées sans avoir jamais passé une journée avec eux. Dans les lycées on voit le siège comme une tour d'ivoire.",
      proposal:
        "Proposer des journées d'immersion croisées : un chargé de mission passe une journée avec l'équipe de cuisine ou d'entretien d'un lycée, et un agent de lycée découvre le travail d'un service du siège. Un petit retour d'expérience est partagé ensuite dans la lettre interne.",
      beneficiaries: "Agents du siège et des lycées",
    },
    {
      by: "accueil",
      at: "maison-mulhouse",
      title: "Recenser les langues parlées par les agents",
      problem:
        "À l'accueil de la Maison de la Région de Mulhouse on reçoit régulièrement des usagers qui parlent allemand, turc ou arabe. On se débrouille avec des gestes ou on renvoie à un autre jour.",
      proposal:
        "Établir une liste, sur volontariat, des collègues qui parlent une langue étrangère et acceptent d'être appelés ponctuellement pour aider à l'accueil ou traduire un courrier simple. La liste serait disponible à chaque accueil.",
      beneficiaries: "Usagers non francophones, agents d'accueil",
    },
    {
      by: "maintenance",
      at: "lycee-claude-gellee",
      title: "Le réseau des agents de maintenance des Vosges",
      problem:
        "Dans chaque lycée on est deux ou trois en maintenance, chacun avec sa spécialité. Quand on bute sur une panne de chaudière ou une soudure, on attend l'entreprise des semaines alors qu'un collègue du lycée d'à côté sait peut-être faire.",
      proposal:
        "Monter un réseau des agents de maintenance d'un même département, avec une liste des compétences de chacun (électricité, plomberie, serrurerie, soudure, chauffage) et un groupe de discussion pour s'entraider. Les coups de main entre lycées seraient autorisés avec un simple ordre de mission.",
      beneficiaries: "Agents de maintenance des lycées des Vosges",
    },
    {
      by: "numerique",
      title: "Mentorat inversé entre générations",
      problem:
        "Les jeunes agents sont à l'aise avec les outils numériques mais connaissent mal la maison ; les plus anciens ont l'expérience et la mémoire mais galèrent parfois avec les nouveaux logiciels.",
      proposal:
        "Former des binômes volontaires junior-senior qui se retrouvent une heure tous les quinze jours : l'un montre un outil ou une astuce numérique, l'autre partage son expérience des dossiers, des circuits de décision, de l'histoire des services.",
      beneficiaries: "Agents de toutes générations",
    },
    {
      by: "rh",
      title: "Transmettre avant de partir à la retraite",
      problem:
        "Quand un agent expérimenté part à la retraite, son remplaçant arrive souvent après son départ. Des années de savoir (contacts, astuces, historique des dossiers) disparaissent du jour au lendemain.",
      proposal:
        "Anticiper les départs en retraite et organiser systématiquement un tuilage d'au moins deux mois, avec une fiche de transmission type : dossiers en cours, interlocuteurs clés, pièges à éviter. Pour les postes critiques, financer le recrutement en surnombre pendant cette période.",
      beneficiaries: "Services, nouveaux arrivants, agents partant à la retraite",
    },
    {
      by: "dimap",
      title: "Un vivier d'experts internes pour les projets",
      problem:
        "Pour chaque projet innovant on fait appel à des cabinets de conseil, alors que la compétence existe souvent en interne : statisticiens, juristes, graphistes, anciens ingénieurs.",
      proposal:
        "Constituer un vivier d'agents experts volontaires qui peuvent consacrer quelques jours par an à des projets transversaux hors de leur service, avec l'accord de leur hiérarchie et une reconnaissance dans l'entretien annuel.",
      beneficiaries: "Porteurs de projets, agents experts, finances de la Région",
    },
    {
      by: "assistante",
      with: ["assistante"],
      title: "Une communauté des assistantes",
      problem:
        "Les assistantes de direction du siège et des Maisons de la Région refont chacune de leur côté les mêmes modèles de courrier, les mêmes tableaux de suivi des congés, les mêmes procédures pour réserver une salle ou un véhicule.",
      proposal:
        "Je propose qu'on crée une communauté des assistantes, avec un espace partagé pour nos modèles et nos trucs et astuces, et une rencontre tous les deux mois, en visio pour que les collègues de Reims et de Metz puissent participer. On gagnerait un temps fou.",
      beneficiaries: "Assistantes et assistants de direction",
    },
    {
      by: "lycee",
      at: "lycee-schweitzer",
      title: "Des journées d'échange entre lycées",
      problem:
        "On ne sait pas comment travaillent nos collègues dans les autres lycées. Pourtant il y a sûrement des organisations plus malines que la nôtre à quelques kilomètres.",
      proposal:
        "Permettre aux agents de passer une ou deux journées par an dans un autre lycée, sur le même poste, pour observer et échanger. Par exemple une équipe de Mulhouse qui va voir comment fonctionne la cuisine d'un lycée de Colmar, et inversement.",
      beneficiaries: "Agents des lycées",
    },
    {
      by: "entretien",
      gender: "f",
      title: "Nos compétences d'avant comptent aussi",
      problem:
        "Je suis agent d'entretien mais j'ai été électricienne pendant 12 ans avant. Personne ne me l'a jamais demandé, et quand il y a une petite panne on attend l'entreprise.",
      proposal:
        "Quand un agent arrive, lui demander ses expériences et diplômes passés, les noter quelque part, et s'en servir pour les évolutions de poste ou pour des petits dépannages s'il le souhaite. Ça valoriserait beaucoup de collègues.",
      beneficiaries: "Agents des lycées, RH de proximité",
    },
    {
      by: "maison",
      title: "Un café-métier par mois à la Maison de la Région",
      problem:
        "Nous sommes une trentaine dans le bâtiment, répartis entre plusieurs services, et on se croise à la machine à café sans savoir ce que fait le voisin de bureau.",
      proposal:
        "Un café-métier d'une demi-heure chaque mois : un collègue présente son travail, un dossier qui l'occupe, une difficulté. Ça permettrait de mieux se connaître et de savoir à qui s'adresser.",
      beneficiaries: "Agents des Maisons de la Région",
    },
    {
      by: "etat",
      job: "fonds européens",
      title: "Un annuaire croisé État-Région des experts",
      problem:
        "Quand je travaille à la préfecture sur un dossier de fonds européens ou de transition écologique, je ne sais pas qui est mon homologue à la Région. On passe par trois standards avant de trouver la bonne personne.",
      proposal:
        "Construire un annuaire partagé des experts thématiques de l'État et de la Région en Grand Est, limité aux agents volontaires, avec leurs domaines. Le Lab'EST pourrait l'héberger et l'animer.",
      beneficiaries: "Agents de l'État et de la Région travaillant sur des politiques communes",
    },
    {
      by: "lycee",
      title: "Les astuces des agents en vidéo",
      problem:
        "Beaucoup de petites techniques de métier se transmettent oralement et se perdent : comment détartrer une cafetière de 20 litres, démonter un siphon, régler une autolaveuse.",
      proposal:
        "Proposer aux agents volontaires de filmer leurs astuces en vidéos courtes de 2 minutes avec un téléphone, et les partager sur une chaîne interne classée par métier. Un agent de la communication pourrait aider au montage.",
      beneficiaries: "Agents des lycées, nouveaux arrivants",
    },
    {
      by: "gestion",
      title: "Un forum d'entraide entre gestionnaires de lycées",
      problem:
        "Les gestionnaires de lycée sont seuls dans leur établissement face à des questions très techniques (marchés, budget, régie, contrats). Pour trouver une réponse on appelle un collègue qu'on connaît, si on en connaît un.",
      proposal:
        "Ouvrir un forum d'entraide en ligne réservé aux gestionnaires et adjoints, avec des questions-réponses archivées et consultables. Un référent de la Direction des lycées répondrait aux questions restées sans réponse au bout de 48h.",
      beneficiaries: "Gestionnaires et secrétaires d'intendance des lycées",
    },
    {
      by: "dir_lycees",
      title: "Garder le lien avec nos retraités experts",
      problem:
        "Des collègues partis récemment à la retraite connaissent parfaitement des dossiers anciens (historique des lycées, contentieux, conventions). Nous les appelons parfois sur leur portable personnel, de manière informelle.",
      proposal:
        "On pourrait constituer un réseau des anciens agents volontaires, qui peuvent être sollicités ponctuellement pour partager leur mémoire des dossiers, avec un cadre clair (bénévolat, confidentialité, invitation aux événements internes).",
      beneficiaries: "Services, retraités volontaires",
    },
  ],
};

/** Onboarding of newcomers: welcome, booklet, tutoring. */
export const onboardingIdeas: RawIdeaGroup = {
  topic: "onboarding",
  ideas: [
    {
      by: "entretien",
      at: "lycee-henri-poincare",
      gender: "f",
      title: "Un livret d'accueil pour les agents des lycées",
      problem:
        "Quand je suis arrivée au lycée, personne ne m'a expliqué que j'étais agent de la Région et pas de l'Éducation nationale. Je ne savais pas à qui demander pour ma paie, mes congés ou ma formation.",
      proposal:
        "Faire un livret d'accueil spécial pour les agents des lycées : qui est notre employeur, qui est notre chef au quotidien, les numéros utiles, comment poser un congé, à qui parler en cas de problème, les droits à la formation. Court, avec des dessins, et remis le premier jour par le gestionnaire.",
      beneficiaries: "Nouveaux agents des lycées",
    },
    {
      by: "rh",
      title: "Un parrain ou une marraine pour chaque nouvel agent",
      problem:
        "Les premières semaines, les nouveaux n'osent pas poser de questions à leur chef et ne connaissent personne. Certains partent au bout de quelques mois.",
      proposal:
        "Désigner pour chaque arrivant un parrain ou une marraine volontaire, d'un autre service si possible, pendant les trois premiers mois : déjeuner ensemble la première semaine, répondre aux questions pratiques, présenter des collègues. Les parrains seraient formés en une demi-journée.",
      beneficiaries: "Nouveaux arrivants, tous sites",
    },
    {
      by: "assistante",
      title: "Que le poste soit prêt le premier jour",
      problem:
        "Trop souvent un nouveau collègue arrive et n'a ni ordinateur, ni identifiant, ni badge pendant une semaine, voire plus. Il passe ses journées à lire des documents papier, ce n'est pas une bonne image.",
      proposal:
        "Un circuit d'arrivée déclenché dès la signature du recrutement : demande automatique du matériel informatique, des accès, du badge et du téléphone, avec une check-list partagée entre RH, numérique, moyens généraux et le service d'accueil. L'assistante du service est prévenue quand tout est prêt.",
      beneficiaries: "Nouveaux arrivants, managers, assistantes",
    },
    {
      by: "rh",
      title: "La journée d'intégration plus tôt",
      problem:
        "La journée d'accueil des nouveaux agents n'a lieu que deux fois par an. Certains y participent huit mois après leur arrivée, quand ils ont déjà tout découvert seuls.",
      proposal:
        "Organiser une matinée d'intégration chaque mois, en présentiel à Strasbourg, Metz ou Châlons en alternance, et en visio pour ceux qui sont loin. Présentation de la Région, des élus, des grandes politiques, et rencontre avec des agents de différents métiers.",
      beneficiaries: "Nouveaux agents",
    },
    {
      by: "accueil",
      at: "lycee-fabert",
      title: "Un plan du lycée pour les remplaçants",
      problem:
        "Les remplaçants et les nouveaux passent leurs premiers jours à se perdre dans le lycée : quelle clé ouvre quoi, où est le local produits, où se trouve le compteur d'eau. Au lycée Fabert c'est un vrai labyrinthe.",
      proposal:
        "Faire un plan simple du lycée avec les locaux techniques, les sorties de secours, les codes et l'emplacement des clés, à remettre à chaque arrivant avec une visite guidée d'une heure par un collègue.",
      beneficiaries: "Remplaçants, nouveaux agents, contractuels",
    },
    {
      by: "gestion",
      title: "Kit d'accueil express pour les contrats courts",
      problem:
        "On accueille beaucoup de contractuels pour des remplacements de quelques semaines. Le temps de leur expliquer les consignes, le contrat est presque fini.",
      proposal:
        "Préparer un kit express : une fiche d'une page par poste (horaires, tâches, consignes de sécurité, qui appeler), les tenues prêtes en plusieurs tailles et un binôme désigné pour la première journée.",
      beneficiaries: "Agents contractuels de remplacement, équipes des lycées",
    },
    {
      by: "com",
      title: "Une vidéo de bienvenue à la Région",
      problem:
        "La Région Grand Est est une grande maison avec des milliers d'agents sur un territoire immense. Quand on arrive, c'est difficile de se représenter ce qu'elle fait et où l'on se situe.",
      proposal:
        "Réaliser une vidéo de bienvenue de 5 minutes : les compétences de la Région (lycées, trains, économie, formation), des témoignages d'agents de tous métiers, une carte des sites. Elle serait envoyée avec le mail de bienvenue et projetée aux journées d'intégration.",
      beneficiaries: "Nouveaux arrivants, stagiaires et apprentis",
    },
    {
      by: "dimap",
      title: "Le rapport d'étonnement des nouveaux",
      problem:
        "Les nouveaux arrivants voient nos lourdeurs et nos incohérences avec un œil neuf, puis au bout de quelques mois ils s'habituent et ne les voient plus. On perd ce regard précieux.",
      proposal:
        "Demander à chaque nouvel agent, après un mois, un court rapport d'étonnement : ce qui l'a surpris en bien, en mal, ce qu'il ferait autrement. Les rapports seraient lus par le manager et, de façon anonymisée, par la délégation à l'innovation pour repérer des pistes d'amélioration.",
      beneficiaries: "Services, nouveaux arrivants, démarche d'amélioration continue",
    },
    {
      by: "maison_lycees",
      title: "Faire le tour des lycées du secteur en arrivant",
      problem:
        "À la Maison de la Région, on suit les lycées d'un secteur mais certains nouveaux collègues ne les ont jamais vus. On gère des dossiers de travaux sur plan sans connaître les lieux ni les équipes.",
      proposal:
        "Prévoir, dans les deux premiers mois, une tournée de découverte des lycées du secteur avec un collègue expérimenté : rencontre avec le proviseur, le gestionnaire, le chef de cuisine et l'équipe de maintenance.",
      beneficiaries: "Nouveaux agents des Maisons de la Région, lycées",
    },
    {
      by: "etat",
      job: "mobilité carrière",
      title: "Aider les agents mutés à s'installer en Grand Est",
      problem:
        "Les agents de l'État qui arrivent d'une autre région doivent trouver un logement, une école, parfois un emploi pour leur conjoint, en quelques semaines. Certains refusent le poste pour cette raison.",
      proposal:
        "La plateforme RH pourrait proposer un service d'accompagnement à l'installation : informations sur les quartiers, contacts pour le logement social réservé aux fonctionnaires, aide à la recherche d'emploi du conjoint via le réseau des administrations.",
      beneficiaries: "Agents de l'État nouvellement affectés et leurs familles",
    },
    {
      by: "siege",
      job: "Chef",
      title: "Une check-list pour le manager qui accueille",
      problem:
        "Les managers accueillent un nouvel agent de temps en temps, pas assez souvent pour avoir des réflexes. Chacun fait à sa façon, certains oublient l'essentiel.",
      proposal:
        "Fournir aux managers une check-list avant/pendant/après l'arrivée : prévenir l'équipe, préparer le bureau, prévoir le premier déjeuner, fixer les objectifs du premier mois, faire un point à J+15 et à J+90.",
      beneficiaries: "Managers et nouveaux collaborateurs",
    },
    {
      by: "restauration",
      at: "lycee-clemenceau",
      title: "Tuilage pour les nouveaux chefs de cuisine",
      problem:
        "Quand un chef de cuisine part, le nouveau arrive sans connaître les fournisseurs, les habitudes des élèves, les contraintes du matériel. Les premières semaines, les repas s'en ressentent.",
      proposal:
        "Organiser une semaine de tuilage entre l'ancien et le nouveau chef, ou à défaut un accompagnement par un chef de cuisine expérimenté d'un lycée voisin, avec un classeur de passation (fournisseurs, fiches techniques, plan de maîtrise sanitaire).",
      beneficiaries: "Nouveaux chefs de cuisine, équipes de restauration, élèves",
    },
    {
      by: "assistante",
      title: "Un déjeuner des nouveaux chaque mois",
      problem:
        "Arriver dans une grande administration c'est parfois manger seul à la cantine les premières semaines.",
      proposal:
        "Organiser un déjeuner mensuel des nouveaux arrivants du siège, à la cantine, avec un ou deux agents plus anciens qui font le lien. Ça ne coûte rien et ça crée tout de suite un petit réseau.",
      beneficiaries: "Agents arrivés depuis moins de six mois",
    },
    {
      by: "siege",
      title: "Un lexique des sigles pour les nouveaux arrivants",
      problem:
        "DGA, DRH, DITN, CP, AP, SGARE, EPLE, CTR... Les premières réunions sont incompréhensibles pour un nouvel arrivant tellement on parle en sigles.",
      proposal:
        "Rédiger un lexique des sigles et du jargon de la Région et de ses partenaires, disponible sur l'intranet et dans le livret d'accueil, avec une recherche rapide. Les services pourraient ajouter leurs propres termes.",
      beneficiaries: "Nouveaux arrivants, stagiaires, partenaires extérieurs",
    },
    {
      by: "rh",
      title: "Mieux accueillir les apprentis",
      problem:
        "Nous accueillons de plus en plus d'apprentis, mais leurs maîtres d'apprentissage ne sont pas toujours disponibles ni formés. Certains apprentis se sentent livrés à eux-mêmes.",
      proposal:
        "Créer une promotion annuelle des apprentis avec une journée d'accueil commune, un réseau d'entraide entre eux et une formation d'une journée pour les maîtres d'apprentissage. Un référent RH suivrait chaque apprenti à mi-parcours.",
      beneficiaries: "Apprentis, maîtres d'apprentissage",
    },
  ],
};

/** Training of agents: courses, e-learning, access to training. */
export const trainingIdeas: RawIdeaGroup = {
  topic: "training",
  ideas: [
    {
      by: "entretien",
      at: "lycee-chanzy",
      title: "Des formations qui viennent à nous",
      problem:
        "Les formations pour les agents des lycées ont souvent lieu à Strasbourg ou à Châlons. Depuis Charleville c'est 4 heures de route aller-retour pour une journée de formation, alors on n'y va pas.",
      proposal:
        "Faire venir les formateurs dans un lycée de chaque département, pour des groupes d'agents des lycées voisins. Un lycée par secteur pourrait être désigné lycée d'accueil des formations, avec une salle et un repas à la cantine.",
      beneficiaries: "Agents des lycées éloignés des grandes villes",
    },
    {
      by: "lycee",
      title: "Des modules de formation sur le téléphone",
      problem:
        "La plupart des agents des lycées n'ont pas d'ordinateur professionnel. Les formations en ligne de la Région ne sont donc pas accessibles pour eux.",
      proposal:
        "Proposer des modules de formation courts (10 minutes maximum) accessibles sur smartphone, sur des sujets concrets : gestes et postures, produits chimiques, hygiène alimentaire, sécurité incendie. Le temps passé serait compté comme du temps de travail.",
      beneficiaries: "Agents des lycées sans poste informatique",
    },
    {
      by: "gestion",
      title: "Un catalogue de formation plus clair et une inscription simple",
      problem:
        "Le catalogue de formation fait plus de 100 pages et l'inscription passe par un formulaire papier signé par trois personnes. Beaucoup d'agents abandonnent avant d'arriver au bout.",
      proposal:
        "Mettre le catalogue en ligne avec des filtres par métier, par lieu et par date, et permettre l'inscription en un clic avec validation électronique du responsable. L'agent recevrait une confirmation et un rappel la veille.",
      beneficiaries: "Tous les agents, service formation",
    },
    {
      by: "assistante",
      title: "Formation Excel niveau 2",
      problem:
        "On propose Excel débutant mais pas de niveau intermédiaire. Or au quotidien on fait des tableaux de suivi, des filtres, des recherches V, et on se débrouille avec des tutos YouTube.",
      proposal:
        "Ajouter une formation Excel intermédiaire de deux demi-journées, si possible sur nos propres fichiers, et une permanence mensuelle où l'on peut venir avec ses questions.",
      beneficiaries: "Assistantes, gestionnaires, agents administratifs",
    },
    {
      by: "restauration",
      title: "Recyclage HACCP tous les trois ans",
      problem:
        "On a été formés à l'hygiène alimentaire HACCP une fois à l'embauche, il y a parfois 15 ans. Les règles ont changé, les mauvaises habitudes s'installent.",
      proposal:
        "Prévoir une session de recyclage HACCP obligatoire tous les trois ans pour tous les agents de restauration, courte et pratique, directement dans la cuisine du lycée.",
      beneficiaries: "Agents de restauration",
    },
    {
      by: "maintenance",
      at: "lycee-fabert",
      title: "Renouveler les habilitations électriques à temps",
      problem:
        "Mon habilitation électrique a expiré depuis huit mois. Je n'ai plus le droit de changer un disjoncteur, on doit appeler une entreprise pour des interventions que je faisais moi-même avant.",
      proposal:
        "Tenir un tableau de suivi des habilitations (électrique, travail en hauteur, CACES) de tous les agents de maintenance avec une alerte six mois avant l'échéance, et réserver automatiquement une place en recyclage.",
      beneficiaries: "Agents de maintenance, lycées",
    },
    {
      by: "siege",
      title: "Former les nouveaux managers avant qu'ils ne managent",
      problem:
        "On devient chef de service par promotion ou par concours, souvent parce qu'on était bon techniquement, et on se retrouve à gérer des conflits et des entretiens annuels sans aucune préparation.",
      proposal:
        "Un parcours de formation obligatoire pour tout nouveau manager dans les six premiers mois : entretien professionnel, conduite de réunion, gestion des conflits, prévention des risques psychosociaux. Avec un groupe d'échange entre pairs qui se réunit ensuite chaque trimestre.",
      beneficiaries: "Nouveaux managers et leurs équipes",
    },
    {
      by: "etat",
      job: "formation",
      title: "Ouvrir nos formations aux agents de la Région, et réciproquement",
      problem:
        "La Région et les services de l'État organisent chacun des formations sur des sujets proches (management, marchés publics, outils collaboratifs), parfois avec des places vides, sans jamais s'en parler.",
      proposal:
        "Mettre en commun les catalogues de formation de l'État et de la Région en Grand Est, avec un principe d'échange de places gratuites. Un calendrier partagé permettrait de repérer les places disponibles jusqu'à la veille.",
      beneficiaries: "Agents de l'État et de la Région",
    },
    {
      by: "dimap",
      title: "Former des agents à l'animation d'ateliers créatifs",
      problem:
        "Beaucoup de réunions tournent en rond et finissent sans décision. Peu d'agents savent animer un atelier participatif ou faire émerger des idées dans un groupe.",
      proposal:
        "Former chaque année une promotion d'agents volontaires aux techniques d'animation de la créativité (brainstorming, cartes d'empathie, prototypage rapide) et leur permettre d'animer des ateliers dans d'autres services que le leur.",
      beneficiaries: "Agents volontaires, services demandeurs d'ateliers",
    },
    {
      by: "accueil",
      at: "lycee-marie-curie",
      gender: "f",
      title: "Tous formés aux premiers secours",
      problem:
        "L'an dernier un élève a fait un malaise dans le hall alors que l'infirmière était absente. J'étais seule à la loge et je ne savais pas quoi faire à part appeler le 15.",
      proposal:
        "Former tous les agents d'accueil, et au moins deux agents par équipe dans chaque lycée, au sauvetage secourisme du travail (SST), avec un recyclage tous les deux ans. Et installer un défibrillateur bien signalé à l'accueil.",
      beneficiaries: "Agents, élèves et visiteurs",
    },
    {
      by: "maison",
      at: "maison-mulhouse",
      title: "Apprendre l'allemand pour travailler avec nos voisins",
      problem:
        "Nous travaillons de plus en plus avec le Bade-Wurtemberg et la Suisse, mais peu d'agents sont à l'aise en allemand. On passe par l'anglais ou par un interprète, même pour un simple échange téléphonique.",
      proposal:
        "Proposer des cours d'allemand professionnel en petits groupes, pendant la pause méridienne, et des tandems linguistiques avec des agents des administrations allemandes partenaires.",
      beneficiaries: "Agents travaillant sur la coopération transfrontalière",
    },
    {
      by: "entretien",
      title: "partir en formation sans avancer les frais",
      problem:
        "Quand on part en formation loin, on avance l'essence, le repas, parfois l'hotel, et on est remboursés 2 ou 3 mois après. Avec nos salaires c'est pas possible pour beaucoup.",
      proposal:
        "Que la Région réserve et paie directement le train et l'hébergement, et qu'on puisse avoir une avance sur les frais de repas. Sinon c'est toujours les mêmes qui partent en formation.",
      beneficiaries: "Agents aux revenus modestes, surtout en lycée",
    },
    {
      by: "accueil",
      title: "Savoir réagir face à l'agressivité",
      problem:
        "À l'accueil on est en première ligne face aux parents mécontents, aux livreurs pressés, parfois à des personnes agressives. On n'a jamais été formés à gérer ces situations.",
      proposal:
        "Une formation de deux jours à la gestion des conflits et des situations tendues, avec des mises en situation, puis une séance d'analyse de pratiques deux fois par an entre agents d'accueil.",
      beneficiaries: "Agents d'accueil des lycées et des Maisons de la Région",
    },
    {
      by: "entretien",
      at: "lycee-claude-gellee",
      title: "Préparer le concours ensemble",
      problem:
        "Plusieurs collègues de l'équipe voudraient passer le concours d'agent de maîtrise, mais seuls on ne sait pas par où commencer et on n'a pas le temps de réviser.",
      proposal:
        "Organiser une préparation aux concours internes pour les agents des lycées, avec des sessions en petits groupes dans un lycée du secteur d'Épinal, des annales corrigées, et quelques heures libérées sur le temps de travail.",
      beneficiaries: "Agents des lycées souhaitant évoluer",
    },
    {
      by: "numerique",
      title: "Ateliers courts pour bien utiliser Teams",
      problem:
        "Les outils collaboratifs ont été déployés pendant le confinement sans formation. Deux ans après, la plupart des agents utilisent Teams comme un téléphone et continuent à s'envoyer des pièces jointes par mail.",
      proposal:
        "Proposer des ateliers d'une heure en visio, par petits groupes, sur des usages précis : co-éditer un document, organiser une équipe, partager un agenda, animer une réunion. Des agents « ambassadeurs » dans chaque direction relaieraient ensuite.",
      beneficiaries: "Agents du siège et des Maisons de la Région",
    },
  ],
};
