import type { RawIdeaGroup } from "./types";

/** Environment: sorting waste, avoiding waste, energy, water, biodiversity. */
export const environmentIdeas: RawIdeaGroup = {
  topic: "environment",
  ideas: [
    {
      by: "assistante",
      title: "Des bacs de tri du papier à chaque étage du siège",
      problem:
        "À l'Hôtel de Région, le papier part dans les mêmes corbeilles que les emballages et les restes de repas. Des tonnes de papier recyclable finissent incinérées chaque année.",
      proposal:
        "Installer à chaque étage un point de tri avec trois bacs (papier, emballages, ordures) et retirer les petites corbeilles individuelles sous les bureaux. La collecte serait faite par l'entreprise de nettoyage avec un prestataire de recyclage. Un petit mot d'explication dans la lettre interne suffirait pour lancer le mouvement.",
      beneficiaries: "Tous les agents du siège de Strasbourg",
    },
    {
      by: "siege",
      title: "Adieu gobelets en plastique",
      problem:
        "Près de la machine à café du 4e, la poubelle est pleine de gobelets à midi. J'ai compté : environ 300 par jour rien qu'à cet étage.",
      proposal:
        "Offrir une tasse aux couleurs de la Région à chaque agent et paramétrer les machines pour ne plus distribuer de gobelet par défaut. Pour les visiteurs, quelques tasses en libre-service lavées par le prestataire. Petit geste, gros volume.",
      beneficiaries: "Agents et visiteurs du siège",
    },
    {
      by: "maintenance",
      at: "lycee-chrestien-de-troyes",
      title: "Détecteurs de présence dans les couloirs et les WC",
      problem:
        "Au lycée Chrestien de Troyes, les lumières des couloirs, des sanitaires et des escaliers restent allumées toute la journée, même pendant les vacances quand personne ne passe.",
      proposal:
        "Remplacer progressivement les interrupteurs par des détecteurs de présence, en commençant par les sanitaires et les circulations, et passer les vieux néons en LED au fur et à mesure des pannes. Je peux faire une partie des travaux moi-même avec mon collègue si le matériel est fourni.",
      beneficiaries: "Le lycée (facture d'électricité), l'équipe de maintenance",
    },
    {
      by: "maintenance",
      title: "Couper le chauffage pendant les vacances scolaires",
      problem:
        "Le chauffage de beaucoup de lycées tourne au même régime pendant les vacances de février que pendant les cours, parce que la programmation de la chaufferie n'est jamais modifiée. On chauffe des bâtiments vides à 20 degrés.",
      proposal:
        "Il faut un calendrier de réduit de chauffage commun à tous les lycées (vacances, week-ends, nuits) et le programmer à distance via la gestion technique des bâtiments là où elle existe. Là où il n'y en a pas, une fiche simple pour l'agent de maintenance avec les consignes à appliquer avant chaque période de congés.",
      beneficiaries: "Lycées, budget énergie de la Région, climat",
    },
    {
      by: "maintenance",
      at: "lycee-bartholdi",
      title: "Récupérer l'eau de pluie pour arroser",
      problem:
        "L'été on arrose les massifs et le terrain d'honneur avec l'eau du réseau, alors que les toits du gymnase déversent des mètres cubes d'eau de pluie dans les égouts à chaque orage.",
      proposal:
        "Installer une cuve de récupération de 10 m3 reliée aux gouttières du gymnase, avec une pompe pour l'arrosage et le lavage des véhicules de l'établissement.",
      beneficiaries: "Lycée Bartholdi, service espaces verts",
    },
    {
      by: "moyens",
      title: "Une ressourcerie interne pour le mobilier",
      problem:
        "Quand un service déménage, des bureaux, armoires et fauteuils en bon état partent à la benne, pendant qu'un autre site commande du mobilier neuf la même semaine.",
      proposal:
        "Créer un inventaire en ligne du mobilier disponible (photos, dimensions, lieu) où chaque site peut réserver ce dont il a besoin avant de commander du neuf. Un entrepôt tampon à Strasbourg, un autre à Châlons, et des tournées de camion groupées. Ce qui n'est pas repris est donné à des associations ou à des lycées.",
      beneficiaries: "Services du siège, Maisons de la Région, lycées",
    },
    {
      by: "numerique",
      title: "Recto-verso et noir et blanc par défaut",
      problem:
        "Les imprimantes sont configurées en couleur recto seul par défaut. Beaucoup de gens ne changent pas le réglage, et les documents oubliés dans le bac finissent à la poubelle.",
      proposal:
        "Paramétrer tous les postes en impression recto-verso noir et blanc par défaut, et activer l'impression sécurisée : le document ne sort que quand on passe son badge sur le copieur. Les impressions non récupérées sont supprimées au bout de 24h sans gaspiller une feuille.",
      beneficiaries: "Tous les services, réduction du papier et du toner",
    },
    {
      by: "environnement",
      with: ["dir_lycees"],
      title: "Un défi économies d'énergie entre lycées",
      problem:
        "Les élèves et les équipes des lycées ne voient jamais la consommation d'énergie de leur établissement, ils n'ont donc aucune raison de faire attention.",
      proposal:
        "Lancer chaque hiver un défi entre lycées volontaires : on compare la consommation de chauffage et d'électricité à l'année précédente (corrigée de la météo), les éco-délégués et les agents animent des actions, et le lycée qui économise le plus gagne un projet financé par la Région sur la moitié des économies réalisées.",
      beneficiaries: "Lycées, élèves éco-délégués, agents de maintenance",
    },
    {
      by: "maintenance",
      at: "lycee-jules-ferry",
      title: "Des ruches et une prairie fleurie au lycée",
      problem:
        "Le lycée a presque un hectare de pelouse qu'on tond toutes les semaines d'avril à octobre. C'est du temps, du carburant et ça ne sert à rien pour la biodiversité.",
      proposal:
        "Laisser pousser une partie du terrain en prairie fleurie fauchée deux fois par an, installer deux ruches avec un apiculteur de Saint-Dié et des nichoirs fabriqués par les élèves de la section menuiserie. On tondrait seulement les abords des bâtiments et les zones de passage.",
      beneficiaries: "Agents des espaces verts, élèves, biodiversité locale",
    },
    {
      by: "accueil",
      title: "Collecter les piles et les cartouches à l'accueil",
      problem:
        "Dans mon lycée on me demande souvent, élèves comme collègues, où jeter les piles usagées ou les cartouches d'encre. Faute de solution, elles vont dans la poubelle normale.",
      proposal:
        "Mettre à la loge de l'accueil un point de collecte piles, cartouches et petits appareils électriques, en lien avec un éco-organisme qui vient les récupérer gratuitement. Ça ne prend pas de place et c'est visible par tout le monde.",
      beneficiaries: "Élèves, personnels, environnement",
    },
    {
      by: "com",
      title: "Des événements régionaux sans jetable",
      problem:
        "Lors de nos salons et inaugurations, on sert le buffet dans de la vaisselle jetable, on distribue des goodies en plastique et des sacs de documentation qui finissent souvent à la poubelle du parking.",
      proposal:
        "Adopter une charte écoresponsable des événements de la Région : vaisselle consignée, traiteurs locaux, documentation en ligne via QR code, objets promotionnels utiles et durables ou pas d'objets du tout. Faire un petit bilan déchets après chaque événement.",
      beneficiaries: "Participants aux événements, image de la Région",
    },
    {
      by: "numerique",
      title: "Un grand ménage numérique annuel",
      problem:
        "Nos serveurs et nos boîtes mail débordent de doublons, de vieilles pièces jointes et de dossiers partagés abandonnés. Le stockage consomme de l'énergie et coûte cher, sans parler du temps perdu à chercher les bons fichiers.",
      proposal:
        "Organiser chaque année une journée de nettoyage numérique : chaque service trie ses dossiers partagés, supprime les mails inutiles, archive ce qui doit l'être. La DSI fournirait un petit outil qui montre à chacun la taille de sa boîte et de ses fichiers, et on publierait le nombre de gigaoctets libérés.",
      beneficiaries: "Tous les agents, Direction du numérique",
    },
    {
      by: "dir_lycees",
      title: "Panneaux solaires sur les toits des lycées",
      problem:
        "Les lycées ont de grandes toitures plates, souvent refaites récemment, qui ne produisent rien alors que la Région veut atteindre ses objectifs climat.",
      proposal:
        "Recenser les toitures adaptées (orientation, solidité, surface) et lancer un programme de centrales photovoltaïques en autoconsommation, éventuellement avec une société d'économie mixte ou une coopérative citoyenne. Les données de production pourraient servir de support pédagogique en physique.",
      beneficiaries: "Lycées, Région, élèves en filières techniques",
    },
    {
      by: "gestion",
      at: "lycee-fabert",
      title: "19 degrés, mais expliqué",
      problem:
        "Quand on a baissé le chauffage à 19 °C, on a eu une pluie de plaintes et des radiateurs d'appoint sont apparus dans les bureaux, ce qui consomme encore plus.",
      proposal:
        "Afficher un thermomètre dans chaque salle et bureau, avec une affiche qui explique pourquoi 19 °C, combien ça économise au lycée Fabert et quoi faire si on a froid (signaler à la maintenance plutôt que brancher un radiateur). Interdire les radiateurs électriques personnels une fois les réglages vérifiés.",
      beneficiaries: "Personnels et élèves du lycée",
    },
    {
      by: "numerique",
      title: "Éteindre les PC la nuit automatiquement",
      problem:
        "Un soir à 21h j'ai fait le tour d'un étage : 40 ordinateurs allumés, écrans en veille. Multiplié par tous les sites, ça fait beaucoup de kilowattheures pour rien.",
      proposal:
        "Déployer une stratégie d'extinction automatique des postes à 20h avec un message d'avertissement, et de réveil à distance pour les mises à jour. Les rares postes qui doivent rester allumés seraient mis en exception.",
      beneficiaries: "Région (factures d'électricité), environnement",
    },
    {
      by: "maintenance",
      at: "lycee-clemenceau",
      title: "Zéro phyto et fauche tardive dans les espaces verts",
      problem:
        "On utilise encore du désherbant dans certains recoins et le long des clôtures, alors que c'est interdit pour les collectivités et qu'il y a des élèves partout.",
      proposal:
        "Arrêter complètement les produits phytosanitaires, passer au désherbage mécanique ou thermique sur les allées, accepter l'herbe ailleurs. Prévoir un panneau « ici on laisse pousser » pour que personne ne croie que l'entretien est abandonné.",
      beneficiaries: "Agents de maintenance, élèves, biodiversité",
    },
    {
      by: "accueil",
      at: "lycee-henri-poincare",
      title: "Le trottoir devant le lycée couvert de mégots",
      problem:
        "Devant l'entrée du lycée Henri Poincaré, les élèves fumeurs jettent leurs mégots par terre. Le trottoir en est couvert chaque soir et ça part dans les caniveaux.",
      proposal:
        "Installer des cendriers de vote (on répond à une question en jetant son mégot dans un des deux compartiments) en accord avec la ville de Nancy, et faire recycler les mégots par une filière spécialisée. C'est ludique et ça marche ailleurs.",
      beneficiaries: "Riverains, élèves, agents qui nettoient les abords",
    },
    {
      by: "environnement",
      title: "Les écogestes dans le livret d'accueil",
      problem:
        "Les nouveaux arrivants ne savent pas ce que fait la collectivité en matière d'environnement au quotidien : tri, impressions, déplacements, énergie. Ils reproduisent les habitudes de leur ancien employeur.",
      proposal:
        "Ajouter une double page « écogestes au bureau » dans le livret d'accueil des agents et une courte séquence dans la journée d'intégration, présentée par un agent de la Direction de l'environnement.",
      beneficiaries: "Nouveaux agents de la Région",
    },
    {
      by: "maison",
      title: "Des voitures de service électriques pour les Maisons de la Région",
      problem:
        "Les véhicules de service de la Maison de la Région sont des diesels de plus de 10 ans, utilisés surtout pour des trajets de moins de 80 km vers les lycées du secteur.",
      proposal:
        "Remplacer en priorité ces véhicules par des voitures électriques, avec deux bornes de recharge sur le parking. Pour nos trajets l'autonomie est largement suffisante.",
      beneficiaries: "Agents des Maisons de la Région qui se déplacent, qualité de l'air",
    },
    {
      by: "etat",
      title: "Éteindre l'éclairage extérieur des bâtiments de l'État la nuit",
      problem:
        "Les façades et les parkings de nos bâtiments administratifs restent éclairés toute la nuit, alors que personne n'y travaille après 19h.",
      proposal:
        "Programmer l'extinction de l'éclairage extérieur non indispensable de 22h à 6h, avec des détecteurs de mouvement là où la sécurité le demande. C'est aussi une mesure favorable aux chauves-souris et aux insectes nocturnes.",
      beneficiaries: "Services de l'État, biodiversité nocturne",
    },
    {
      by: "maintenance",
      title: "Broyer les branches sur place",
      problem:
        "Après chaque élagage on remplit la camionnette de branches et on fait plusieurs allers-retours à la déchetterie. Ça prend une demi-journée.",
      proposal:
        "Louer ou acheter en commun un broyeur de végétaux qui tourne entre les lycées du secteur. Le broyat sert de paillage au pied des arbustes et évite d'arroser. C'est bon pour le sol et ça nous fait gagner du temps.",
      beneficiaries: "Agents de maintenance et d'espaces verts des lycées",
    },
    {
      by: "assistante",
      title: "Des stylos rechargeables et moins de fournitures jetables",
      problem:
        "Nous commandons des cartons de stylos bille, surligneurs et chemises plastique qui sont jetés dès qu'ils sont vides ou abîmés.",
      proposal:
        "Passer au catalogue de fournitures à des stylos rechargeables, des chemises en carton recyclé et des surligneurs secs. Mettre en place une armoire commune de récupération (classeurs, trombones, intercalaires) avant toute nouvelle commande.",
      beneficiaries: "Services administratifs",
    },
    {
      by: "maintenance",
      at: "lycee-marie-curie",
      title: "Mousseurs sur les robinets et chasses double débit",
      problem:
        "La consommation d'eau du lycée est énorme, en partie à cause des robinets qui coulent à plein débit et des vieilles chasses d'eau de 12 litres.",
      proposal:
        "Équiper tous les robinets de mousseurs économiseurs, remplacer les mécanismes de chasse par des doubles commandes 3/6 litres et installer des robinets temporisés dans les sanitaires élèves. Investissement modeste, amorti en moins d'un an.",
      beneficiaries: "Lycée Marie Curie et, par extension, tous les lycées",
    },
    {
      by: "gestion",
      title: "Les déchets chimiques des salles de TP",
      problem:
        "Les flacons de produits des labos de chimie périmés ou entamés s'accumulent dans une réserve depuis des années. Personne ne sait comment s'en débarrasser, et ça devient dangereux.",
      proposal:
        "Organiser une collecte régionale des déchets dangereux des laboratoires de lycées, une fois par an, avec un prestataire agréé sous un marché commun. Fournir aussi aux techniciens de labo une procédure claire de stockage.",
      beneficiaries: "Techniciens de laboratoire, enseignants de sciences, sécurité des lycées",
    },
    {
      by: "entretien",
      title: "Recycler nos vieilles blouses",
      problem:
        "Chaque année on reçoit des blouses et des tenues neuves, et les anciennes partent à la poubelle alors que beaucoup sont juste un peu usées.",
      proposal:
        "On pourrait organiser une collecte des tenues de travail usagées dans les lycées pour les donner à une entreprise d'insertion qui les transforme en chiffons d'essuyage ou en isolant. On pourrait même récupérer nos propres chiffons.",
      beneficiaries: "Agents, entreprises d'insertion, environnement",
    },
    {
      by: "restauration",
      at: "lycee-chanzy",
      with: ["entretien"],
      title: "Une brigade verte agents et élèves",
      problem:
        "Les éco-délégués font des affiches, nous les agents on fait le tri au quotidien, mais on ne travaille jamais ensemble. Chacun râle contre l'autre.",
      proposal:
        "Au lycée Chanzy on voudrait créer une brigade verte mixte : deux agents (entretien, restauration ou maintenance) et quatre élèves qui se réunissent une fois par mois, repèrent les gaspillages (lumières, chauffage, papier, nourriture) et proposent des actions à la direction.",
      beneficiaries: "Élèves, agents, lycée Chanzy",
    },
    {
      by: "assistante",
      title: "Arrêter d'imprimer les dossiers de séance",
      problem:
        "Pour chaque commission permanente, on imprime et relie des dossiers de 200 pages pour chaque participant. Beaucoup restent sur la table après la réunion.",
      proposal:
        "Envoyer les dossiers uniquement en version numérique, sur tablette ou sur l'espace collaboratif, et n'imprimer que sur demande expresse. Les services gagneraient aussi des heures de reprographie.",
      beneficiaries: "Assistantes, reprographie, élus et participants",
    },
    {
      by: "numerique",
      title: "Donner une seconde vie aux ordinateurs réformés",
      problem:
        "Tous les 5 ans, des centaines d'ordinateurs encore fonctionnels sont renouvelés et partent chez un broyeur. Pendant ce temps, des lycéens n'ont pas d'ordinateur à la maison.",
      proposal:
        "Confier les PC réformés à une entreprise d'insertion qui efface les données et les reconditionne, puis les donner à des lycéens boursiers ou à des associations du territoire. La traçabilité de l'effacement serait garantie par un certificat.",
      beneficiaries: "Lycéens sans équipement, associations, environnement",
    },
    {
      by: "gestion",
      at: "lycee-claude-gellee",
      title: "Calfeutrer les fenêtres du vieux bâtiment",
      problem:
        "Dans le bâtiment historique du lycée les fenêtres en bois laissent passer l'air, on sent le courant d'air dans les salles de l'aile nord. Le chauffage tourne à fond et les salles restent froides.",
      proposal:
        "En attendant une rénovation complète, poser des joints et des rideaux thermiques, et refaire les mastics. C'est un chantier que nos agents de maintenance peuvent faire pendant les vacances avec un petit budget.",
      beneficiaries: "Élèves et enseignants de l'aile nord, budget énergie du lycée",
    },
    {
      by: "environnement",
      title: "Trier les déchets des chantiers dans les lycées",
      problem:
        "Lors des travaux de rénovation dans les lycées, les entreprises remplissent des bennes tout-venant : plâtre, bois, métal, gravats mélangés. Rien n'est valorisé.",
      proposal:
        "Inscrire dans les marchés de travaux une clause imposant le tri sur chantier en au moins cinq flux et un bordereau de suivi des déchets. Les chargés d'opération vérifieraient le respect de la clause lors des réunions de chantier.",
      beneficiaries: "Environnement, filières de recyclage régionales",
    },
    {
      by: "etat",
      at: "ddt-vosges",
      title: "Un référent développement durable par service",
      problem:
        "Les bonnes idées environnementales restent dans les têtes faute de personne pour les porter. À la DDT, les écogestes dépendent de la bonne volonté de quelques collègues motivés.",
      proposal:
        "Désigner dans chaque service un référent développement durable volontaire, avec une heure par mois dédiée, qui relaie les initiatives, suit quelques indicateurs (papier, énergie, déplacements) et se coordonne avec les référents des autres services de l'État.",
      beneficiaries: "Agents de l'État en Grand Est",
    },
  ],
};
