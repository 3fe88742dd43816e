import type { RawIdeaGroup } from "./types";

/** Mobility between sites: carpooling, shuttles, bikes, remote work. */
export const mobilityIdeas: RawIdeaGroup = {
  topic: "mobility",
  ideas: [
    {
      by: "transports",
      with: ["siege"],
      title: "Covoiturer entre Strasbourg, Metz et Châlons",
      problem:
        "Chaque semaine, des dizaines d'agents font le trajet entre les trois sites de la Région pour des réunions, souvent seuls dans leur voiture de service ou personnelle. Le même jour, trois collègues peuvent faire Strasbourg-Metz à une heure d'écart sans le savoir.",
      proposal:
        "Ajouter au système de réservation des véhicules de service une fonction de covoiturage : quand on réserve un trajet, on voit les autres trajets prévus le même jour et on peut proposer ou demander une place. Les places libres apparaîtraient aussi dans l'agenda des réunions inter-sites. Un bilan trimestriel montrerait les kilomètres et le CO2 économisés.",
      beneficiaries: "Agents qui se déplacent entre les sites, budget des déplacements, climat",
      award: {
        kind: "mention",
        citation:
          "Une réponse concrète au quotidien d'une Région aux sites éloignés, qui s'appuie sur un outil existant et dont les effets sont mesurables.",
      },
    },
    {
      by: "transports",
      title: "Une carte TER professionnelle pour les agents qui bougent",
      problem:
        "Pour aller en réunion à Metz ou Châlons, il faut faire une demande de billet de train plusieurs jours à l'avance auprès de l'agence de voyage. Du coup beaucoup prennent la voiture.",
      proposal:
        "Fournir une carte d'abonnement TER professionnelle nominative aux agents qui se déplacent plus de deux fois par mois entre les sites, pour qu'ils puissent prendre le train sans démarche. On compare le coût avec les frais kilométriques actuels : c'est sans doute gagnant.",
      beneficiaries: "Agents itinérants, Direction des finances",
    },
    {
      by: "moyens",
      title: "Des vélos électriques de service au siège",
      problem:
        "Pour aller à un rendez-vous à 3 km dans Strasbourg, on réserve une voiture de service, on cherche une place pour se garer et on met plus de temps qu'à pied.",
      proposal:
        "Mettre à disposition une flotte de 10 vélos à assistance électrique réservables comme les voitures, avec casques, antivols et sacoches. Un contrat d'entretien avec un atelier vélo local suffirait.",
      beneficiaries: "Agents du siège qui se déplacent en ville",
    },
    {
      by: "siege",
      title: "Télétravailler depuis la Maison de la Région la plus proche",
      problem:
        "J'habite à côté de Sarreguemines et je travaille au siège de Strasbourg : presque 3 heures de trajet par jour. Le télétravail à domicile m'isole, mais des bureaux de la Région existent près de chez moi.",
      proposal:
        "Ouvrir dans chaque Maison de la Région quelques postes de travail en libre-service, réservables par n'importe quel agent régional un ou deux jours par semaine. Les Maisons deviendraient des tiers-lieux de la Région et on y croiserait des collègues d'autres services.",
      beneficiaries: "Agents aux longs trajets domicile-travail",
    },
    {
      by: "siege",
      title: "La visio d'abord, le déplacement si nécessaire",
      problem:
        "Pour une réunion d'une heure à Châlons on passe une journée entière sur la route. Beaucoup de réunions pourraient se faire à distance mais l'habitude du présentiel reste forte.",
      proposal:
        "Adopter une règle simple : toute réunion inter-sites se tient par défaut en visio ou en hybride, sauf raison particulière indiquée dans l'invitation. Équiper correctement les salles de réunion pour que les participants à distance entendent vraiment.",
      beneficiaries: "Agents des trois sites et des Maisons de la Région",
    },
    {
      by: "rh",
      title: "Faire connaître le forfait mobilités durables",
      problem:
        "Le forfait mobilités durables existe (jusqu'à 300 euros par an pour ceux qui viennent à vélo ou en covoiturage) mais très peu d'agents le demandent : ils ne le connaissent pas ou trouvent la démarche compliquée.",
      proposal:
        "Faire une campagne d'information au printemps, et simplifier la demande avec une attestation sur l'honneur en ligne plutôt qu'un dossier papier. Afficher aussi le nombre de bénéficiaires par site pour créer de l'émulation.",
      beneficiaries: "Agents cyclistes et covoitureurs",
    },
    {
      by: "maintenance",
      at: "lycee-marie-curie",
      title: "Un abri vélo fermé pour les personnels",
      problem:
        "Au lycée Marie Curie, plusieurs collègues viendraient à vélo, mais le seul range-vélo est dans la cour, à côté de celui des élèves, sans toit. Deux vélos ont été volés cette année.",
      proposal:
        "Installer un abri vélo couvert et fermé par badge pour les personnels, avec quelques prises pour recharger les vélos électriques. On peut le construire nous-mêmes en partie.",
      beneficiaries: "Personnels du lycée venant à vélo",
    },
    {
      by: "entretien",
      title: "Covoiturage entre collègues qui commencent à 6h",
      problem:
        "On commence à 6h ou 6h30 et les premiers bus arrivent après 7h. Celles qui n'ont pas de voiture dépendent d'un conjoint ou prennent un taxi, ca coute une fortune.",
      proposal:
        "Mettre en relation les agents d'un même lycée ou de lycées proches qui habitent dans le même coin, avec une petite indemnité pour le conducteur. Une carte des domiciles (anonymisée, par quartier) aiderait à trouver des équipages.",
      beneficiaries: "Agents des lycées aux horaires décalés",
    },
    {
      by: "moyens",
      title: "Réserver une voiture de service en deux clics",
      problem:
        "Pour réserver un véhicule de service, il faut envoyer un mail au pool automobile, attendre une confirmation, récupérer les clés à l'accueil aux heures d'ouverture. Certains véhicules dorment au parking pendant que d'autres services n'en trouvent pas.",
      proposal:
        "Passer à un outil de réservation en ligne avec boîtes à clés connectées : on réserve, on reçoit un code, on prend la voiture même à 7h du matin. Les taux d'utilisation permettraient aussi d'ajuster la taille du parc.",
      beneficiaries: "Agents qui se déplacent, gestionnaires du parc automobile",
    },
    {
      by: "maison_lycees",
      title: "Un ordre de mission permanent pour les tournées en lycées",
      problem:
        "Nous allons dans les lycées du secteur plusieurs fois par semaine. À chaque fois, un ordre de mission signé est nécessaire, ce qui fait des dizaines de papiers par mois pour des trajets prévisibles.",
      proposal:
        "Délivrer un ordre de mission permanent annuel pour les déplacements réguliers dans le secteur géographique de l'agent, et ne garder l'ordre ponctuel que pour les déplacements exceptionnels.",
      beneficiaries: "Agents des Maisons de la Région, assistantes, services financiers",
    },
    {
      by: "maison_lycees",
      at: "maison-reims",
      title: "Regrouper les visites dans les lycées",
      problem:
        "Depuis la Maison de la Région de Reims, trois services différents vont parfois dans le même lycée à Charleville dans la même semaine, chacun avec sa voiture.",
      proposal:
        "Partager un planning des déplacements prévus dans les lycées, pour regrouper les visites : un seul véhicule, plusieurs collègues, plusieurs sujets traités le même jour avec le proviseur et le gestionnaire.",
      beneficiaries: "Agents de la Maison de la Région, lycées du secteur",
    },
    {
      by: "siege",
      gender: "m",
      title: "Douches et vestiaires pour ceux qui viennent à vélo ou en courant",
      problem:
        "Je viens au travail à vélo, 12 km. En été j'arrive trempé et il n'y a aucune douche dans le bâtiment. Plusieurs collègues renoncent pour cette raison.",
      proposal:
        "Aménager un vestiaire avec deux douches et des casiers au rez-de-chaussée, dans l'ancien local archives par exemple. Ce serait un vrai signal pour encourager le vélo.",
      beneficiaries: "Agents cyclistes et sportifs du siège",
    },
    {
      by: "environnement",
      title: "Un mois pour essayer le vélo électrique",
      problem:
        "Beaucoup d'agents hésitent à venir à vélo : trop loin, trop de côtes, peur de ne pas tenir. Acheter un vélo électrique sans l'avoir essayé, c'est un investissement risqué.",
      proposal:
        "Prêter gratuitement un vélo à assistance électrique pendant un mois aux agents volontaires, avec un accompagnement (itinéraire conseillé, petit atelier sécurité). À la fin, un bilan et des informations sur les aides à l'achat.",
      beneficiaries: "Agents habitant à moins de 15 km de leur lieu de travail",
    },
    {
      by: "siege",
      title: "Des horaires souples pour éviter les bouchons",
      problem:
        "Entre 7h45 et 8h30 l'entrée de Strasbourg est saturée. Avec des plages fixes obligatoires à partir de 9h, on part tous à la même heure et on passe 45 minutes dans les embouteillages.",
      proposal:
        "Élargir les plages variables le matin (7h-10h) et le soir, et réduire la plage fixe. Les agents pourraient décaler leurs trajets, et les services gagneraient une amplitude d'accueil plus grande.",
      beneficiaries: "Agents du siège, qualité de vie",
    },
    {
      by: "etat",
      at: "prefecture-grand-est",
      title: "Covoiturage entre administrations à Strasbourg",
      problem:
        "Préfecture, DREAL, rectorat, Région, Eurométropole : des milliers d'agents publics convergent chaque matin vers le centre de Strasbourg, depuis les mêmes communes, sans se connaître.",
      proposal:
        "Lançons une communauté de covoiturage inter-administrations sur une application existante, avec un groupe fermé réservé aux agents publics et des places de parking réservées aux covoitureurs dans chaque administration.",
      beneficiaries: "Agents publics de l'agglomération strasbourgeoise",
    },
    {
      by: "etat",
      at: "ddt-vosges",
      title: "Partager les 4x4 de terrain entre services",
      problem:
        "À la DDT des Vosges nos contrôles se font en forêt ou en montagne, il faut des véhicules tout-terrain. Nous en avons deux, souvent pris, alors que d'autres services de l'État dans le département en ont qui restent au garage.",
      proposal:
        "Mutualiser les véhicules tout-terrain entre services de l'État du département (DDT, DDETSPP, Office français de la biodiversité) avec un planning de réservation commun.",
      beneficiaries: "Agents de terrain des services de l'État dans les Vosges",
    },
    {
      by: "maison",
      title: "Bornes de recharge pour les voitures des agents",
      problem:
        "Plusieurs collègues de la Maison de la Région ont acheté une voiture électrique, mais il n'y a aucune borne sur le parking. Ils repartent avec la batterie à plat ou font un détour pour recharger.",
      proposal:
        "Installer quelques bornes de recharge accessibles aux agents sur le parking, avec une participation modeste au kWh. Ça encourage les motorisations propres sans grosse dépense.",
      beneficiaries: "Agents équipés de véhicules électriques",
    },
    {
      by: "transports",
      title: "Un vrai plan de mobilité pour le siège",
      problem:
        "On ne sait pas comment les agents viennent au travail, ni combien de temps ils passent sur la route. Les décisions sur le parking, les vélos ou le télétravail se prennent au doigt mouillé.",
      proposal:
        "Lancer une enquête déplacements domicile-travail anonyme auprès de tous les agents du siège, puis construire un plan de mobilité employeur avec des objectifs chiffrés : part du vélo, des transports en commun, du covoiturage.",
      beneficiaries: "Agents du siège, Direction des transports",
    },
    {
      by: "gestion",
      at: "lycee-jules-ferry",
      title: "Participer aux réunions sans faire 100 km",
      problem:
        "Pour les réunions des gestionnaires à Nancy ou Épinal, on fait jusqu'à 100 km aller pour deux heures de réunion. Depuis Saint-Dié c'est une demi-journée perdue.",
      proposal:
        "Équiper chaque lycée d'une petite salle de visioconférence correcte (caméra, micro de table, écran) et organiser systématiquement les réunions de gestionnaires en format hybride.",
      beneficiaries: "Gestionnaires et personnels administratifs des lycées",
    },
    {
      by: "transports",
      title: "Des vélos pliants pour les agents qui viennent en train",
      problem:
        "Le dernier kilomètre entre la gare et le bureau est souvent ce qui décourage de prendre le TER : le tram est bondé, la marche prend 25 minutes.",
      proposal:
        "Proposer aux agents abonnés TER la location longue durée d'un vélo pliant à tarif réduit, qu'on peut prendre dans le train sans réservation.",
      beneficiaries: "Agents utilisant le train pour venir travailler",
    },
    {
      by: "lycee",
      at: "lycee-chrestien-de-troyes",
      title: "Aider au transport des agents qui n'ont pas le permis",
      problem:
        "Au lycée on a des agents qui n'ont pas le permis et qui habitent dans des villages autour de Troyes sans transport en commun. Pour eux, changer de lycée ou faire une formation est presque impossible.",
      proposal:
        "Financer le permis de conduire pour les agents qui le souhaitent, dans le cadre de la formation professionnelle, et prêter en attendant des scooters électriques par l'intermédiaire d'une association de mobilité solidaire.",
      beneficiaries: "Agents des lycées en zone rurale",
    },
  ],
};

/** Wellbeing at work: break rooms, ergonomics, psychological safety. */
export const wellbeingIdeas: RawIdeaGroup = {
  topic: "wellbeing",
  ideas: [
    {
      by: "entretien",
      at: "lycee-bartholdi",
      with: ["restauration"],
      title: "Une vraie salle de pause pour les agents",
      problem:
        "Au lycée Bartholdi, les agents prennent leur pause dans le local produits ou dans un couloir, assis sur un seau retourné. Les enseignants ont une salle des profs avec canapé et machine à café, nous non.",
      proposal:
        "Aménager une salle de pause pour les agents techniques, avec tables, chaises, micro-ondes, frigo et casiers. Une salle de cours inutilisée ou une ancienne loge pourrait faire l'affaire. Ce n'est pas du luxe, c'est du respect.",
      beneficiaries: "Agents d'entretien, de restauration et de maintenance",
    },
    {
      by: "assistante",
      title: "Des postes de travail réglés pour chacun",
      problem:
        "Beaucoup de collègues travaillent sur un ordinateur portable posé sur le bureau, l'écran trop bas, sur des chaises qui ne se règlent plus. En fin de journée on a mal à la nuque et au dos.",
      proposal:
        "Faire passer un ergonome ou le préventeur dans chaque service pour régler les postes, et fournir un second écran, un support pour le portable et un clavier séparé à tous ceux qui le demandent. Une fiche « bien régler son poste » serait affichée.",
      beneficiaries: "Agents travaillant sur écran",
    },
    {
      by: "siege",
      title: "Le droit à la déconnexion, pour de vrai",
      problem:
        "Des mails arrivent à 22h, le dimanche, pendant les congés. Même si on ne doit pas y répondre, on les lit, et on se sent obligé.",
      proposal:
        "Activer par défaut l'envoi différé des mails rédigés hors des heures de travail (envoi automatique le lendemain à 8h), avec un message de rappel, et inscrire dans la charte du temps de travail que personne n'est tenu de répondre en dehors de ses horaires.",
      beneficiaries: "Tous les agents, managers compris",
    },
    {
      by: "lycee",
      at: "lycee-henri-poincare",
      title: "Ouvrir le gymnase aux agents le midi",
      problem:
        "Le gymnase du lycée est vide entre 12h et 13h30 plusieurs jours par semaine. Les agents qui voudraient faire un peu de sport n'ont ni le temps ni les moyens d'aller en salle après le travail.",
      proposal:
        "Ouvrir le gymnase aux personnels sur la pause méridienne une ou deux fois par semaine, avec un professeur d'EPS volontaire ou une association sportive. Yoga, renforcement du dos, badminton : des activités simples qui font du bien.",
      beneficiaries: "Personnels du lycée Henri Poincaré",
    },
    {
      by: "siege",
      title: "Une pièce calme pour souffler",
      problem:
        "Entre l'open space, les réunions qui s'enchaînent et le bruit, il n'y a aucun endroit au siège pour se poser dix minutes quand on en a besoin, passer un appel personnel difficile ou simplement respirer.",
      proposal:
        "Réserver à chaque étage une petite pièce calme, sans ordinateur, avec un fauteuil et une lumière douce, utilisable sans réservation pour de courtes durées.",
      beneficiaries: "Agents du siège",
    },
    {
      by: "numerique",
      title: "Des cabines pour téléphoner dans les open spaces",
      problem:
        "Depuis le passage en bureaux partagés, les visios se font au milieu des autres. On entend tout, on ne peut plus se concentrer, et les réunions confidentielles n'ont pas de place.",
      proposal:
        "Des cabines acoustiques individuelles et des petites bulles pour 2 ou 3 personnes dans chaque plateau de bureaux partagés. Elles coûtent moins cher qu'une salle de réunion et se déplacent facilement.",
      beneficiaries: "Agents en bureaux partagés",
    },
    {
      by: "restauration",
      at: "lycee-chanzy",
      title: "Un moment convivial de fin d'année pour tous les agents",
      problem:
        "En fin d'année scolaire, il y a un pot pour les enseignants auquel les agents ne sont pas vraiment invités. On a l'impression de ne pas faire partie du lycée.",
      proposal:
        "Organiser un repas de fin d'année commun à tous les personnels du lycée, cuisiné par les élèves de la section hôtellerie par exemple, avec un mot de la direction pour remercier chaque équipe. Ça ne coûte presque rien et ça change tout.",
      beneficiaries: "Agents des lycées",
    },
    {
      by: "rh",
      title: "Un numéro d'écoute psychologique anonyme",
      problem:
        "Certains agents traversent des périodes difficiles (deuil, conflit au travail, épuisement) et n'osent pas en parler à leur hiérarchie ni aller voir la médecine de prévention.",
      proposal:
        "Souscrire une ligne d'écoute psychologique gratuite, anonyme, disponible 24h/24, assurée par un prestataire spécialisé, et communiquer largement dessus, y compris dans les lycées avec une affiche dans chaque salle de pause.",
      beneficiaries: "Tous les agents",
    },
    {
      by: "maintenance",
      title: "Du matériel de manutention pour ne plus porter à bout de bras",
      problem:
        "On déménage des tables, des armoires, des bancs pour les examens, souvent à deux et à la main. Chez nous deux agents de maintenance ont déjà eu des lombalgies avec arrêt.",
      proposal:
        "Équiper chaque lycée de diables, chariots plateaux, monte-escaliers électriques et sangles de portage, et former les agents aux bons gestes. Pour le bac, prévoir des tables empilables légères.",
      beneficiaries: "Agents de maintenance et d'entretien",
    },
    {
      by: "entretien",
      title: "Pouvoir choisir ses horaires sur la semaine",
      problem:
        "Nos horaires sont les mêmes toute l'année, calés sur ceux des élèves. Pour un rendez-vous médical ou pour récupérer les enfants, il faut poser une demi-journée.",
      proposal:
        "Permettre un peu de souplesse : échanger des créneaux entre collègues, faire une semaine plus longue et une plus courte, ou finir plus tôt le mercredi, tant que le service est assuré. Le chef d'équipe validerait le planning.",
      beneficiaries: "Agents d'entretien et de restauration, en particulier les parents",
    },
    {
      by: "maison",
      title: "Des bureaux à la lumière du jour",
      problem:
        "Chez nous, plusieurs bureaux de la Maison de la Région donnent sur une cour intérieure sombre. On travaille toute l'année avec les néons allumés, certains collègues ont des maux de tête et le moral en berne en hiver.",
      proposal:
        "Réaménager les bureaux pour que les postes occupés à temps plein soient côté fenêtres, et réserver les pièces sombres aux archives, à la reprographie et aux salles de réunion. Remplacer les néons par des éclairages à température de couleur naturelle.",
      beneficiaries: "Agents de la Maison de la Région",
    },
    {
      by: "rh",
      title: "Demander aux agents comment ils vont, chaque année",
      problem:
        "On ne mesure pas le moral des équipes. Les difficultés remontent quand il est trop tard : arrêts maladie, départs, conflits.",
      proposal:
        "Lancer un baromètre social annuel, court et anonyme, sur la charge de travail, le sens du travail, les relations avec la hiérarchie, et publier les résultats par direction avec un plan d'action. Les agents des lycées doivent pouvoir répondre sur papier ou sur téléphone.",
      beneficiaries: "Agents, managers, DRH",
    },
    {
      by: "etat",
      title: "Des places en crèche pour les agents de l'État",
      problem:
        "Trouver une place en crèche à Strasbourg relève du parcours du combattant. Plusieurs jeunes collègues ont dû réduire leur temps de travail faute de solution de garde.",
      proposal:
        "Réserver des berceaux dans des crèches inter-entreprises proches des bâtiments administratifs, financés par l'action sociale interministérielle, et les attribuer selon des critères transparents.",
      beneficiaries: "Agents parents de jeunes enfants",
    },
    {
      by: "accueil",
      gender: "f",
      title: "Ne plus être seule à la loge le soir",
      problem:
        "Je suis seule à l'accueil jusqu'à 19h, le lycée est presque vide. Une fois un homme est entré en criant, je n'avais aucun moyen d'alerter quelqu'un rapidement.",
      proposal:
        "Installer un bouton d'alerte relié au logement de fonction de permanence et à la maintenance, et faire en sorte qu'il y ait toujours deux personnes dans le bâtiment à la fermeture.",
      beneficiaries: "Agents d'accueil en horaires tardifs",
    },
    {
      by: "assistante",
      title: "Une conciergerie au siège",
      problem:
        "Avec les temps de trajet et les horaires, beaucoup d'agents n'ont pas le temps de passer au pressing, chez le cordonnier ou à la poste. Ça rajoute de la charge mentale le samedi.",
      proposal:
        "Ouvrir une conciergerie au rez-de-chaussée deux jours par semaine, avec une entreprise d'insertion : dépôt de pressing, retouches, colis, paniers de légumes de producteurs locaux. Les services sont payés par les agents, la Région fournit juste le local.",
      beneficiaries: "Agents du siège, structures d'insertion",
    },
    {
      by: "maintenance",
      at: "lycee-schweitzer",
      title: "Horaires d'été pour le travail en extérieur",
      problem:
        "En juin et juillet, on tond et on taille les haies en plein soleil à 15h. L'été dernier il a fait 36 °C à Mulhouse et on a continué comme d'habitude.",
      proposal:
        "Adopter des horaires d'été pour les agents qui travaillent dehors : début à 6h, fin à 13h30 pendant les périodes de forte chaleur, avec de l'eau fraîche, des casquettes et de la crème solaire fournies.",
      beneficiaries: "Agents de maintenance et d'espaces verts",
    },
    {
      by: "siege",
      title: "Faciliter le don de jours de repos",
      problem:
        "Une collègue a dû s'arrêter pour accompagner son enfant malade. Plusieurs d'entre nous voulions lui donner des jours de congé, mais personne ne savait comment faire et la procédure a pris des semaines.",
      proposal:
        "Rendre le don de jours de repos simple et rapide : un formulaire en ligne, un circuit de validation court et une communication claire sur le dispositif. La DRH pourrait centraliser les dons de façon anonyme.",
      beneficiaries: "Agents aidants, parents d'enfants gravement malades, collègues solidaires",
    },
    {
      by: "lycee",
      title: "Des plantes vertes dans les locaux des agents",
      problem:
        "Nos locaux sont des pieces grises sans rien aux murs. on y passe pourtant toute nos journées.",
      proposal:
        "Laisser les agents aménager leur espace : quelques plantes, un panneau d'affichage, une couleur de peinture choisie ensemble. Le club jardinage du lycée pourrait fournir des boutures.",
      beneficiaries: "Agents techniques des lycées",
    },
  ],
};
