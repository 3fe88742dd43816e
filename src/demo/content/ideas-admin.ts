import type { RawIdeaGroup } from "./types";

/** Paperwork and dematerialisation: forms, signatures, electronic signature workflows. */
export const paperworkIdeas: RawIdeaGroup = {
  topic: "paperwork",
  ideas: [
    {
      by: "assistante",
      title: "Un parapheur électronique pour tous les courriers",
      problem:
        "Un courrier à la signature passe de bureau en bureau dans un parapheur cartonné : chef de service, directeur, DGA, cabinet. Il peut rester une semaine sur un bureau pendant les congés de quelqu'un, et personne ne sait où il est.",
      proposal:
        "Généraliser le parapheur électronique pour tous les courriers et notes internes, avec la possibilité de signer depuis un téléphone, un suivi en temps réel de l'étape où se trouve le document, et des suppléances automatiques en cas d'absence.",
      beneficiaries: "Assistantes, directions, usagers qui attendent une réponse",
    },
    {
      by: "gestion",
      at: "lycee-clemenceau",
      title: "Demander ses congés sans papier",
      problem:
        "Au lycée, les agents remplissent une demande de congé papier, la donnent au chef d'équipe, qui la passe à la gestionnaire, qui la saisit ensuite dans le logiciel de la Région. Il y a des oublis, des erreurs de saisie et des réponses qui arrivent après la date.",
      proposal:
        "Ouvrir aux agents des lycées le module de demande de congés en ligne, accessible depuis un téléphone ou une borne dans la salle de pause. Le chef d'équipe valide, la gestionnaire n'a plus rien à ressaisir.",
      beneficiaries: "Agents des lycées, chefs d'équipe, gestionnaires",
    },
    {
      by: "maison",
      title: "Les notes de frais en photo",
      problem:
        "Pour me faire rembourser un repas ou un parking lors d'un déplacement, je dois imprimer l'état de frais, coller les tickets sur une feuille, faire signer et envoyer par courrier interne. Les tickets thermiques s'effacent avant d'arriver à la paie.",
      proposal:
        "Permettre de saisir ses frais de déplacement en ligne en photographiant les justificatifs avec son téléphone, avec une validation électronique par le responsable et un remboursement sur la paie suivante.",
      beneficiaries: "Agents qui se déplacent, services financiers",
    },
    {
      by: "gestion",
      title: "Moins de signatures sur les bons de commande",
      problem:
        "Pour commander une boîte de vis de 12 euros, il faut un bon de commande signé par l'agent, le chef de service, la gestionnaire et l'ordonnateur. La vis arrive trois semaines plus tard.",
      proposal:
        "Fixer un seuil (par exemple 200 euros) en dessous duquel une seule validation électronique suffit, et dématérialiser le bon de commande dans le logiciel comptable. Garder le circuit complet pour les gros montants.",
      beneficiaries: "Agents de maintenance, gestionnaires, ordonnateurs",
    },
    {
      by: "finances",
      title: "Ne plus redemander les mêmes pièces aux associations",
      problem:
        "Une association qui demande une subvention chaque année doit renvoyer ses statuts, son RIB, son numéro SIRET et la liste de ses dirigeants, même s'ils n'ont pas changé. C'est du travail en plus pour elle et pour nous à l'instruction.",
      proposal:
        "Appliquer le principe « dites-le nous une fois » : un coffre-fort numérique du demandeur sur le portail des aides, où les pièces permanentes sont déposées une fois et réutilisées tant qu'elles sont valides. L'association ne met à jour que ce qui change.",
      beneficiaries: "Associations et entreprises demandeuses, instructeurs des aides",
    },
    {
      by: "assistante",
      title: "Des modèles de courriers à jour et partagés",
      problem:
        "Chaque service a ses propres modèles de lettres, de notes et de convocations, avec l'ancien logo, les anciennes adresses et parfois des mentions juridiques dépassées.",
      proposal:
        "Mettre à disposition dans le traitement de texte une bibliothèque unique de modèles officiels tenue à jour par la communication et les affaires juridiques, avec les champs à remplir surlignés.",
      beneficiaries: "Assistantes, rédacteurs, image de la collectivité",
    },
    {
      by: "rh",
      title: "Le bulletin de paie dans un coffre-fort numérique",
      problem:
        "Chaque mois des milliers de bulletins de paie sont imprimés, mis sous enveloppe et envoyés dans les lycées et les sites. Il y a des pertes, des retards, et les agents doivent tout garder à vie.",
      proposal:
        "Proposer le bulletin de paie dématérialisé dans un coffre-fort numérique personnel, accessible à vie même après un départ de la collectivité, en gardant le papier pour ceux qui le souhaitent.",
      beneficiaries: "Agents, gestionnaires paie",
    },
    {
      by: "rh",
      title: "Télécharger soi-même ses attestations",
      problem:
        "Pour une attestation d'emploi (banque, crèche, bail), l'agent envoie une demande à la DRH et attend plusieurs jours. Les gestionnaires carrière passent un temps important à produire ces documents simples.",
      proposal:
        "Il suffirait d'un espace agent où l'on télécharge immédiatement une attestation employeur signée électroniquement, avec un code de vérification pour les organismes destinataires.",
      beneficiaries: "Agents, gestionnaires RH",
    },
    {
      by: "finances",
      title: "Payer les petites entreprises plus vite",
      problem:
        "Nos délais de paiement dépassent parfois 45 jours, surtout pour les factures arrivées par courrier qui doivent être scannées et réaffectées. Pour un artisan qui a fait des travaux dans un lycée, c'est lourd de trésorerie.",
      proposal:
        "Imposer le dépôt des factures sur la plateforme Chorus Pro pour tous les fournisseurs, accompagner les plus petits avec un tutoriel et une hotline, et mettre en place la validation du service fait directement dans l'outil par le lycée ou le service commanditaire.",
      beneficiaries: "Fournisseurs, en particulier artisans et TPE, services comptables",
    },
    {
      by: "gestion",
      at: "lycee-chrestien-de-troyes",
      title: "Transmettre un arrêt maladie sans aller-retour",
      problem:
        "Quand un agent du lycée est en arrêt, il envoie le volet papier au lycée, qui fait une copie pour la Région, qui la transmet au service paie. Il faut parfois trois semaines pour que l'absence soit enregistrée, et ça fausse les plannings.",
      proposal:
        "Permettre à l'agent d'envoyer une photo de son arrêt sur une adresse dédiée ou un formulaire en ligne, reçu simultanément par le lycée et la DRH. Le lycée est prévenu tout de suite pour organiser le remplacement.",
      beneficiaries: "Agents des lycées, gestionnaires, DRH",
    },
    {
      by: "dimap",
      title: "Réécrire nos formulaires en langage clair",
      problem:
        "Nos formulaires destinés aux usagers et aux agents sont remplis de jargon administratif et de références à des articles de loi. Beaucoup de dossiers nous reviennent incomplets parce que les gens n'ont pas compris ce qu'on leur demandait.",
      proposal:
        "Réécrire les 20 formulaires les plus utilisés en langage clair, en les testant avec de vrais utilisateurs, et former les rédacteurs aux règles de base : phrases courtes, mots simples, exemples.",
      beneficiaries: "Usagers, agents instructeurs",
    },
    {
      by: "education",
      title: "Signer les conventions à distance",
      problem:
        "Nos conventions avec les partenaires (communes, associations, entreprises) sont imprimées en trois exemplaires, envoyées par la poste, signées, renvoyées. Il faut parfois deux mois pour récupérer un exemplaire signé.",
      proposal:
        "Utiliser la signature électronique pour les conventions, avec un envoi simultané à tous les signataires et un archivage automatique de la version signée dans le dossier du projet.",
      beneficiaries: "Services gestionnaires, partenaires de la Région",
    },
    {
      by: "etat",
      at: "ddt-vosges",
      title: "Scanner les dossiers PAC à l'arrivée",
      problem:
        "À la DDT, certains exploitants nous envoient encore leurs pièces justificatives PAC par courrier. Les dossiers papier circulent entre bureaux et se perdent, et on ne peut pas les consulter en télétravail.",
      proposal:
        "Numériser systématiquement les pièces à leur arrivée et les rattacher au dossier numérique de l'exploitant. Ensuite le papier part aux archives et plus personne ne le manipule.",
      beneficiaries: "Instructeurs, exploitants agricoles",
    },
    {
      by: "etat",
      at: "prefecture-grand-est",
      title: "Un seul formulaire pour toutes les demandes de logistique",
      problem:
        "Pour réserver une salle, commander des badges visiteurs, faire déplacer un meuble ou demander un véhicule, il existe quatre formulaires différents, des adresses mail différentes et aucun suivi.",
      proposal:
        "Un portail unique de demandes logistiques avec un formulaire dynamique, un numéro de suivi et un historique, pour les agents de la préfecture et des services régionaux hébergés.",
      beneficiaries: "Agents de la préfecture, service des moyens mutualisés",
    },
    {
      by: "entretien",
      title: "autorisations d'absence trop compliquées",
      problem:
        "Pour une absence enfant malade ou un rendez vous, il faut un formulaire different a chaque fois, je sais jamais lequel prendre et ou le trouver, et il faut le déposer a l'intendance avant.",
      proposal:
        "Un seul formulaire simple pour toutes les absences, avec une case à cocher pour le motif, qu'on peut remplir aussi sur le téléphone. Et qu'on puisse le donner après quand c'est urgent, comme pour un enfant malade.",
      beneficiaries: "agents des lycées",
    },
    {
      by: "restauration",
      at: "lycee-bartholdi",
      title: "Déclarer ses heures supplémentaires simplement",
      problem:
        "Quand on reste pour un repas d'examen ou une soirée au lycée, on note les heures sur une feuille qui doit être signée par le chef de cuisine, la gestionnaire et le proviseur. La moitié des feuilles se perdent et les heures ne sont jamais payées ni récupérées.",
      proposal:
        "Un relevé d'heures en ligne, rempli par l'agent, validé par le responsable direct, et transmis automatiquement pour paiement ou récupération. L'agent voit son compteur à jour.",
      beneficiaries: "Agents de restauration et d'entretien",
    },
    {
      by: "finances",
      title: "Savoir qui signe quoi",
      problem:
        "Les arrêtés de délégation de signature sont nombreux, modifiés souvent, et difficiles à trouver. Des documents sont bloqués parce qu'on ne sait pas qui peut signer en l'absence du directeur, ou sont signés par quelqu'un qui n'en avait pas le droit.",
      proposal:
        "Publier sur l'intranet un tableau à jour des délégations de signature, consultable par direction et par type d'acte, et relier ce tableau au parapheur électronique pour qu'il propose automatiquement le bon signataire.",
      beneficiaries: "Services, assistantes, sécurité juridique",
    },
    {
      by: "moyens",
      job: "courrier",
      title: "Numériser le courrier dès son arrivée",
      problem:
        "Le courrier entrant est trié à la main, mis dans des bannettes et distribué dans les services en deux tournées par jour. Les agents en télétravail ne le voient qu'à leur retour, parfois une semaine après.",
      proposal:
        "Numériser tout le courrier entrant au service courrier dès réception et l'envoyer par voie électronique au service destinataire, enregistré avec une date d'arrivée certaine. Les originaux seraient conservés quelques mois puis archivés.",
      beneficiaries: "Agents en télétravail, service courrier, usagers",
    },
    {
      by: "assistante",
      at: "maison-metz",
      title: "Arrêter les tableaux de congés en trois exemplaires",
      problem:
        "Ici, à Metz, on tient un planning des congés sur papier affiché au mur, un tableau Excel pour le chef de service et une saisie dans l'application RH. Les trois ne sont jamais à jour en même temps.",
      proposal:
        "Garder une seule source, l'application RH, et en extraire automatiquement un planning d'équipe visible par tous. Fini la ressaisie.",
      beneficiaries: "Assistantes, chefs de service, agents",
    },
  ],
};

/** Internal communication: intranet, newsletters, knowing what happens. */
export const communicationIdeas: RawIdeaGroup = {
  topic: "communication",
  ideas: [
    {
      by: "entretien",
      at: "lycee-schweitzer",
      title: "L'intranet, on n'y a pas accès",
      problem:
        "Tout passe par l'intranet de la Région : les actualités, les offres de mobilité, les formations, les avantages sociaux. Mais dans les lycées, la plupart des agents n'ont ni ordinateur ni identifiant. On apprend les choses par hasard, souvent trop tard.",
      proposal:
        "Rendre l'intranet accessible depuis un téléphone personnel avec un identifiant simple, et installer en attendant un ordinateur en libre-service dans la salle de pause de chaque lycée.",
      beneficiaries: "Agents techniques des lycées",
    },
    {
      by: "lycee",
      title: "Une lettre d'info papier dans les salles de pause",
      problem:
        "La lettre d'information interne est envoyée par mail. Les agents des lycées ne la reçoivent pas, ou ne la lisent pas faute de temps devant un écran.",
      proposal:
        "Imprimer chaque mois une version courte (une page recto-verso) de la lettre d'information, à afficher dans les salles de pause et à distribuer avec les fiches de paie, avec des nouvelles qui concernent vraiment les lycées : mouvements, concours, formations, projets.",
      beneficiaries: "Agents des lycées",
    },
    {
      by: "siege",
      title: "Une newsletter interne qu'on a envie de lire",
      problem:
        "La lettre interne hebdomadaire est longue, remplie de communiqués officiels et de photos d'élus. Je l'archive sans l'ouvrir, comme beaucoup de collègues.",
      proposal:
        "Une lettre courte, cinq informations maximum, avec ce qui change concrètement pour les agents, un portrait de collègue et un agenda. Mesurer le taux d'ouverture et demander l'avis des lecteurs une fois par an.",
      beneficiaries: "Tous les agents",
    },
    {
      by: "lycee",
      at: "lycee-fabert",
      title: "Savoir ce que deviennent nos idées",
      problem:
        "On a déjà donné des idées lors d'enquêtes ou de réunions, et on n'a jamais eu de nouvelles. Du coup les collègues ne veulent plus rien proposer, à quoi bon.",
      proposal:
        "Pour chaque idée ou remontée, donner une réponse, même négative, avec l'explication. Un tableau visible par tous montrerait où en est chaque proposition : étudiée, retenue, en test, abandonnée et pourquoi.",
      beneficiaries: "Agents qui proposent, confiance dans la démarche",
    },
    {
      by: "com",
      title: "Expliquer les décisions des élus en langage simple",
      problem:
        "Les décisions de la commission permanente et des assemblées plénières concernent directement notre travail, mais elles ne sont publiées que sous forme de délibérations juridiques illisibles.",
      proposal:
        "Après chaque séance, publier sur l'intranet un résumé en langage courant des décisions qui touchent les agents ou les services : nouveaux dispositifs, budgets, réorganisations, avec le contact de la direction concernée.",
      beneficiaries: "Agents, encadrement intermédiaire",
    },
    {
      by: "com",
      title: "Un podcast interne pour les agents en déplacement",
      problem:
        "Beaucoup d'agents passent des heures en voiture ou en train entre les sites et n'ont pas le temps de lire les actualités internes.",
      proposal:
        "Produire un court podcast mensuel de 15 minutes : une interview d'un directeur, un reportage dans un lycée, une rubrique pratique RH. Il serait disponible sur les plateformes habituelles, en accès restreint.",
      beneficiaries: "Agents itinérants, agents des lycées",
    },
    {
      by: "numerique",
      title: "Un réseau social interne pour échanger entre sites",
      problem:
        "Pour poser une question à des collègues d'autres sites ou partager une bonne pratique, il n'existe que les mails à tout le service, qui agacent tout le monde.",
      proposal:
        "Ouvrir un réseau social d'entreprise avec des groupes thématiques (métiers, projets, petites annonces, entraide) modérés par des agents volontaires. Il serait accessible sur mobile pour les agents des lycées.",
      beneficiaries: "Agents de tous les sites",
    },
    {
      by: "restauration",
      at: "lycee-jules-ferry",
      title: "Que la direction vienne nous voir dans les lycées",
      problem:
        "On n'a jamais vu le directeur des lycées ni un élu dans notre cuisine. On a l'impression que le siège ne connaît pas nos conditions de travail à Saint-Dié.",
      proposal:
        "Que les directeurs du siège fassent chaque année une tournée dans quelques lycées, pour rencontrer les agents sur leur lieu de travail, sans le proviseur, et écouter leurs difficultés. Un compte rendu serait fait aux agents.",
      beneficiaries: "Agents des lycées, directeurs du siège",
    },
    {
      by: "gestion",
      title: "Prévenir les agents par SMS en cas de fermeture",
      problem:
        "Les jours de neige ou d'alerte, la fermeture du lycée est décidée tôt le matin. Les enseignants et les élèves sont prévenus par l'ENT, mais les agents arrivent au lycée à 6h sans savoir.",
      proposal:
        "Constituer une liste de diffusion SMS des personnels du lycée (sur volontariat, numéro personnel) pour les informations urgentes : fermeture, panne de chauffage, coupure d'eau.",
      beneficiaries: "Agents des lycées",
    },
    {
      by: "maison",
      title: "Une boîte à idées ouverte toute l'année",
      problem:
        "Le concours d'idées a eu lieu une fois, et puis plus rien. Les idées viennent au fil de l'eau, pas seulement quand on lance un concours.",
      proposal:
        "Garder une boîte à idées permanente, en ligne et sous forme de boîte physique dans chaque site, avec une réponse garantie sous deux mois et un point trimestriel publié sur les idées reçues.",
      beneficiaries: "Tous les agents",
    },
    {
      by: "com",
      with: ["entretien"],
      title: "Des portraits d'agents dans le magazine interne",
      problem:
        "Le magazine interne parle surtout des grands projets et des élus. Les métiers de terrain (agents d'entretien, cuisiniers, agents d'accueil) n'y apparaissent presque jamais.",
      proposal:
        "Consacrer dans chaque numéro deux pages à un portrait d'agent de terrain, choisi par ses collègues, avec photo et témoignage sur son métier. Une exposition photo itinérante dans les sites pourrait prolonger le projet.",
      beneficiaries: "Agents de terrain, reconnaissance des métiers",
    },
    {
      by: "etat",
      job: "communication",
      title: "Une lettre commune aux services de l'État en région",
      problem:
        "Chaque direction régionale et chaque préfecture a sa propre communication interne. On ignore ce que font les services voisins, même quand on travaille sur les mêmes sujets.",
      proposal:
        "Nous proposons une lettre interministérielle régionale mensuelle, alimentée par tous les services de l'État en Grand Est : projets, nominations, offres de postes, événements du réseau des agents.",
      beneficiaries: "Agents des services de l'État en région",
    },
    {
      by: "siege",
      title: "Moins de mails envoyés à tout le monde",
      problem:
        "Je reçois chaque jour 10 à 15 mails « à tous les agents du site » : gâteau en salle 204, parking fermé, objet trouvé, collecte de dons. Les informations importantes se perdent au milieu.",
      proposal:
        "Créer un canal d'annonces par site sur l'outil collaboratif, et réserver les mails à tous aux informations officielles et urgentes, validées par la communication interne.",
      beneficiaries: "Agents du siège",
    },
    {
      by: "entretien",
      at: "lycee-chrestien-de-troyes",
      title: "Un panneau d'affichage Région dans chaque lycée",
      problem:
        "Dans les lycées, le panneau d'affichage de la salle des profs concerne l'Éducation nationale. Les infos de la Région, notre employeur, ne sont affichées nulle part.",
      proposal:
        "Installer un panneau « Région Grand Est » dans la salle de pause des agents, mis à jour chaque mois par le gestionnaire : offres d'emploi, formations, élections professionnelles, action sociale, comptes rendus.",
      beneficiaries: "Agents régionaux en lycée",
    },
  ],
};

/** Purchasing: public procurement, office supplies. */
export const purchasingIdeas: RawIdeaGroup = {
  topic: "purchasing",
  ideas: [
    {
      by: "assistante",
      title: "Commander ses fournitures en ligne comme sur un site marchand",
      problem:
        "Les commandes de fournitures de bureau passent par un bon papier envoyé aux moyens généraux, qui regroupent et commandent une fois par mois. Si on rate la date, on attend le mois suivant pour une ramette de papier.",
      proposal:
        "Donner accès au catalogue du titulaire du marché en ligne avec un panier par service, une validation par le chef de service et une livraison directe. Le budget de chaque service serait visible en temps réel.",
      beneficiaries: "Services, assistantes, moyens généraux",
    },
    {
      by: "maintenance",
      at: "lycee-henri-poincare",
      title: "Une carte achat pour les petites dépenses urgentes",
      problem:
        "Quand il faut un joint ou une serrure le jour même, il n'y a pas de solution : pas de bon de commande possible en urgence, et on n'a pas le droit d'avancer l'argent. Alors la porte reste cassée plusieurs jours.",
      proposal:
        "Doter le gestionnaire ou le chef d'équipe maintenance d'une carte achat avec un plafond mensuel, utilisable dans les magasins de bricolage du secteur, avec justificatif photo. C'est un dispositif prévu par la commande publique.",
      beneficiaries: "Agents de maintenance, gestionnaires de lycée",
    },
    {
      by: "gestion",
      title: "Des groupements de commandes entre lycées voisins",
      problem:
        "Chaque lycée passe ses propres marchés pour le papier, les produits d'entretien, les denrées alimentaires. Les petits lycées paient plus cher et les gestionnaires refont tous le même travail.",
      proposal:
        "Organiser des groupements de commandes par département, avec un lycée coordonnateur par famille d'achats, et un appui juridique de la Direction de la commande publique pour rédiger les pièces.",
      beneficiaries: "Gestionnaires de lycées, budget des établissements",
    },
    {
      by: "achats",
      title: "Plus de clauses d'insertion dans nos marchés",
      problem:
        "La Région achète pour des centaines de millions d'euros chaque année, mais très peu de nos marchés comportent des clauses sociales. C'est un levier d'emploi pour les personnes éloignées du travail qu'on n'utilise pas.",
      proposal:
        "Identifier chaque année les marchés où une clause d'insertion est pertinente (nettoyage, espaces verts, travaux, restauration), avec l'appui d'un facilitateur de clauses sociales, et suivre les heures d'insertion réalisées.",
      beneficiaries: "Personnes en insertion, entreprises du territoire",
    },
    {
      by: "achats",
      title: "Mieux connaître les fournisseurs de la région",
      problem:
        "Quand on prépare un marché, on ne sait pas quelles entreprises du Grand Est pourraient répondre. On reçoit toujours les mêmes offres de grands groupes nationaux.",
      proposal:
        "Organiser des rencontres acheteurs-fournisseurs par secteur avant les grands renouvellements de marchés, et tenir un annuaire des entreprises régionales par famille d'achats, alimenté avec les chambres consulaires.",
      beneficiaries: "Acheteurs publics, PME et artisans régionaux",
    },
    {
      by: "com",
      title: "Savoir s'il existe déjà un marché avant d'acheter",
      problem:
        "Je voulais acheter des bâches pour un événement. J'ai passé deux jours à demander des devis avant de découvrir qu'un marché existait déjà chez un autre service.",
      proposal:
        "Mettre en ligne une liste à jour de tous les marchés en cours, avec un moteur de recherche par produit ou prestation, le titulaire, la date de fin et la personne à contacter.",
      beneficiaries: "Agents prescripteurs, Direction de la commande publique",
    },
    {
      by: "gestion",
      at: "lycee-marie-curie",
      title: "Noter les fournisseurs après chaque livraison",
      problem:
        "Certains fournisseurs livrent en retard, livrent incomplet ou livrent des produits différents de la commande, mais rien n'est tracé. Au moment de renouveler le marché, on n'a aucun élément objectif.",
      proposal:
        "Ajouter une évaluation rapide à la réception de chaque livraison (délai, conformité, état) dans le logiciel de gestion, et la transmettre aux acheteurs pour les bilans de marché.",
      beneficiaries: "Gestionnaires, acheteurs, qualité des achats",
    },
    {
      by: "achats",
      title: "Acheter du mobilier reconditionné",
      problem:
        "Nos marchés de mobilier ne permettent d'acheter que du neuf, alors que des filières de reconditionnement de qualité existent, à moindre coût et à meilleur bilan carbone.",
      proposal:
        "Ajouter au prochain marché de mobilier un lot de mobilier de bureau et scolaire reconditionné, et fixer un objectif de part d'achats issus du réemploi, comme le prévoit la loi anti-gaspillage.",
      beneficiaries: "Services, lycées, environnement",
    },
    {
      by: "etat",
      at: "prefecture-grand-est",
      job: "achats",
      title: "Acheter ensemble, État et Région",
      problem:
        "L'État et la Région achètent en Grand Est des fournitures identiques (papier, énergie, véhicules, nettoyage), chacun de son côté, sans profiter de volumes qui pourraient faire baisser les prix.",
      proposal:
        "Étudier des groupements de commandes État-Région sur quelques familles d'achats simples, en commençant par le papier et les fournitures, et partager les calendriers de renouvellement des marchés.",
      beneficiaries: "Acheteurs de l'État et de la Région, finances publiques",
    },
    {
      by: "achats",
      title: "Des dossiers de candidature plus légers pour les petites entreprises",
      problem:
        "Nos consultations demandent un dossier lourd : mémoire technique long, attestations multiples, formulaires complexes. Les artisans et les petites entreprises ne répondent pas, faute de temps.",
      proposal:
        "Simplifier les pièces demandées pour les marchés de faible montant : mémoire technique en deux pages sur un modèle, attestations demandées seulement à l'attributaire, découpage en petits lots géographiques.",
      beneficiaries: "TPE et PME, acheteurs publics",
    },
    {
      by: "restauration",
      at: "lycee-claude-gellee",
      title: "Choisir le matériel de cuisine avec ceux qui s'en servent",
      problem:
        "Notre nouveau four mixte a été choisi sur catalogue sans nous demander. Il ne rentre pas dans l'emplacement prévu et les bacs ne sont pas aux bonnes dimensions.",
      proposal:
        "Associer le chef de cuisine à la rédaction du cahier des charges pour tout achat d'équipement de cuisine, et prévoir une démonstration chez le fournisseur ou dans un autre lycée avant de choisir.",
      beneficiaries: "Équipes de cuisine, acheteurs",
    },
  ],
};

/** Digital tools: email, video calls, IT equipment. */
export const digitalIdeas: RawIdeaGroup = {
  topic: "digital",
  ideas: [
    {
      by: "entretien",
      title: "Une adresse mail pour chaque agent des lycées",
      problem:
        "On est agents de la Région mais on n'a pas d'adresse mail professionnelle. Pour les formations, les convocations, les élections, on donne notre adresse perso ou on passe par le secrétariat.",
      proposal:
        "Que chaque agent de lycée ait son adresse pro, qu'on puisse lire sur le téléphone, avec une petite formation pour ceux qui ne sont pas à l'aise avec ça.",
      beneficiaries: "Agents techniques des lycées",
    },
    {
      by: "maintenance",
      at: "lycee-clemenceau",
      title: "Le wifi dans les ateliers et les locaux techniques",
      problem:
        "Le wifi du lycée couvre les salles de classe mais pas les ateliers, la chaufferie ni les locaux techniques. Impossible de consulter une notice en ligne ou de remonter une intervention depuis la tablette.",
      proposal:
        "Étendre la couverture wifi aux locaux techniques et aux cuisines, sur un réseau séparé pour les personnels, et équiper les agents de maintenance d'une tablette durcie.",
      beneficiaries: "Agents de maintenance, équipes de cuisine",
    },
    {
      by: "assistante",
      title: "Un support informatique joignable et rapide",
      problem:
        "Quand mon ordinateur plante, j'ouvre un ticket et j'attends parfois trois jours. Pendant ce temps je travaille sur le poste d'une collègue absente, quand il y en a une.",
      proposal:
        "Ce qui m'aiderait : un numéro de support avec prise en main à distance immédiate pour les pannes bloquantes, et un stock de postes de prêt dans chaque site pour ne jamais laisser un agent sans outil.",
      beneficiaries: "Agents sur poste informatique",
    },
    {
      by: "siege",
      title: "Un seul mot de passe pour toutes les applications",
      problem:
        "J'ai 11 applications métiers, chacune avec son identifiant et son mot de passe à changer tous les 3 mois. Résultat : post-it sous le clavier et comptes bloqués.",
      proposal:
        "Déployer une authentification unique (un seul identifiant pour toutes les applications), avec double authentification sur le téléphone pour les accès sensibles. Plus sûr et beaucoup plus simple.",
      beneficiaries: "Tous les utilisateurs du système d'information",
    },
    {
      by: "entretien",
      at: "lycee-jules-ferry",
      job: "d'équipe",
      title: "Un téléphone professionnel pour les chefs d'équipe",
      problem:
        "Je suis chef d'équipe entretien et je dois être joignable partout dans le lycée. J'utilise mon portable personnel, avec mon forfait, et tout le monde a mon numéro privé.",
      proposal:
        "Fournir un smartphone professionnel aux chefs d'équipe entretien, restauration et maintenance, avec les applications utiles : messagerie, planning, signalements.",
      beneficiaries: "Chefs d'équipe des lycées",
    },
    {
      by: "maison",
      at: "maison-reims",
      title: "Renouveler le matériel informatique de la Maison de la Région",
      problem:
        "Nos ordinateurs ont plus de 7 ans, ils mettent 10 minutes à démarrer et la webcam ne fonctionne pas. Pendant les visios avec le siège on n'a ni image ni son correct.",
      proposal:
        "Aligner le calendrier de renouvellement du matériel des Maisons de la Région sur celui du siège et équiper chaque agent d'un casque-micro et d'une webcam corrects.",
      beneficiaries: "Agents des Maisons de la Région",
    },
    {
      by: "rh",
      title: "Une application mobile pour les agents",
      problem:
        "Les agents qui ne sont pas sur ordinateur n'ont accès à rien : ni à leur bulletin de paie, ni à leur solde de congés, ni aux actualités, ni à l'annuaire.",
      proposal:
        "Développer une application mobile simple qui regroupe l'essentiel : bulletin de paie, compteur de congés, demande d'absence, actualités, numéros utiles, formations. Accessible avec un identifiant unique.",
      beneficiaries: "Agents des lycées et agents itinérants",
    },
    {
      by: "etat",
      at: "prefecture-grand-est",
      title: "Partager de gros fichiers avec nos partenaires",
      problem:
        "La messagerie refuse les pièces jointes de plus de 10 Mo. Pour envoyer un dossier de 50 Mo à une collectivité, on utilise des sites de transfert gratuits dont on ne sait pas où vont les données.",
      proposal:
        "Mettre à disposition de tous les agents un outil de transfert de fichiers souverain et sécurisé, par exemple celui proposé par l'État, et l'intégrer à la messagerie.",
      beneficiaries: "Agents de la préfecture et partenaires",
    },
    {
      by: "numerique",
      title: "Développer en open source et partager avec les autres collectivités",
      problem:
        "Nous développons des applications métiers (gestion des aides, transport scolaire) que d'autres régions développent aussi de leur côté. Chacun paie le même logiciel plusieurs fois.",
      proposal:
        "Publier nos développements sous licence libre quand c'est possible et rejoindre les communautés de collectivités qui mutualisent leurs logiciels, pour réutiliser ce qui existe ailleurs.",
      beneficiaries: "Direction du numérique, autres collectivités, finances",
    },
    {
      by: "siege",
      title: "Des outils adaptés aux agents malvoyants",
      problem:
        "Un collègue malvoyant a attendu six mois pour obtenir un logiciel de synthèse vocale compatible avec nos applications. Certaines applications internes restent inutilisables pour lui.",
      proposal:
        "Vérifier l'accessibilité de chaque application interne avant son déploiement, et constituer un petit stock de matériel adapté (grands écrans, loupes, logiciels de lecture) pour équiper un agent en quelques jours.",
      beneficiaries: "Agents en situation de handicap",
    },
    {
      by: "accueil",
      at: "lycee-chanzy",
      title: "Un scanner à la loge",
      problem:
        "À l'accueil on nous demande tout le temps de scanner des documents (bons de livraison, attestations, pièces pour les familles). Il faut aller au secrétariat à l'autre bout du lycée.",
      proposal:
        "Installer un petit scanner à la loge, relié au réseau, qui envoie directement les documents dans le bon dossier partagé ou par mail.",
      beneficiaries: "Agents d'accueil, secrétariat",
    },
    {
      by: "numerique",
      title: "S'entraîner à repérer les mails piégés",
      problem:
        "Les tentatives d'hameçonnage se multiplient. L'an dernier un faux mail de changement de RIB a failli faire verser un salaire sur un compte frauduleux.",
      proposal:
        "Organiser des campagnes de faux mails pièges pédagogiques plusieurs fois par an, suivies d'un court module de sensibilisation pour ceux qui ont cliqué, et installer dans la messagerie un bouton « signaler un mail suspect ».",
      beneficiaries: "Tous les agents, sécurité du système d'information",
    },
  ],
};
