import type { RawIdeaGroup } from "./types";

/** School catering: local supply, food waste, menus, the canteen and its kitchen. */
export const cateringIdeas: RawIdeaGroup = {
  topic: "catering",
  ideas: [
    {
      by: "restauration",
      at: "lycee-schweitzer",
      with: ["restauration"],
      title: "Le gâchimètre du self",
      problem:
        "Chaque midi, au lycée Albert Schweitzer, on jetait l'équivalent de 90 repas : pain entamé, assiettes à moitié pleines, yaourts pas ouverts. Les élèves ne se rendaient pas compte, et nous en cuisine ça nous démoralisait.",
      proposal:
        "Pendant deux mois on a pesé tous les restes des plateaux à la table de débarrassage et affiché le résultat du jour à l'entrée du self, sur un grand tube transparent rempli de pain : le « gâchimètre ». On a aussi mis le pain en fin de chaîne et proposé deux tailles de portion. Le gaspillage a baissé de 35 %. L'idée : un kit simple (balance, affiche, tableau de suivi) que chaque cantine de lycée peut reprendre, avec les éco-délégués.",
      beneficiaries: "Élèves demi-pensionnaires, équipes de restauration, budget des lycées",
      award: {
        kind: "prize",
        citation:
          "Une démarche mesurée, visible par les élèves et peu coûteuse, qui a fait ses preuves sur un self de 700 couverts. Elle relie la cuisine, la vie scolaire et l'éducation à l'environnement.",
      },
    },
    {
      by: "restauration",
      at: "lycee-claude-gellee",
      title: "Acheter directement aux producteurs du coin",
      problem:
        "On aimerait servir plus de produits locaux à la cantine mais les marchés publics nous imposent des grossistes. Le fromage de la ferme à 10 km du lycée d'Épinal passe par Rungis avant d'arriver dans nos assiettes, c'est absurde.",
      proposal:
        "Créer une plateforme régionale qui référence les producteurs locaux (légumes, laitages, viande) déjà habilités, avec des lots allotis par département pour que les petits producteurs puissent répondre. Les chefs de cuisine commanderaient en quelques clics. Ça aiderait aussi à atteindre les objectifs de la loi EGalim.",
      beneficiaries: "Chefs de cuisine, élèves, agriculteurs du Grand Est",
    },
    {
      by: "restauration",
      title: "Réserver son repas la veille",
      problem:
        "Pour les élèves au ticket, on ne sait jamais combien vont venir manger. Selon le temps, les sorties, les contrôles, on passe de 250 à 400 repas. On prépare large et le surplus part à la poubelle.",
      proposal:
        "On pourrait rendre la réservation obligatoire la veille avant 10h pour les repas au ticket, via l'ENT ou une borne dans le hall. Les demi-pensionnaires au forfait pourraient aussi signaler leur absence. On ajusterait les quantités au plus juste.",
      beneficiaries: "Équipes de restauration, familles (moins de repas perdus facturés)",
    },
    {
      by: "restauration",
      at: "lycee-chrestien-de-troyes",
      title: "Une légumerie partagée pour les lycées de l'Aube",
      problem:
        "Les légumes frais demandent beaucoup d'épluchage et de lavage, on n'a ni le temps ni la place en cuisine. Alors on prend des légumes surgelés ou de 4e gamme, plus chers et moins bons.",
      proposal:
        "Installer dans un lycée du secteur de Troyes une légumerie équipée (éplucheuse, coupe-légumes, laveuse) qui prépare les légumes bruts achetés en local pour plusieurs cantines. Les légumes seraient livrés prêts à cuisiner le matin même. Un ou deux agents de restauration y seraient affectés.",
      beneficiaries: "Les cantines de 5 à 6 lycées, les maraîchers locaux",
    },
    {
      by: "restauration",
      title: "Une commission menus avec de vrais élèves dedans",
      problem:
        "Les menus sont faits par le chef et validés par la gestionnaire. Les élèves se plaignent mais ne sont jamais consultés, alors ils boudent certains plats et on jette.",
      proposal:
        "Je propose une commission menus chaque trimestre avec des délégués élèves, un ou deux internes, l'infirmière et l'équipe de cuisine. On leur fait goûter des nouveautés, on explique les contraintes (budget, équilibre alimentaire, repas végétarien hebdomadaire). Les élèves deviennent ambassadeurs auprès des autres.",
      beneficiaries: "Demi-pensionnaires et internes, équipe de restauration",
    },
    {
      by: "restauration",
      at: "lycee-bartholdi",
      title: "Le pain en bout de chaîne",
      problem:
        "Le pain est la première chose que les élèves prennent au self, ils en prennent 2 ou 3 morceaux par réflexe et on en retrouve la moitié sur les plateaux.",
      proposal:
        "Placer la corbeille de pain à la fin de la ligne de service, après les plats, et couper les baguettes en morceaux plus petits. C'est gratuit et au lycée Bartholdi ça a réduit les pertes de pain d'environ 40 kg par semaine.",
      beneficiaries: "Restauration scolaire, tous les lycées avec self-service",
    },
    {
      by: "restauration",
      title: "Moins d'attente au self le midi",
      problem:
        "Entre 12h et 12h30 la queue déborde jusque dans la cour, certains élèves attendent 40 minutes et renoncent à manger ou mangent en 10 minutes. Ensuite à 13h le réfectoire est vide.",
      proposal:
        "Décaler les sorties de cours par niveau (secondes à 11h50, premières à 12h05, terminales à 12h20) et ouvrir une deuxième ligne de service rapide avec un plat unique. Il faudrait travailler ça avec la vie scolaire et la direction pour l'emploi du temps.",
      beneficiaries: "Élèves, équipe de restauration, surveillants",
    },
    {
      by: "restauration",
      at: "lycee-fabert",
      title: "Un carnet de recettes partagé entre chefs de cuisine",
      problem:
        "Chaque chef de cuisine invente ses recettes dans son coin. Quand un plat marche très bien dans un lycée (un curry de lentilles, une tarte aux quetsches), les autres ne le savent pas.",
      proposal:
        "L'idée serait une banque de recettes collective pour la restauration scolaire de la Région, avec fiches techniques pour 100 ou 500 couverts, coût par portion, allergènes et retours des élèves. Chacun pourrait ajouter ses recettes et commenter celles des autres.",
      beneficiaries: "Cuisiniers et chefs de cuisine des lycées",
    },
    {
      by: "restauration",
      title: "Le réfectoire est trop bruyant",
      problem:
        "Avec 300 élèves en même temps dans une salle carrelée, le bruit dépasse les 85 dB. Les élèves crient pour se parler, nous on finit le service avec mal à la tête.",
      proposal:
        "Poser des panneaux acoustiques au plafond et sur les murs du réfectoire, et des patins sous les chaises. On pourrait aussi mettre un « feu sonore » qui passe au rouge quand le bruit est trop fort, ça marche dans des cantines de collèges.",
      beneficiaries: "Élèves demi-pensionnaires et personnels de restauration",
    },
    {
      by: "restauration",
      at: "lycee-henri-poincare",
      title: "Donner les repas non servis plutôt que les jeter",
      problem:
        "Malgré nos efforts il reste régulièrement des plats jamais sortis de la cuisine, en parfait état. La règlementation nous oblige à les jeter faute d'organisation pour les donner.",
      proposal:
        "Signer une convention type entre la Région, les lycées et des associations (Restos du Cœur, épiceries solidaires étudiantes de Nancy) pour récupérer les excédents en liaison froide, avec traçabilité des températures. Un modèle de convention régional éviterait à chaque gestionnaire de tout réinventer.",
      beneficiaries: "Associations d'aide alimentaire, étudiants précaires, équipes de cuisine",
    },
    {
      by: "restauration",
      title: "Composter les épluchures de la cuisine",
      problem:
        "Nos déchets de préparation (épluchures, marc de café, coquilles) partent dans les ordures ménagères avec le reste. Ça fait plusieurs bacs par semaine.",
      proposal:
        "Installer des composteurs à côté de la cuisine, gérés avec la section horticulture ou le club nature du lycée. Le compost servirait aux espaces verts et au potager pédagogique.",
      beneficiaries: "Cuisine, espaces verts, élèves du club nature",
    },
    {
      by: "restauration",
      at: "lycee-marie-curie",
      title: "Afficher les allergènes de façon lisible au self",
      problem:
        "On a de plus en plus d'élèves avec des allergies ou des régimes particuliers. L'information sur les 14 allergènes est sur un classeur au bout de la ligne, personne ne le consulte et les élèves nous posent la question pendant le service.",
      proposal:
        "Afficher le menu du jour avec des pictogrammes d'allergènes sur l'écran à l'entrée du self et sur l'ENT. Pour les PAI, préparer un plateau nominatif identifié par couleur.",
      beneficiaries: "Élèves allergiques et leurs familles, agents de restauration",
    },
    {
      by: "restauration",
      title: "Petite faim, grande faim",
      problem:
        "Même portion pour un garçon de terminale qui sort du sport et une fille de seconde qui mange peu : l'un a encore faim, l'autre laisse la moitié.",
      proposal:
        "Proposer au service deux tailles d'assiette pour le plat principal, et laisser la possibilité de revenir se resservir en légumes et féculents en fin de service. Le grammage moyen reste conforme.",
      beneficiaries: "Élèves, cuisine",
    },
    {
      by: "restauration",
      at: "lycee-chanzy",
      title: "Un convoyeur à la plonge",
      problem:
        "La plonge est le poste le plus pénible de la cuisine : chaleur, vapeur, bruit, bacs lourds à soulever. À Charleville on a deux agents de restauration en restriction médicale à cause de ça.",
      proposal:
        "Équiper la laverie d'un convoyeur à plateaux et d'un tapis qui amène la vaisselle directement au lave-vaisselle, et installer une hotte plus puissante. Il faudrait inscrire ce type d'équipement en priorité dans le plan d'investissement des cuisines.",
      beneficiaries: "Agents de restauration affectés à la plonge",
    },
    {
      by: "restauration",
      title: "Améliorer le petit-déjeuner de l'internat",
      problem:
        "Le petit déj des internes c'est pain, beurre, confiture et chocolat en poudre depuis des années. Beaucoup d'élèves ne mangent rien et arrivent en cours le ventre vide.",
      proposal:
        "Ajouter des fruits de saison, du fromage blanc et des céréales peu sucrées, et faire des petits-déjeuners à thème une fois par mois. Le surcoût est faible si on supprime les portions individuelles emballées.",
      beneficiaries: "Internes",
    },
    {
      by: "restauration",
      at: "lycee-jules-ferry",
      title: "Qu'on ait le temps de manger nous aussi",
      problem:
        "Les agents de cuisine mangent debout en 10 minutes avant le service ou les restes froids après, à 14h. On est pourtant ceux qui font les repas.",
      proposal:
        "Prévoir dans l'organisation un vrai temps de repas de 30 minutes assis pour l'équipe de restauration, en décalé par roulement, et une table réservée dans un coin calme.",
      beneficiaries: "Personnels de restauration et d'entretien du lycée Jules Ferry",
    },
    {
      by: "restauration",
      title: "Des tenues de cuisine qui respirent",
      problem:
        "Les vestes de cuisine fournies sont en polyester épais. L'ete devant les fours on a plus de 35 °C en cuisine, on etouffe.",
      proposal:
        "Choisir des vestes en coton avec empiècements aérés et des pantalons légers, en commander 5 par agent pour pouvoir changer chaque jour. Pourquoi pas demander l'avis des cuisiniers sur deux ou trois modèles avant de passer la commande.",
      beneficiaries: "Cuisiniers et agents de restauration",
    },
    {
      by: "restauration",
      at: "lycee-clemenceau",
      title: "Un logiciel de gestion des stocks pour les cuisines",
      problem:
        "Les commandes et l'inventaire de la cuisine se font sur un cahier et un tableau Excel que seul le chef comprend. Quand il est absent, personne ne sait ce qu'il reste en chambre froide ni ce qui est commandé.",
      proposal:
        "Équiper les cuisines des lycées d'un même logiciel de gestion de restauration : fiches recettes, calcul des quantités selon le nombre de repas, bons de commande, inventaire, traçabilité. Un outil régional commun permettrait aussi de comparer les coûts denrées entre lycées.",
      beneficiaries: "Chefs de cuisine, seconds, gestionnaires",
    },
    {
      by: "restauration",
      title: "Inviter un producteur à la cantine chaque mois",
      problem:
        "Les élèves ne savent pas d'où vient ce qu'ils mangent. Pour eux une carotte c'est un produit de supermarché.",
      proposal:
        "Une fois par mois, un repas « à la rencontre du producteur » : le maraîcher, l'éleveur ou le fromager vient au self, présente son exploitation avec des photos, et les élèves peuvent poser des questions. On peut s'appuyer sur la Semaine du goût pour commencer.",
      beneficiaries: "Élèves, producteurs locaux, image de la restauration scolaire",
    },
    {
      by: "restauration",
      at: "lycee-henri-poincare",
      title: "Fontaines à eau et carafes au réfectoire",
      problem:
        "Le lycée achète encore des petites bouteilles d'eau pour les repas froids, les sorties et le self des commensaux. Des centaines de bouteilles en plastique par mois.",
      proposal:
        "Installer deux fontaines à eau filtrée raccordées au réseau dans le réfectoire et fournir des carafes sur les tables du self des adultes. Pour les pique-niques, distribuer des gourdes aux internes en début d'année.",
      beneficiaries: "Usagers de la demi-pension, environnement",
    },
    {
      by: "restauration",
      title: "Faire trier les plateaux par les élèves",
      problem:
        "Dans mon lycée on vide chaque plateau à la main à la plonge : restes, serviettes, pots de yaourt, couverts, tout mélangé. Ça ralentit le débarrassage et rien n'est trié.",
      proposal:
        "Aménager une table de tri à la sortie du self avec trois bacs (biodéchets, emballages, papier) et un égouttoir à couverts. Les éco-délégués pourraient faire de la pédagogie les premières semaines.",
      beneficiaries: "Agents de plonge, élèves",
    },
    {
      by: "restauration",
      at: "lycee-schweitzer",
      title: "Se former à la cuisine végétarienne",
      problem:
        "Le menu végétarien est devenu obligatoire chaque semaine, mais on n'a jamais appris à le cuisiner autrement qu'avec des omelettes ou des nuggets de soja industriels. Les élèves n'aiment pas et le plat revient en poubelle.",
      proposal:
        "Organiser des formations pratiques de deux jours pour les cuisiniers, en cuisine, avec un chef spécialisé : légumineuses, céréales, assaisonnements. Idéalement dans une cuisine de lycée, par groupes de 8.",
      beneficiaries: "Cuisiniers des lycées, demi-pensionnaires",
    },
    {
      by: "restauration",
      title: "Recharger la carte de cantine en ligne",
      problem:
        "Les familles doivent venir à l'intendance avec un chèque ou de la monnaie pour recharger la carte de self. Quand le compte est vide, l'élève est bloqué à la borne et l'agent de restauration doit gérer la situation devant tout le monde.",
      proposal:
        "Permettre le paiement en ligne par carte bancaire, avec une alerte par SMS aux parents quand le solde passe sous 10 repas. On éviterait les situations gênantes à la borne du self.",
      beneficiaries: "Familles, élèves, agents de restauration et intendance",
    },
    {
      by: "restauration",
      at: "lycee-chrestien-de-troyes",
      title: "La chaleur dans les cuisines en juin",
      problem:
        "En juin et en septembre on dépasse régulièrement 38 °C en cuisine. Pas de climatisation, les hottes tirent mal, on a eu deux malaises l'an dernier.",
      proposal:
        "Faire un diagnostic thermique de toutes les cuisines de lycées et installer en priorité une ventilation avec apport d'air frais dans les plus chaudes. En attendant, adapter les horaires et fournir des boissons fraîches à l'équipe.",
      beneficiaries: "Équipes de restauration",
    },
    {
      by: "restauration",
      title: "Un repas du terroir par mois",
      problem:
        "Nos menus se ressemblent d'un lycée à l'autre et ne valorisent pas du tout les produits de la région. Les élèves ne connaissent ni la potée lorraine ni le fromage de Langres.",
      proposal:
        "Chaque mois, un menu régional avec des produits locaux : choucroute garnie avec du chou d'Alsace, quiche lorraine, biscuits roses de Reims, mirabelles en dessert à la saison. Les cuisiniers adorent ce genre de défi et ça donne du sens au métier.",
      beneficiaries: "Demi-pensionnaires, producteurs régionaux, cuisiniers",
    },
    {
      by: "restauration",
      at: "lycee-fabert",
      title: "Paniers repas pour les élèves en stage ou en sortie",
      problem:
        "Les élèves de BTS et de bac pro qui partent en stage ou en sortie pédagogique perdent leur repas payé au forfait. Les familles réclament, et nous on se retrouve avec des plats en trop.",
      proposal:
        "Proposer un panier repas à emporter commandé 48h à l'avance par l'enseignant responsable de la sortie, préparé le matin par l'équipe de cuisine. Le repas n'est pas perdu et la famille n'est pas pénalisée.",
      beneficiaries: "Élèves en stage ou en sortie, familles, restauration",
    },
    {
      by: "restauration",
      title: "Alerte SMS si la chambre froide tombe en panne",
      problem:
        "Un lundi matin on a découvert la chambre froide positive à 14 °C : panne pendant le week-end, 2 000 euros de denrées jetées. Personne n'avait été prévenu.",
      proposal:
        "Installer des sondes de température connectées dans les chambres froides et les congélateurs, qui envoient un SMS au chef de cuisine et à l'agent de maintenance d'astreinte en cas de dépassement. En plus, les relevés HACCP se feraient automatiquement au lieu d'être notés à la main deux fois par jour.",
      beneficiaries: "Cuisines des lycées, agents de maintenance",
    },
    {
      by: "restauration",
      at: "lycee-clemenceau",
      title: "Servir à l'assiette plutôt qu'en barquettes",
      problem:
        "Les entrées et desserts sont servis en ramequins jetables ou en barquettes plastique filmées. Ça fait une montagne de déchets à chaque service et ce n'est pas agréable à manger.",
      proposal:
        "Revenir à la vaisselle lavable pour les entrées et les desserts, avec un présentoir réfrigéré. Au lycée Clemenceau on a calculé qu'on économiserait 60 000 contenants par an.",
      beneficiaries: "Cantine, environnement",
    },
  ],
};
