import type { RawIdeaGroup } from "./types";

/** Cleaning in lycées: products, equipment, organisation of the work, musculoskeletal disorders. */
export const cleaningIdeas: RawIdeaGroup = {
  topic: "cleaning",
  ideas: [
    {
      by: "entretien",
      at: "lycee-claude-gellee",
      with: ["entretien", "entretien"],
      title: "Fini les seaux : passer à la pré-imprégnation des franges",
      problem:
        "Pour laver les sols on remplit des seaux de 10 litres qu'on porte d'un étage à l'autre, l'eau est sale au bout de trois salles et on met du produit « à l'œil ». Résultat : des dos cassés et des sols pas vraiment propres.",
      proposal:
        "Au lycée Claude Gellée on a testé pendant un trimestre la méthode de pré-imprégnation : les franges microfibres sont trempées le matin dans la bonne dose de solution, rangées dans un bac sur le chariot, et on en prend une propre par salle. Plus de seau à traîner, plus de surdosage. On a divisé par trois la consommation de produit et par deux la fatigue en fin de journée. Nous proposons de généraliser la méthode à tous les lycées avec un petit kit (bac, franges, support de balai) et une demi-journée de formation faite par les agents qui pratiquent déjà.",
      beneficiaries: "Les agents d'entretien de tous les lycées, et les élèves qui ont des salles plus propres",
      award: {
        kind: "prize",
        citation:
          "Une méthode simple, déjà testée sur le terrain, qui réduit à la fois la pénibilité, la consommation de produits et le temps de travail. Prête à être déployée.",
      },
    },
    {
      by: "entretien",
      title: "Des chariots de ménage plus légers",
      problem:
        "Nos chariots pèsent plus de 30 kg une fois chargés et il n'y a pas d'ascenseur dans le bâtiment B. On les monte à deux dans l'escalier, plusieurs collègues ont des douleurs aux épaules.",
      proposal:
        "Je propose qu'on achète des chariots compacts en aluminium, avec des paniers amovibles qu'on peut porter séparément. Il faudrait aussi pouvoir laisser un chariot par étage dans un placard fermé à clé, comme ça on ne monte plus rien.",
      beneficiaries: "Agents d'entretien travaillant dans des bâtiments sans ascenseur",
    },
    {
      by: "entretien",
      at: "lycee-jules-ferry",
      title: "Une autolaveuse pour deux lycées",
      problem:
        "Le grand hall et le préau font près de 900 m2, on les lave à la main deux fois par semaine. Acheter une autolaveuse pour un seul lycée coûte cher et elle ne servirait pas tous les jours.",
      proposal:
        "Mutualiser une autolaveuse autoportée entre le lycée Jules Ferry et le lycée voisin à Saint-Dié : un planning partagé, un agent référent dans chaque établissement formé à l'utilisation et à l'entretien de la machine. Le transport peut se faire avec le camion de l'équipe maintenance.",
      beneficiaries: "Les équipes de ménage de deux lycées de Saint-Dié-des-Vosges",
    },
    {
      by: "entretien",
      title: "Moins de bidons dans le local produits",
      problem:
        "On a 14 produits différents dans le local : un pour les vitres, un pour l'inox, un pour les sols, un détartrant, un désinfectant, etc. Personne ne sait vraiment lequel utiliser où, et certains sont irritants pour la peau et les yeux.",
      proposal:
        "Réduire à 3 ou 4 produits écolabellisés qui couvrent 90 % des usages, avec un code couleur sur le flacon et sur le chiffon (bleu vitres et bureaux, rouge sanitaires, vert sols). Ça fait moins d'emballages à jeter, moins de risques chimiques et c'est plus simple pour les remplaçants.",
      beneficiaries: "Agents d'entretien, remplaçants, et l'environnement",
    },
    {
      by: "entretien",
      at: "lycee-fabert",
      title: "Faire le ménage en journée plutôt qu'à l'aube",
      problem:
        "Nous commençons à 5h30 pour que tout soit propre à l'arrivée des élèves. Beaucoup de collègues n'ont pas de voiture et il n'y a pas de bus à cette heure-là à Metz. Et on ne croise jamais les profs ni les élèves, on est invisibles.",
      proposal:
        "Passer une partie du nettoyage en journée (couloirs, bureaux, sanitaires des adultes) pendant les heures de cours, et ne garder tôt le matin que les salles de classe. Dans d'autres pays et dans certaines entreprises le nettoyage en journée se fait déjà. Il faudrait essayer sur un bâtiment pendant une période test, avec des aspirateurs silencieux.",
      beneficiaries: "Les agents d'entretien (horaires, transport, reconnaissance)",
    },
    {
      by: "entretien",
      at: "lycee-marie-curie",
      title: "Fiches en images pour les collègues qui lisent mal le français",
      problem:
        "Dans notre équipe plusieurs collègues parlent bien le français mais ont du mal à le lire. Les protocoles de nettoyage affichés dans le local sont des pages de texte serré que personne ne lit.",
      proposal:
        "Refaire les protocoles sous forme de fiches plastifiées avec des photos et des pictogrammes : quel chiffon, quel produit, dans quel ordre (du plus propre au plus sale, du haut vers le bas). Une fiche par type de lieu : salle de classe, sanitaires, internat, bureau. On peut les faire nous-mêmes avec l'aide du service com.",
      beneficiaries: "Agents d'entretien, en particulier nouveaux arrivants et remplaçants",
    },
    {
      by: "entretien",
      title: "chaises sur les tables a la fin des cours",
      problem:
        "Tous les soirs on passe un temps fou a lever les chaises avant de balayer, 35 chaises par salle, 20 salles chacune. c'est le dos qui prend.",
      proposal:
        "Demander aux profs de la derniere heure de faire monter les chaises sur les tables par les eleves. Ca prend 30 secondes a une classe. On pourrait en parler au conseil de la vie lycéenne pour que ça vienne aussi des élèves et pas juste d'une note de la direction.",
      beneficiaries: "agents d'entretien",
    },
    {
      by: "entretien",
      at: "lycee-henri-poincare",
      title: "Nettoyeur vapeur pour les sanitaires",
      problem:
        "Les sanitaires élèves sont l'endroit où on utilise le plus de javel et de détartrant. L'odeur reste, les joints noircissent quand même.",
      proposal:
        "Équiper chaque lycée d'un ou deux nettoyeurs vapeur professionnels. La vapeur désinfecte sans produit chimique et décolle le calcaire. Au lycée Henri Poincaré un collègue utilise son propre appareil depuis un an, avec de très bons résultats sur les faïences et les robinets.",
      beneficiaries: "Agents d'entretien et élèves",
    },
    {
      by: "entretien",
      title: "Centrale de dilution au lieu du dosage à l'œil",
      problem:
        "Chacun dose les produits comme il peut, souvent trop « pour que ça sente propre ». On gaspille et les sols deviennent collants à force de résidus.",
      proposal:
        "Installer une centrale de dilution murale dans chaque local ménage : on appuie sur un bouton, le produit concentré est mélangé à l'eau à la bonne dose. L'investissement est faible et se rembourse vite sur la consommation de bidons.",
      beneficiaries: "Les équipes d'entretien et le budget de fonctionnement des lycées",
    },
    {
      by: "entretien",
      at: "lycee-chanzy",
      title: "Cinq minutes d'échauffement avant de prendre le chariot",
      problem:
        "Le métier d'agent d'entretien est très physique, on enchaîne les gestes répétitifs dès la prise de poste à froid. Chez nous deux collègues sont en arrêt pour des tendinites.",
      proposal:
        "Je propose un petit échauffement collectif de 5 minutes au début du service, comme sur les chantiers du BTP. Un kiné ou le préventeur de la Région pourrait venir nous montrer les exercices une fois, ensuite on les fait entre nous. En plus ça crée un moment d'équipe le matin.",
      beneficiaries: "Agents d'entretien et de restauration du lycée Chanzy",
    },
    {
      by: "entretien",
      gender: "f",
      title: "Un pool de remplaçants entre lycées proches",
      problem:
        "Quand une collègue est absente, son secteur est réparti entre nous en plus du nôtre. Le ménage est fait à moitié, on court toute la journée et on finit par être arrêtées à notre tour.",
      proposal:
        "Il nous faudrait un pool d'agents d'entretien volants rattachés à la Maison de la Région, qui interviennent dans les lycées d'un même secteur dès le deuxième jour d'absence. Ils connaîtraient les établissements à l'avance grâce à une fiche par lycée (plans, codes, clés, consignes).",
      beneficiaries: "Équipes de ménage des lycées d'un même bassin",
    },
    {
      by: "entretien",
      at: "lycee-bartholdi",
      title: "Les internes font leur chambre le vendredi",
      problem:
        "Le vendredi après le départ des internes, on découvre des chambres dans un état pas possible : restes de nourriture, vêtements par terre, poubelles pleines. Il nous faut parfois 40 minutes pour une chambre.",
      proposal:
        "Avec les CPE et les surveillants, on mettrait en place une check-list de départ que chaque interne remplit avant de partir le week-end (lit défait, poubelle vidée, sol dégagé, fenêtre fermée). Le surveillant valide. Nous on garde le nettoyage à fond, mais sans ramasser les affaires des élèves.",
      beneficiaries: "Agents d'entretien de l'internat, et les internes qui apprennent l'autonomie",
    },
    {
      by: "entretien",
      title: "Gants sans latex et à la bonne taille",
      problem:
        "Les gants commandés sont tous en taille 8 et en latex. J'ai de petites mains, ils glissent, et une collègue fait des réactions allergiques.",
      proposal:
        "Commander des gants nitrile en plusieurs tailles (6 à 10) et laisser chaque agent choisir. Pareil pour les blouses : il en faut en petites et grandes tailles, pas seulement en M.",
      beneficiaries: "Tous les agents d'entretien",
    },
    {
      by: "entretien",
      at: "lycee-schweitzer",
      title: "Un vidoir à chaque étage",
      problem:
        "Au lycée Albert Schweitzer le seul vidoir est au sous-sol. Pour vider l'eau sale du 3e étage on descend avec le seau plein par l'escalier, plusieurs fois par jour.",
      proposal:
        "Lors des prochains travaux, prévoir un vidoir et un point d'eau dans un local à chaque étage. En attendant, un chariot avec réservoir d'eau sale fermé pour éviter de porter les seaux.",
      beneficiaries: "Agents d'entretien, et ce serait à prévoir dans tous les projets de rénovation de lycées",
    },
    {
      by: "entretien",
      title: "Aspirateur dorsal pour le CDI et l'amphi",
      problem:
        "Aspirer la moquette du CDI et les gradins de l'amphithéâtre avec un aspirateur traîneau, c'est monter et descendre les marches en tirant la machine, le câble se coince partout.",
      proposal:
        "Acheter des aspirateurs dorsaux sur batterie. On les porte comme un sac à dos, on a les mains libres et on passe sous les tables facilement. Il en faudrait au moins un par lycée qui a un amphi ou un grand CDI.",
      beneficiaries: "Agents chargés du CDI, de l'amphithéâtre et des salles avec gradins",
    },
    {
      by: "entretien",
      at: "lycee-clemenceau",
      with: ["gestion"],
      title: "Nettoyer selon l'occupation réelle des salles",
      problem:
        "Certaines salles ne sont occupées qu'une heure par semaine et on les nettoie quand même tous les jours, pendant que le foyer des élèves ou les salles de TP, utilisés en permanence, auraient besoin de deux passages.",
      proposal:
        "Se servir de l'emploi du temps des salles (il existe dans le logiciel de l'établissement) pour faire un planning de ménage adapté : salles utilisées la veille = nettoyage complet, salles non utilisées = passage rapide. La gestionnaire est d'accord pour nous sortir l'édition chaque semaine. On gagnerait du temps pour les endroits vraiment sales.",
      beneficiaries: "Équipe d'entretien et usagers des lieux les plus fréquentés",
    },
    {
      by: "entretien",
      title: "Toilettes élèves : arrêter les rouleaux qui finissent par terre",
      problem:
        "Dans les sanitaires élèves, les rouleaux de papier sont arrachés, mouillés, jetés dans les cuvettes. On en remet plusieurs fois par jour et les WC se bouchent.",
      proposal:
        "Je verrais bien des distributeurs de papier feuille à feuille fermés à clé, et des sèche-mains électriques à la place des essuie-mains papier. Le coût est vite amorti. On pourrait commencer par un bloc sanitaire et comparer la consommation sur trois mois.",
      beneficiaries: "Agents d'entretien, élèves",
    },
    {
      by: "entretien",
      at: "lycee-chrestien-de-troyes",
      title: "Qui fait le ménage\u202f? Se présenter aux élèves",
      problem:
        "Les élèves ne savent pas qui nous sommes. Ils nous voient passer avec un chariot mais ne disent même pas bonjour, et ne se rendent pas compte du travail quand ils laissent leurs déchets sous les tables.",
      proposal:
        "À la rentrée, venir 10 minutes dans chaque classe de seconde avec le CPE pour présenter notre métier et l'équipe, et afficher un trombinoscope des agents dans le hall. Au lycée Chrestien de Troyes on pense que ça ferait baisser les incivilités et que les jeunes respecteraient plus les locaux.",
      beneficiaries: "Agents d'entretien et de restauration, élèves de seconde",
    },
    {
      by: "entretien",
      title: "Un vrai local ménage aéré",
      problem:
        "Notre local produits est un ancien placard sans fenêtre ni aération, où on stocke les bidons, les chariots, et où on se change aussi. L'odeur de chlore est forte quand on ouvre la porte.",
      proposal:
        "Définir un cahier des charges régional pour les locaux d'entretien : aération mécanique, rayonnages pour les produits loin du sol, point d'eau, vestiaire séparé. Puis faire le tour des lycées pour voir lesquels ne sont pas aux normes.",
      beneficiaries: "Agents d'entretien",
    },
    {
      by: "entretien",
      at: "lycee-henri-poincare",
      title: "Laver nos microfibres sur place",
      problem:
        "Les lavettes et franges sont envoyées à une blanchisserie extérieure, elles reviennent au bout d'une semaine et il en manque toujours. Du coup on utilise des lingettes jetables en attendant.",
      proposal:
        "Installer un lave-linge et un sèche-linge professionnels dans la buanderie du lycée pour laver les microfibres sur place, à 60 °C, sans adoucissant. On arrête les lingettes jetables, on sait où sont nos franges, et on économise le transport.",
      beneficiaries: "Agents d'entretien du lycée Henri Poincaré",
    },
    {
      by: "entretien",
      title: "Vestiaires du gymnase après le sport",
      problem:
        "Les vestiaires du gymnase sont nettoyés le matin, mais après les cours d'EPS de l'après-midi ils restent boueux et humides jusqu'au lendemain. Les classes du soir se changent dans la saleté.",
      proposal:
        "Organiser avec les professeurs d'EPS un créneau de passage rapide en milieu d'après-midi, et leur demander de prévenir quand les élèves reviennent du terrain extérieur sous la pluie. Mettre aussi des grands paillassons à l'entrée.",
      beneficiaries: "Élèves, enseignants d'EPS, agents d'entretien",
    },
    {
      by: "entretien",
      at: "lycee-bartholdi",
      title: "Perche à eau pure pour les vitres en hauteur",
      problem:
        "Les grandes baies vitrées de la cantine et du hall sont lavées une fois par an par une entreprise, le reste du temps elles sont sales. On n'a pas le droit de monter sur un escabeau au-delà de 2 mètres, et c'est normal.",
      proposal:
        "Acheter une perche télescopique à eau osmosée : on nettoie les vitres jusqu'à 6 mètres depuis le sol, sans produit et sans échelle. L'entreprise extérieure ne serait plus nécessaire que pour les façades inaccessibles.",
      beneficiaries: "Agents d'entretien, et tout le lycée qui profiterait de vitres propres",
    },
    {
      by: "entretien",
      title: "Cahier de liaison de l'équipe ménage",
      problem:
        "On travaille en horaires décalés et on ne se voit pas tous. Les infos (salle vomie, clé perdue, fuite dans les toilettes, produit en rupture) passent par des post-it qui se perdent.",
      proposal:
        "Je propose un cahier de liaison partagé, sur papier dans le local ou sur une tablette, où chacun note ce qu'il a vu et ce qui reste à faire. Le chef d'équipe le regarde chaque matin et transmet à la maintenance si besoin.",
      beneficiaries: "L'équipe d'entretien et le chef d'équipe",
    },
    {
      by: "entretien",
      at: "lycee-fabert",
      with: ["entretien"],
      title: "Un guide régional des bonnes pratiques de ménage",
      problem:
        "Chaque lycée a ses habitudes, ses produits, ses fréquences de nettoyage. Quand on change d'établissement on réapprend tout, et certaines méthodes bien meilleures restent dans un seul lycée.",
      proposal:
        "Rédiger, avec des agents d'entretien volontaires de plusieurs lycées, un guide commun : matériel recommandé, méthodes, fréquences par type de local, astuces. Il serait mis à jour chaque année. Les chefs d'équipe pourraient se réunir deux fois par an pour partager ce qui marche.",
      beneficiaries: "Tous les agents d'entretien des lycées de la Région",
    },
    {
      by: "entretien",
      title: "Chaussures antidérapantes pour le ménage",
      problem:
        "L'hiver dernier, trois glissades sur des sols fraîchement lavés, dont une avec fracture du poignet. On travaille en baskets perso.",
      proposal:
        "Fournir des chaussures de sécurité antidérapantes et légères, renouvelées chaque année, et mettre systématiquement les panneaux « sol glissant » sur les chariots.",
      beneficiaries: "Agents d'entretien et de restauration",
    },
    {
      by: "entretien",
      at: "lycee-jules-ferry",
      title: "Tester le matériel avant de le commander pour tout le monde",
      problem:
        "Des balais et des chariots achetés en grande quantité se révèlent inadaptés une fois livrés : manches trop courts, roues qui se bloquent, serpillères qui peluchent. On ne nous demande jamais notre avis avant.",
      proposal:
        "Constituer un petit panel d'agents d'entretien testeurs (un par département par exemple) qui essaient le matériel et les produits pendant un mois avant un achat groupé. Leur avis serait joint au dossier de consultation.",
      beneficiaries: "Agents d'entretien, service achats",
    },
    {
      by: "entretien",
      title: "Revoir la désinfection des poignées depuis la fin du protocole sanitaire",
      problem:
        "Depuis le Covid on désinfecte encore les poignées, interrupteurs et rampes plusieurs fois par jour avec un virucide en spray, alors que le protocole est levé depuis longtemps. Ça prend du temps et ça nous fait respirer du produit.",
      proposal:
        "Faire un point avec la médecine de prévention pour revenir à un nettoyage normal, avec désinfection seulement en période d'épidémie (grippe, gastro) et sur décision de la direction.",
      beneficiaries: "Agents d'entretien, qualité de l'air dans les bâtiments",
    },
    {
      by: "entretien",
      at: "lycee-marie-curie",
      title: "Des aspirateurs moins bruyants pour l'internat",
      problem:
        "Le matin à l'internat on passe l'aspirateur dans les couloirs pendant que certains élèves dorment encore, et on se fait souvent engueuler. Nos aspirateurs font plus de 70 décibels.",
      proposal:
        "Remplacer les anciens modèles par des aspirateurs silencieux (moins de 55 dB) au fur et à mesure des renouvellements, en commençant par l'internat et les bureaux de l'administration.",
      beneficiaries: "Agents d'entretien, internes, personnels administratifs",
    },
    {
      by: "entretien",
      at: "lycee-claude-gellee",
      title: "Balai de lavage à plat à la place de la serpillière",
      problem:
        "Dans certains lycées on travaille encore avec la serpillière et la raclette, il faut se pencher et essorer à la main. C'est épuisant pour les poignets.",
      proposal:
        "Équiper toutes les équipes en balais de lavage à plat avec manche télescopique réglable à la taille de chacun. Chez nous à Épinal c'est fait depuis deux ans et plus personne ne voudrait revenir en arrière.",
      beneficiaries: "Agents d'entretien qui utilisent encore la serpillière",
    },
  ],
};
