## fieldtrace : messages en français.
## Un message s'écrit `clé = texte` ; `{ $nom }` est rempli par le programme. Voir docs/translating.md.

## --help : la mise en page de clap

help-usage = Utilisation :
help-commands = Commandes
help-command-value = COMMANDE
help-arguments = Arguments
help-options = Options
help-default = [par défaut : { $value }]
help-possible = [valeurs possibles : { $values }]
help-env = [variable d'environnement : { $name }]

## Lectures d'un marquage

readings = { $count ->
    [0] aucune lecture
    [one] { $count } lecture
   *[other] { $count } lectures
}
reading-made-in = { " " }— pays de fabrication : { $countries }
reading-partial-short = { " " }(partielle)
reading-not-understood = non compris
reading-partial = { " " }(correspondance partielle)
reading-confidence = { " " }[{ $confidence }]

## decode : ce que le programme ajoute sur la manière dont une lecture a été obtenue (les notes
## de la bibliothèque sont des sources citées et restent dans leur langue) ; `$shape` est un
## identifiant de symbole de la bibliothèque
decode-note-read-as = « { $typed } » lu « { $near } »
decode-note-year-line = souvent l'année de fabrication ; la ligne seule ne le prouve pas
decode-note-appearance = retenu d'après l'aspect du marquage : { $appearance }
decode-note-cyrillic = lu « { $latin } » (le cyrillique « { $typed } » en lettres latines)
decode-note-misspelt = lu « { $spelling } » (saisi « { $typed } »)
decode-note-same-symbol = même symbole ; son contenu n'a pas été indiqué
decode-note-shape = seulement si le code est placé dans { $shape ->
    [triangle] un triangle
    [circle] un cercle
    [double-circle] un double cercle
    [oval] un ovale
    [star] une étoile
    [arrow] une flèche
    [rhombus] un losange
    [shield] un écu
    [square] un carré
    [wreath] une couronne de laurier
    [keystone] une clé de voûte
    [cross-in-circle] une croix dans un cercle
   *[other] le symbole « { $shape } »
} : aucune forme n'a été indiquée
decode-note-serial-format = correspond à ce format de numéro de série : n'a de sens que s'il s'agit du numéro de série
decode-note-bare-number = un nombre seul : une année de ce fabricant seulement à côté de ses autres marquages
decode-note-year-code = un code d'année : il ne date l'arme qu'à côté des marquages du fabricant ou des poinçons d'épreuve
decode-note-beginning = le début de « { $written } »
decode-note-type-character = 式 signifie « Type » : lu « Type { $number } »
decode-note-calibre-start = « { $text } » est le début du nom de ce calibre
decode-note-maker-code = le code est celui du fabricant ; son encadrement n'a pas été reconnu
decode-note-may-be-year = « { $number } » peut être une année : la bibliothèque n'indique pas comment cette usine date ses étuis
decode-caveat-country-name = Un nom de pays peut être celui du fabricant, de l'exportateur ou de l'importateur : lisez-le avec les marquages du fabricant.
decode-caveat-several-countries = Cette désignation a été employée dans plusieurs pays : elle ne dit pas lequel a fabriqué cette arme.


## identify : pourquoi un modèle est candidat (+), ce qui le contredit (-), ni l'un ni l'autre (~)

reason-craft = fabrication artisanale : seules les caractéristiques peuvent y conduire
reason-type-matches = type { $kind } : concorde
reason-type-near = type indiqué : { $kind } ; répertorié comme { $listed }
reason-type-not = le type est { $kind }, pas { $listed }
reason-calibre-matches = calibre { $calibre } : concorde
reason-calibre-not = calibre { $calibre } : ce modèle tire du { $fires }
reason-calibre-options = calibre parmi { $options } : ce modèle tire du { $fires }
reason-produced-in = pays de production : { $country }
reason-not-produced-in = pas de production connue dans ce pays : { $country }
reason-serial-format = format du numéro de série : { $meaning }
reason-trait-matches = { $key } : { $value } — concorde
reason-trait-not = { $key } : { $value }, mais ce modèle a : { $shown }
reason-feature-fits = la caractéristique « { $feature } » concorde : { $found }
reason-mark = marquage « { $input } » = { $reading }
reason-mark-family = marquage « { $input } » = { $reading } (cette famille)
reason-mark-variant = marquage « { $input } » = { $reading } (une variante)
reason-mark-copy = marquage « { $input } » = { $reading } (une copie)
reason-mark-other-model = marquage « { $input } » = { $reading }, un autre modèle
reason-mark-elsewhere = marquage « { $input } » = { $reading }, qui ne mène pas ici
reason-variants-equal = les faits conviennent autant à { $count } variantes ({ $names }{ $more ->
    [0] {""}
   *[other] , et { $more } autres
}) : la variante n'est pas établie

## identify : ce qui reste incertain

uncertain-no-match = aucun modèle de la bibliothèque ne correspond à ces faits : les candidats listés sont seulement les plus proches, et l'arme peut être d'un modèle que la bibliothèque ne contient pas
uncertain-model = modèle non établi : { $names } conviennent autant
uncertain-country = pays de fabrication non établi : { $names }
uncertain-some-obliterated = certains marquages effacés : ce qui a été effacé pouvait désigner un autre fabricant
uncertain-obliterated = marquages effacés : l'identification repose sur les seules caractéristiques
uncertain-no-marks = aucun marquage indiqué : fabricant et pays reposent sur les caractéristiques
uncertain-mark-unknown = le marquage « { $mark } » ne correspond à rien dans la bibliothèque
uncertain-mark-readings = le marquage « { $mark } » a { $count } lectures : voir les marquages
uncertain-no-serial = numéro de série non relevé
uncertain-serial-partial = numéro de série partiellement lisible : la partie lue est conservée telle quelle
uncertain-serial-obliterated = numéro de série effacé : envisager une révélation en laboratoire
uncertain-craft = fabrication artisanale possible : confiance faible, à confirmer par examen

## identify : photos à prendre

photo-left = arme entière, côté gauche, avec une échelle
photo-right = arme entière, côté droit, avec une échelle
photo-serial = numéro de série sur la carcasse ou la boîte de culasse, en gros plan
photo-marks = chaque marquage, en gros plan, avec une échelle

## Événements de la chaîne de traçabilité, un par ligne

custody-event = { "  " }n° { $id } { $when } { $action } par { $officer } ({ $unit }, { $station })
custody-recorded = ; enregistré le { $at }
custody-to = ; remis à { $to }
custody-place = ; lieu : { $place }
custody-note = ; note : { $note }

## Mots des vocabulaires (`word-<genre>-<id>`) : le mot affiché ; `.also`, d'autres mots qu'on
## peut taper pour lui, séparés par des virgules. La saisie est lue dans toutes les langues.

word-event-seized = saisie
    .also = saisi, saisis, saisies
word-event-found = découverte
    .also = découvert, trouvé, trouvée
word-event-surrendered = remise volontaire
    .also = remis, remise, rendu, rendue
word-event-captured = prise
    .also = pris, capturé, capturée
word-event-recovered = récupérée
    .also = récupéré
word-event-lost = perdue
    .also = perdu, perte
word-event-stolen = volée
    .also = volé, vol
word-kind-weapon = arme
word-kind-ammunition = munitions
    .also = munition
word-kind-component = pièce
    .also = pièce détachée, composant
word-serial-status-present = présent
    .also = lisible
word-serial-status-partial = partiel
    .also = partiellement lisible
word-serial-status-obliterated = effacé
    .also = oblitéré, limé, meulé
word-serial-status-absent = absent
    .also = aucun
word-serial-status-unknown = inconnu
word-mark-event-manufacture = fabrication
word-mark-event-import = importation
    .also = import
word-mark-event-proof = épreuve
    .also = poinçon d'épreuve
word-mark-event-state = État
    .also = propriété de l'État
word-mark-event-unit = unité
word-mark-event-secondary = secondaire
word-mark-event-deactivation = neutralisation
word-mark-event-other = autre
word-legibility-clear = lisible
    .also = net, clair
word-legibility-partial = partiellement lisible
    .also = partiel, partielle
word-legibility-abraded = usé
    .also = usée, abrasé, abrasée
word-legibility-obliterated = effacé
    .also = effacée, oblitéré, oblitérée
word-outcome-traced = tracée
    .also = tracé, retrouvée, retrouvé
word-outcome-not-traced = non tracée
    .also = non tracé
word-outcome-restricted = restreinte
    .also = restreint, confidentiel
word-outcome-refused = refusée
    .also = refusé
word-outcome-untraceable = intraçable
    .also = impossible à tracer
word-priority-routine = normale
    .also = ordinaire
word-priority-urgent = urgente
word-ack-stored = enregistré
word-ack-duplicate = doublon
word-ack-incomplete = incomplet
word-ack-rejected = rejeté
word-photos-reduced = réduites
    .also = réduite
word-photos-full = originales
    .also = originale, complètes
word-photos-none = aucune
word-outbox-pending = en attente
word-outbox-sent = envoyé
word-outbox-acknowledged = reçu
    .also = accusé de réception
word-custody-seized = saisie
    .also = saisi
word-custody-transferred = transférée
    .also = transféré, transfert
word-custody-stored = entreposée
    .also = entreposé, stockée, stocké
word-custody-examined = examinée
    .also = examiné, expertisée, expertisé
word-custody-marked = marquée
    .also = marqué, marquage
word-custody-destroyed = détruite
    .also = détruit, destruction
word-custody-returned = restituée
    .also = restitué, restitution
word-view-overall = vue d'ensemble
    .also = ensemble
word-view-left = côté gauche
    .also = gauche
word-view-right = côté droit
    .also = droite, droit
word-view-top = dessus
word-view-bottom = dessous
word-view-front = avant
    .also = face
word-view-rear = arrière
word-view-markings = marquages
    .also = marquage
word-view-serial = numéro de série
    .also = numéro
word-view-headstamp = culot
    .also = marquage de culot
word-view-packaging = emballage
word-view-component = pièce
word-view-other = autre
word-direction-sent = envoyée
word-direction-received = reçue
word-inbox-stored = enregistré
word-inbox-duplicate = doublon
word-inbox-incomplete = incomplet
word-inbox-rejected = rejeté
word-inbox-answered = répondu
word-ammunition-cartridge = cartouche
word-ammunition-shotshell = cartouche de chasse
word-ammunition-grenade = grenade
word-ammunition-mortar-bomb = obus de mortier
word-ammunition-rocket = roquette
word-ammunition-missile = missile
word-ammunition-shell = obus
    .also = obus d'artillerie
word-ammunition-projectile = projectile
word-ammunition-mine = mine
word-ammunition-fuze = fusée
    .also = fusée d'obus
word-component-barrel = canon
word-component-receiver = boîte de culasse
    .also = carcasse supérieure, carcasse inférieure
word-component-frame = carcasse
word-component-slide = glissière
    .also = culasse de pistolet
word-component-bolt = culasse
    .also = culasse mobile, verrou
word-component-bolt-carrier = porte-culasse
word-component-cylinder = barillet
word-component-trigger-group = mécanisme de détente
    .also = détente
word-component-magazine = chargeur
word-component-stock = crosse
word-component-suppressor = silencieux
    .also = modérateur de son
word-component-sight = organe de visée
    .also = viseur, lunette, hausse
word-component-fuze = fusée
word-component-primer = amorce
word-component-cartridge-case = douille
word-component-propellant = poudre
    .also = charge propulsive
word-component-projectile = projectile
    .also = balle
word-type-self-loading-pistol = pistolet semi-automatique
    .also = pistolet
word-type-revolver = revolver
word-type-rifle = fusil
word-type-carbine = carabine
word-type-sub-machine-gun = pistolet-mitrailleur
    .also = mitraillette
word-type-assault-rifle = fusil d'assaut
word-type-light-machine-gun = mitrailleuse légère
    .also = fusil-mitrailleur, mitrailleuse
word-type-heavy-machine-gun = mitrailleuse lourde
word-type-grenade-launcher = lance-grenades
word-type-portable-anti-aircraft-gun = canon antiaérien portatif
word-type-portable-anti-tank-gun = canon antichar portatif
word-type-recoilless-rifle = canon sans recul
word-type-anti-tank-launcher = lance-roquettes antichar
    .also = lance-roquettes
word-type-anti-aircraft-launcher = lance-missiles antiaérien
word-type-mortar = mortier
word-type-shotgun = fusil de chasse
    .also = fusil à pompe
word-confidence-high = élevée
word-confidence-medium = moyenne
word-confidence-low = faible

unknown-word = « { $word } » n'est pas parmi : { $expected }

## --help de chaque commande (`cmd-<chemin de la commande>`) et argument (`arg-<chemin>-<id>`) ;
## `.long` est le texte plus long de `--help` (`-h` montre la première ligne).

cmd-fieldtrace = Identifier, enregistrer et tracer les armes légères et de petit calibre, hors ligne
    .long =
        Identifier, enregistrer et tracer les armes légères et de petit calibre, hors ligne.

        fieldtrace emporte sa propre bibliothèque de référence d'armes, de marquages, de marquages de culot et de calibres, chaque entrée avec sa source publique et son degré de confiance. Il fonctionne sans réseau.
arg-home = Dossier des données (registre, photos, clés) ; par défaut : le dossier de données du système
arg-json = Écrire du JSON lisible par une machine sur la sortie standard, aux clés stables
arg-no_input = Ne jamais poser de question ; échouer avec un message clair quand une donnée manque
arg-passphrase_file = Lire la phrase secrète des clés sur la première ligne de FICHIER (scripts : contrairement à FIELDTRACE_PASSPHRASE, elle n'est jamais dans l'environnement de départ du processus)
arg-lang = Langue des sorties lisibles : en, fr, ... (une par catalogue sous i18n/) ; par défaut : FIELDTRACE_LANG, sinon la langue du système, sinon l'anglais
cmd-ref = Chercher et lire dans la bibliothèque de référence
cmd-ref-search = Chercher modèles, marquages, fabricants, calibres, marquages de culot et pays
arg-ref-search-query = Mots à chercher : un nom, un code, un calibre ou une caractéristique
arg-ref-search-kind = Seulement les entrées de ce genre
arg-ref-search-weapon_type = Seulement les modèles de cette catégorie de l'IIT (assault-rifle, self-loading-pistol, fusil d'assaut, pistolet, ...)
arg-ref-search-calibre = Seulement les entrées de ce calibre (toute graphie courante)
arg-ref-search-country = Seulement les entrées liées à ce pays (code ou nom)
arg-ref-search-limit = Au plus ce nombre de résultats
arg-ref-search-all = Tous les résultats, quel qu'en soit le nombre
cmd-ref-show = Montrer une entrée avec les sources qu'elle cite
arg-ref-show-id = Identifiant de l'entrée, tel que `ref search` l'affiche
cmd-ref-stats = Effectifs, version des données et SHA-256 de la bibliothèque intégrée
cmd-ref-check = Vérifier un dossier de données de référence : toutes les règles de la compilation, et les exemples des entrées
arg-ref-check-dir = Le dossier des fichiers `*.toml`
cmd-decode = Dire ce que signifie un marquage, un marquage de culot, un nom de modèle, un calibre ou un numéro de série
    .long =
        Dire ce que signifie un marquage, un marquage de culot, un nom de modèle, un calibre ou un numéro de série

        Décrivez les symboles en mots ou en notation : '66 dans un triangle', '/66\', '((10))', 'flèche dans un triangle', 'étoile' ; tapez le texte tel qu'il est imprimé : 'ИЖ', '56式', 'LC 78'. Un marquage ambigu donne toutes les lectures qu'il admet, chacune avec son degré de confiance.
arg-decode-text = Un ou plusieurs marquages, chacun comme un argument (entre guillemets s'il contient des espaces)
cmd-identify = Identifier une arme à partir des faits ; sur un terminal, demander ce qui manque
arg-identify-weapon_type = Catégorie de l'IIT : fusil d'assaut, fusil, pistolet, mitrailleuse légère, ... (ou assault-rifle, rifle, self-loading-pistol, ...)
arg-identify-calibre = Calibre, dans toute graphie courante : 7.62x39, '7,62 x 39', M43, 9mm Luger
arg-identify-markings = Un marquage tel que lu (à répéter pour plusieurs) : '66 dans un triangle', 'M70', 'ИЖ'
arg-identify-marks_obliterated = Les marquages ont été effacés ou sont illisibles (avec --marking : certains l'ont été, pas ceux donnés)
arg-identify-dont_know = Une question à laquelle l'agent ne peut pas répondre (type, calibre, markings, stock, ...) ; répétable
arg-identify-serial = Numéro de série tel que lu ; marquer les caractères illisibles par '?', ou dire 'obliterated'
arg-identify-features = Une caractéristique : clé=valeur (stock=underfolding) ou en mots (boîte de culasse emboutie) ; répétable
arg-identify-country = Pays de fabrication, s'il est connu (code ou nom)
arg-identify-answers = Répondre aux questions de l'assistant depuis un fichier TOML au lieu du terminal
cmd-init = Définir l'identité de ce poste, enregistrée à chaque écriture dans le registre
arg-init-name = Nom du poste, par ex. « Poste frontière de Bamako 3 »
arg-init-unit = Unité ou service
arg-init-officer = L'agent responsable des enregistrements de cet ordinateur
arg-init-force = Remplacer une identité déjà définie (les enregistrements antérieurs gardent l'ancienne)
cmd-item = Le registre des pièces à conviction : objets, marquages, pièces et photos
cmd-item-add = Ajouter un objet à partir des options, ou du résultat de `identify --json`
arg-item-add-record_id = L'identifiant propre du journal de saisie pour cet objet
arg-item-add-date = AAAA-MM-JJ (avec l'heure si on veut) ou JJ/MM/AAAA
arg-item-add-event = saisie, découverte, remise volontaire, prise, récupérée, perdue, volée
arg-item-add-location = Le lieu, en mots
arg-item-add-lat = Latitude, en degrés décimaux
arg-item-add-lon = Longitude, en degrés décimaux
arg-item-add-kind = arme, munitions ou pièce
arg-item-add-weapon_type = Catégorie de l'IIT (fusil d'assaut, pistolet, ...)
arg-item-add-make = Fabricant, tel que marqué ou connu
arg-item-add-model = Modèle, tel que marqué ou connu
arg-item-add-calibre = Toute graphie courante ; normalisée quand la bibliothèque la connaît
arg-item-add-serial = Tel que lu ; '?' pour chaque caractère illisible
arg-item-add-serial_status = présent, partiel, effacé, absent, inconnu (par défaut : d'après le numéro)
arg-item-add-serial_location = Où le numéro de série a été lu : carcasse, boîte de culasse, canon, glissière, culasse, ...
arg-item-add-country = Pays de fabrication (code ou nom)
arg-item-add-year = Année de fabrication
arg-item-add-quantity = Nombre de cartouches ou de pièces
arg-item-add-headstamp = Marquage de culot des cartouches, tel que lu
arg-item-add-lot = Numéro de lot des munitions
arg-item-add-condition = État de l'objet : fonctionnel, endommagé, incomplet, ...
arg-item-add-unit = Unité qui l'a récupéré (par défaut : celle du poste)
arg-item-add-officer = Agent qui l'a récupéré (par défaut : celui du poste)
arg-item-add-notes = Tout autre élément à consigner
arg-item-add-model_id = Identifiant du modèle dans la bibliothèque, choisi par l'identification
arg-item-add-id_method = Comment il a été identifié : marks (marquages), features (caractéristiques) ou both (les deux)
arg-item-add-id_confidence = élevée, moyenne ou faible (high, medium, low)
arg-item-add-suspected = copy (copie) ou craft (fabrication artisanale)
arg-item-add-illicit_basis = Pourquoi il est illicite (IIT, par. 17 a))
arg-item-add-legal_basis = Le fondement juridique de sa détention et de son traçage
arg-item-add-markings = Un marquage tel que lu (répétable) ; `item mark` enregistre son événement et sa pièce
arg-item-add-from_identify = JSON écrit par `identify --json` : modèle, calibre, marquages et numéro de série en viennent
cmd-item-list = Lister les objets, les plus récents en dernier
arg-item-list-event = Seulement les objets de cet événement (saisie, découverte, ...)
arg-item-list-kind = Seulement les objets de ce genre (arme, munitions, pièce)
arg-item-list-weapon_type = Seulement les objets de ce type (catégorie de l'IIT)
arg-item-list-from = À partir de cette date (AAAA-MM-JJ)
arg-item-list-to = Jusqu'à cette date (AAAA-MM-JJ)
arg-item-list-place = Une partie du lieu
arg-item-list-query = Texte libre : numéro de série, fabricant, modèle, marquages, notes, identifiant du journal
cmd-item-show = Un objet avec ses marquages, pièces, photos, chaîne de traçabilité et historique
arg-item-show-item = Numéro ou UUID de l'objet
cmd-item-print = Une page imprimable (A4) du procès-verbal de saisie : l'objet, ses marquages, les photos des marquages, la chaîne de traçabilité, les demandes de traçage où il figure (identifiant du paquet, SHA-256 du manifeste), des cases pour les signatures
arg-item-print-item = { arg-item-show-item }
arg-item-print-out = Où écrire la page (HTML, de façon atomique) ; l'imprimer ou la convertir en PDF
cmd-item-edit = Modifier des champs ; chaque modification est enregistrée avec qui, quand, l'ancienne et la nouvelle valeur
arg-item-edit-item = { arg-item-show-item }
arg-item-edit-record_id = { arg-item-add-record_id }
arg-item-edit-date = { arg-item-add-date }
arg-item-edit-event = { arg-item-add-event }
arg-item-edit-location = { arg-item-add-location }
arg-item-edit-lat = { arg-item-add-lat }
arg-item-edit-lon = { arg-item-add-lon }
arg-item-edit-kind = { arg-item-add-kind }
arg-item-edit-weapon_type = { arg-item-add-weapon_type }
arg-item-edit-make = { arg-item-add-make }
arg-item-edit-model = { arg-item-add-model }
arg-item-edit-calibre = { arg-item-add-calibre }
arg-item-edit-serial = { arg-item-add-serial }
arg-item-edit-serial_status = { arg-item-add-serial_status }
arg-item-edit-serial_location = { arg-item-add-serial_location }
arg-item-edit-country = { arg-item-add-country }
arg-item-edit-year = { arg-item-add-year }
arg-item-edit-quantity = { arg-item-add-quantity }
arg-item-edit-headstamp = { arg-item-add-headstamp }
arg-item-edit-lot = { arg-item-add-lot }
arg-item-edit-condition = { arg-item-add-condition }
arg-item-edit-unit = { arg-item-add-unit }
arg-item-edit-officer = { arg-item-add-officer }
arg-item-edit-notes = { arg-item-add-notes }
arg-item-edit-model_id = { arg-item-add-model_id }
arg-item-edit-id_method = { arg-item-add-id_method }
arg-item-edit-id_confidence = { arg-item-add-id_confidence }
arg-item-edit-suspected = { arg-item-add-suspected }
arg-item-edit-illicit_basis = { arg-item-add-illicit_basis }
arg-item-edit-legal_basis = { arg-item-add-legal_basis }
arg-item-edit-reason = Pourquoi la modification a été faite
cmd-item-mark = Enregistrer un marquage sur un objet ou l'une de ses pièces
arg-item-mark-item = { arg-item-show-item }
arg-item-mark-text = Le marquage tel que lu, ou en mots ('66 dans un triangle')
arg-item-mark-event = fabrication, importation, épreuve, État, unité, secondaire, neutralisation, autre
arg-item-mark-part = Où il se trouve : boîte de culasse, canon, glissière, culasse, ...
arg-item-mark-component = Numéro de la pièce (d'après `item show`), pour une pièce d'une autre origine
arg-item-mark-legibility = lisible, partiellement lisible, usé, effacé
cmd-item-component = Enregistrer une pièce d'une arme modulaire ou d'origines mêlées
arg-item-component-item = { arg-item-show-item }
arg-item-component-part = canon, glissière, culasse, carcasse supérieure, ...
arg-item-component-make = { arg-item-add-make }
arg-item-component-model = { arg-item-add-model }
arg-item-component-country = { arg-item-add-country }
arg-item-component-serial = { arg-item-add-serial }
arg-item-component-serial_status = { arg-item-add-serial_status }
arg-item-component-notes = { arg-item-add-notes }
cmd-item-photo = Joindre des photos : conservées par SHA-256, jamais modifiées, EXIF lu, une copie réduite dérivée
arg-item-photo-item = { arg-item-show-item }
arg-item-photo-files = Fichiers JPEG ou PNG
arg-item-photo-view = vue d'ensemble, côté gauche, côté droit, dessus, dessous, avant, arrière, marquages, numéro de série, culot, ...
cmd-custody = La chaîne de traçabilité : ajouter un événement, lire celle d'un objet, vérifier la chaîne
arg-custody-item = { arg-item-show-item }
arg-custody-action = saisie, transférée, entreposée, examinée, marquée, détruite, restituée
arg-custody-to = Qui l'a reçu (pour un transfert)
arg-custody-place = Où il se trouve maintenant
arg-custody-note = Une note sur l'événement
arg-custody-at = Quand c'est arrivé, si ce n'est pas maintenant : "2026-03-14 09:30" (UTC sauf décalage indiqué) ou une date ; l'heure de l'enregistrement est conservée à côté
cmd-custody-log = Les événements de la chaîne de traçabilité d'un objet, les plus anciens d'abord
arg-custody-log-item = { arg-item-show-item }
arg-custody-verify-against = Comparer aussi la chaîne de chaque objet avec les têtes de chaîne portées par les paquets qui le concernent : des fichiers de paquets ou des dossiers qui en contiennent, ou `inbox` pour la boîte de réception et la boîte d'envoi du dossier de données
cmd-custody-verify = Vérifier chaque empreinte et chaque lien de tout le journal ; code de sortie 4 en cas d'altération
cmd-import = Importer un journal de saisie avec photos (CSV) dans le registre
arg-import-log = Le journal de saisie : CSV en UTF-8, avec `,` `;` ou une tabulation entre les champs
arg-import-photos = Dossier par rapport auquel les chemins des photos du journal sont donnés
arg-import-map = Table des colonnes (TOML) pour une autre disposition, ou une intégrée : `kobo`, `odk`
arg-import-dry_run = Tout vérifier et tout signaler, ne rien écrire
arg-import-strict = Ne rien importer si une ligne est rejetée
cmd-export = Exporter le registre
cmd-export-csv = Une ligne par objet : les colonnes du modèle, l'identification et l'état de la chaîne de traçabilité
    .long =
        Une ligne par objet : les colonnes du modèle, l'identification et l'état de la chaîne de traçabilité

        Les identifiants qu'un tableur changerait en nombres ou en dates (un numéro 012345, 12E4) sont écrits ="012345", qu'Excel et LibreOffice gardent comme du texte ; --plain les écrit tels quels, pour d'autres outils.
arg-export-csv-out = Écrire ici (de façon atomique) au lieu de la sortie standard
arg-export-csv-delimiter = Le séparateur de champs : ',' (par défaut), ';' (Excel en français et les autres paramètres régionaux à virgule décimale) ou 'tab'
arg-export-csv-plain = Écrire les identifiants tels quels, sans la protection contre le tableur
cmd-export-geojson = Une entité GeoJSON par objet (RFC 7946 : WGS 84, longitude d'abord), pour QGIS
    .long =
        Une entité GeoJSON par objet (RFC 7946 : WGS 84, longitude d'abord), pour QGIS

        Chaque entité porte le type de l'objet, son fabricant, son modèle, son calibre, son numéro de série, son pays de fabrication, l'événement, la date, le lieu et l'état du traçage ; un objet sans coordonnées n'a pas de géométrie.
arg-export-geojson-out = { arg-export-csv-out }
arg-export-geojson-coarsen_km = Déplacer chaque point au centre de sa maille d'une grille de cette largeur en km (0 : lieux exacts)
cmd-keys = Les clés de signature et de déchiffrement de ce poste, et les correspondants de confiance
cmd-keys-init = Créer la clé de signature minisign et la clé de déchiffrement age de ce poste
    .long =
        Créer la clé de signature minisign et la clé de déchiffrement age de ce poste

        Les clés secrètes sont protégées par une phrase secrète, demandée au terminal ou prise dans FIELDTRACE_PASSPHRASE. Elles sont écrites dans <home>/keys, en mode 0600, et jamais affichées.
cmd-keys-show = Afficher l'identifiant de clé et les clés publiques de ce poste
cmd-keys-export = Afficher la clé publique de ce poste au format minisign .pub standard, pour que les correspondants lui fassent confiance
    .long =
        Afficher la clé publique de ce poste au format minisign .pub standard, pour que les correspondants lui fassent confiance

        Avec --out FICHIER.ftkey, écrire plutôt une carte de clés : les deux clés publiques, le nom et l'unité du poste, signés par sa propre clé (la phrase secrète est demandée), et afficher l'empreinte qu'un correspondant compare par téléphone.
arg-keys-export-age = Afficher plutôt le destinataire age (age1...), pour que les correspondants chiffrent pour ce poste
arg-keys-export-out = Écrire la carte de clés signée (.ftkey) dans ce fichier
cmd-keys-trust = Faire confiance à un correspondant (un point de contact national, un autre poste) : accepter ses paquets, lui adresser des demandes
    .long =
        Faire confiance à un correspondant (un point de contact national, un autre poste) : accepter ses paquets, lui adresser des demandes

        Une carte de clés (.ftkey, issue de `keys export --out`) est prise en une fois, sa signature vérifiée, son identifiant de clé et son empreinte affichés pour les comparer par téléphone.
arg-keys-trust-file = La carte de clés du correspondant (.ftkey), ou son fichier de clé publique minisign (.pub)
arg-keys-trust-name = Le nom que les demandes utilisent pour lui (`trace new --to NOM`) ; par défaut, le nom inscrit sur la carte de clés
arg-keys-trust-age = Le destinataire age du correspondant (age1...), pour lui chiffrer les paquets
cmd-keys-list = Lister les correspondants de confiance
cmd-keys-revoke = Révoquer la clé d'un correspondant : ses paquets sont refusés désormais
arg-keys-revoke-name = Le nom du correspondant, tel que `keys list` l'affiche
cmd-trace = Établir, vérifier et signer des demandes de traçage ; les écrire dans la boîte d'envoi ; les montrer en codes QR
cmd-trace-new = Établir une demande de traçage pour des objets et la vérifier avant toute signature
    .long =
        Établir une demande de traçage pour des objets et la vérifier avant toute signature

        La demande porte ce que demande le paragraphe 17 de l'IIT : le caractère illicite et le fondement juridique, les marquages, le type, le calibre, le numéro de série et les photos de chaque objet, et l'usage prévu. Tout ce qui manque ou est faible est listé ; --strict refuse une demande à laquelle manque un contenu obligatoire.
arg-trace-new-items = Numéros ou UUID des objets
arg-trace-new-to = Le correspondant de confiance à qui la demande est destinée (`keys list`)
arg-trace-new-illicit_basis = Pourquoi les armes sont illicites (IIT, par. 17 a)) ; par défaut : d'après les objets
arg-trace-new-legal_basis = Le fondement juridique de la demande (IIT, par. 17 a)) ; par défaut : d'après les objets
arg-trace-new-intended_use = À quoi serviront les informations (IIT, par. 17 c))
arg-trace-new-authority = L'autorité requérante ; par défaut : l'unité de ce poste
arg-trace-new-poc = Point de contact : nom et moyen de le joindre ; par défaut : l'agent de ce poste
arg-trace-new-priority = Dans quel délai une réponse est nécessaire : normale ou urgente ; urgente demande une --justification
arg-trace-new-justification = Pourquoi cette priorité
arg-trace-new-confidentiality = Restrictions de confidentialité sur les informations envoyées et reçues
arg-trace-new-strict = Ne rien créer s'il manque un contenu obligatoire (code de sortie 2)
cmd-trace-export = Signer une demande et écrire son paquet dans la boîte d'envoi
arg-trace-export-id = Numéro de la demande (`trace list`) ou identifiant du paquet
arg-trace-export-encrypt_to = Chiffrer le paquet avec age pour la clé de ce correspondant de confiance (.ftpkt.age)
arg-trace-export-photos = Quelles photos partent en pièces jointes : réduites (les copies JPEG de 1024 px), originales (les originaux, octet pour octet) ou aucune (leurs empreintes restent dans la demande signée)
cmd-trace-qr = Montrer une demande exportée en codes QR (parties à codage fontaine BC-UR du manifeste signé)
    .long =
        Montrer une demande exportée en codes QR (parties à codage fontaine BC-UR du manifeste signé)

        Seul le manifeste signé passe par QR ; les photos suivent par fichier. Sans option de sortie, les parties `ur:` sont affichées une par ligne.
arg-trace-qr-id = { arg-trace-export-id }
arg-trace-qr-out = Écrire un PNG par partie dans ce dossier
arg-trace-qr-gif = Écrire un GIF animé de toutes les parties
arg-trace-qr-sheet = Écrire une feuille texte imprimable des parties `ur:` simples
arg-trace-qr-terminal = Dessiner les codes dans le terminal, l'un après l'autre
arg-trace-qr-extra = Parties mélangées après les simples, pour qu'un lecteur qui manque des images puisse finir
arg-trace-qr-fps = Images par seconde du GIF
cmd-trace-print = Une page imprimable (A4) d'une demande, selon la présentation du paragraphe 17 de l'IIT
    .long =
        Une page imprimable (A4) d'une demande, selon la présentation du paragraphe 17 de l'IIT

        Avec l'identifiant du paquet, le SHA-256 du manifeste et les codes QR du manifeste signé, pour que le papier puisse être vérifié contre le fichier, et des cases pour les signatures.
arg-trace-print-id = { arg-trace-export-id }
arg-trace-print-out = { arg-item-print-out }
cmd-trace-respond = Répondre à une demande de traçage reçue par une réponse signée dans la boîte d'envoi (côté point de contact national)
arg-trace-respond-id = Numéro de la demande reçue (`trace list --received`) ou identifiant du paquet
arg-trace-respond-outcome = Ce que le traçage a établi (IIT, par. 19 à 22) : tracée, non tracée, restreinte, refusée ou intraçable
arg-trace-respond-note = Ce qui a été trouvé, ou pourquoi il n'y a pas de réponse
arg-trace-respond-last_legal_holder = Le dernier détenteur légal de l'arme ou des armes, s'il est connu
arg-trace-respond-transfer_chain = Un maillon de la chaîne des transferts, le plus ancien d'abord ; à répéter pour chacun
cmd-trace-list = Les demandes de traçage et leur état, les plus anciennes d'abord
arg-trace-list-overdue = Seulement les demandes sans accusé de réception ou sans réponse dans les délais (config.toml `[deadlines] acknowledge_days`, `answer_days` ; 14 et 60 jours par défaut)
arg-trace-list-received = Les demandes reçues d'autres postes et leur état (côté point de contact national)
cmd-trace-show = Une demande : son état, son contenu, sa complétude et son paquet
arg-trace-show-id = { arg-trace-export-id }
cmd-packet = Vérifier un paquet hors ligne, afficher son contenu, ou en reconstituer un à partir de codes QR
cmd-packet-verify = Faire toutes les vérifications sur un paquet (.ftpkt ou .ftpkt.age) ; code de sortie 4 s'il en échoue une
arg-packet-verify-file = Le fichier du paquet
arg-packet-verify-pubkey = Vérifier la signature avec cette clé publique minisign au lieu de la liste de confiance
arg-packet-verify-without_attachments = Accepter un paquet qui porte une partie seulement des pièces jointes qu'il liste (un paquet qui n'en porte aucune, le manifeste signé seul comme l'apportent les codes QR, est valide de toute façon, ses pièces jointes en attente)
cmd-packet-show = Vérifier un paquet et afficher ce qu'il dit
arg-packet-show-file = { arg-packet-verify-file }
arg-packet-show-pubkey = { arg-packet-verify-pubkey }
arg-packet-show-without_attachments = { arg-packet-verify-without_attachments }
cmd-packet-assemble = Reconstituer un paquet (sans pièces jointes) à partir d'images de codes QR ou de texte `ur:` scanné
    .long =
        Reconstituer un paquet (sans pièces jointes) à partir d'images de codes QR ou de texte `ur:` scanné

        Les parties peuvent venir dans n'importe quel ordre, en double, et certaines manquer, comme le permettent les codes fontaine.
arg-packet-assemble-images = Images contenant des codes QR (PNG, JPEG, ou un GIF animé)
arg-packet-assemble-ur = Un fichier texte avec une partie `ur:` par ligne (lignes '#' et lignes vides ignorées)
arg-packet-assemble-out = Où écrire le paquet
cmd-inbox = Recevoir des paquets : vérifier, enregistrer une seule fois, mettre en quarantaine les refusés, accuser réception
cmd-inbox-import = Vérifier et enregistrer des fichiers de paquets (.ftpkt, .ftpkt.age) ou tous les paquets d'un dossier
    .long =
        Vérifier et enregistrer des fichiers de paquets (.ftpkt, .ftpkt.age) ou tous les paquets d'un dossier

        Les paquets refusés (signature invalide, expéditeur inconnu, autre destinataire, identifiant de paquet en conflit) sont copiés dans <home>/quarantine/ avec leur motif ; code de sortie 3 s'il y en a. Une demande de traçage reçoit un accusé de réception signé dans la boîte d'envoi.
arg-inbox-import-paths = Fichiers de paquets ou dossiers
cmd-inbox-list = Paquets reçus et refusés
arg-inbox-list-quarantined = Seulement les paquets en quarantaine, avec leurs motifs (`inbox release` prend leur numéro)
cmd-inbox-attach = Recevoir les photos d'un paquet arrivé en plusieurs parties : le manifeste signé par QR, les photos par fichier
    .long =
        Recevoir les photos d'un paquet arrivé en plusieurs parties : le manifeste signé par QR, les photos par fichier

        Chaque fichier (ou chaque fichier d'un dossier) est comparé au SHA-256 et à la taille que liste le manifeste signé ; les fichiers qui ne sont aucun d'eux sont nommés et laissés de côté. Quand le dernier est arrivé, le paquet entier est reconstitué, vérifié, enregistré et fait l'objet d'un nouvel accusé de réception.
arg-inbox-attach-id = Numéro du paquet reçu (`inbox list`) ou identifiant du paquet
arg-inbox-attach-paths = Fichiers de photos ou dossiers
cmd-inbox-release = Recevoir à nouveau un paquet en quarantaine une fois sa cause réglée (la clé de son expéditeur approuvée, par exemple), ou le clore sur décision d'une personne (--dismiss) ; qui et pourquoi sont enregistrés
arg-inbox-release-id = Numéro de quarantaine (`inbox list --quarantined`)
arg-inbox-release-reason = Pourquoi il est libéré : ce qui a été réglé ou décidé
arg-inbox-release-dismiss = Ne pas le recevoir : une personne en a décidé ainsi (un conflit tranché en faveur du paquet déjà reçu, par exemple)
cmd-sync = Copier les paquets de la boîte d'envoi vers un dossier (clé USB, dossier partagé) et y prendre les réponses
    .long =
        Copier les paquets de la boîte d'envoi vers un dossier (clé USB, dossier partagé) et y prendre les réponses

        Sans risque à relancer, à interrompre puis relancer, et sur un dossier partagé par plusieurs postes : les fichiers sont nommés d'après l'identifiant du paquet, écrits sous un nom temporaire, synchronisés sur le disque, renommés, relus et contrôlés par empreinte ; un fichier différent du même nom n'est jamais écrasé, et les paquets destinés à d'autres postes ne sont pas touchés.
arg-sync-to = Le dossier avec lequel synchroniser, ou un concentrateur : `https://HÔTE` (`http://127.0.0.1:PORT` sur une même machine)
cmd-report = Indicateur 16.4.2 des ODD et effectifs récapitulatifs du registre
cmd-report-sdg = ODD 16.4.2 : la part des objets saisis, découverts ou remis pendant la période dont l'origine illicite a été tracée
arg-report-sdg-from = Premier jour (AAAA-MM-JJ) ; le 1er janvier de cette année s'il n'est pas donné
arg-report-sdg-to = Dernier jour, inclus (AAAA-MM-JJ) ; le 31 décembre de cette année s'il n'est pas donné
cmd-report-summary = Les objets par type, pays de fabrication, événement, lieu et mois, et les demandes de traçage
    .long =
        Les objets par type, pays de fabrication, événement, lieu et mois, et les demandes de traçage

        Sans --from ni --to, tous les objets du registre.
arg-report-summary-from = Premier jour (AAAA-MM-JJ), d'après la date de l'événement
arg-report-summary-to = Dernier jour, inclus (AAAA-MM-JJ)
cmd-report-html = Une page HTML autonome : ODD 16.4.2, graphiques, une carte et les demandes de traçage
    .long =
        Une page HTML autonome : ODD 16.4.2, graphiques, une carte et les demandes de traçage

        Rien n'y est téléchargé à l'affichage (ni scripts, ni polices, ni liens) : elle s'ouvre hors ligne dans tout navigateur et peut être envoyée par courriel. Ses chiffres sont ceux de `report sdg --json` et `report summary --json` pour la même période.
arg-report-html-from = { arg-report-sdg-from }
arg-report-html-to = { arg-report-sdg-to }
arg-report-html-out = Où écrire la page (de façon atomique)
arg-report-html-coarsen_km = Placer chaque lieu au centre de sa maille d'une grille de cette largeur en km, car un lieu exact peut mettre des personnes en danger (0 : lieux exacts)
cmd-generate = Écrire les complétions du shell, la page de manuel ou la table de couverture de la référence
arg-generate-what = Quoi écrire : les complétions bash, zsh, fish, powershell ou elvish, la page de manuel (man), la table de couverture (coverage) ou les tables des vocabulaires (vocabulary)
arg-generate-out = Dossier où écrire (par défaut : sur la sortie standard)
cmd-help = Afficher ce message ou l'aide des sous-commandes données
arg-help = Afficher l'aide (plus de détails avec '--help')
    .long = Afficher l'aide (un résumé avec '-h')
arg-version = Afficher la version

## Autres mots

word-id-method-marks = marquages
    .also = marks
word-id-method-features = caractéristiques
word-id-method-both = les deux
    .also = marquages et caractéristiques
word-suspected-copy = copie
word-suspected-craft = artisanale
    .also = artisanal, fabrication artisanale
word-mark-kind-manufacturer = fabricant
word-mark-kind-factory-code = code d'usine
word-mark-kind-country = pays
word-mark-kind-year-code = code d'année
word-mark-kind-year = année
word-mark-kind-proof = poinçon d'épreuve
word-mark-kind-import = importation
word-mark-kind-secondary = secondaire
word-mark-kind-arsenal = arsenal
word-mark-kind-inspector = contrôleur
word-mark-kind-selector = sélecteur
word-mark-kind-model-designation = désignation du modèle
word-mark-kind-serial-format = format de numéro
word-mark-kind-calibre = calibre
word-mark-kind-headstamp = marquage de culot
custody-transfer-needs-to = un transfert demande --to : qui l'a reçu

## Ce qui manquera à un traçage : les avertissements d'un objet

warn-serial-place-unknown = l'endroit où le numéro de série a été lu n'est pas consigné : un traçage a besoin du numéro de la carcasse ou de la boîte de culasse
warn-serial-not-frame = numéro de série lu sur : { $place }, pas sur la carcasse ni la boîte de culasse : les pièces s'échangent, un traçage a besoin du numéro de la carcasse ou de la boîte de culasse
warn-no-iti-marking = aucun marquage au sens de l'IIT consigné : ni fabricant, ni pays, ni numéro de série, ni code d'usine (IIT, par. 8)
warn-serial-obliterated = numéro de série effacé : envisager une révélation par un laboratoire de police scientifique
warn-serial-absent = aucun numéro de série (état absent) : un traçage repose sur les autres marquages et les photos
warn-no-serial = aucun numéro de série consigné : un traçage a besoin du numéro de la carcasse ou de la boîte de culasse (`item edit --serial`, ou --serial-status absent s'il n'y en a pas)
warn-no-mark-photo = aucune photo des marquages ni du numéro de série
warn-mixed-origin = origine mixte : pièces de { $countries }
warn-calibre-kept = calibre conservé tel qu'écrit : { $error }

## Ce qui manque à une demande de traçage (`code` dans --json)

check-no-illicit-nature = le caractère illicite des armes n'est pas indiqué (IIT, par. 17 a)) : --illicit-basis
check-no-legal-basis = aucun fondement juridique indiqué (IIT, par. 17 a)) : --legal-basis
check-no-intended-use = l'usage prévu des informations n'est pas indiqué (IIT, par. 17 c)) : --intended-use
check-no-justification = priorité urgente sans justification : --justification
check-no-confidentiality = aucune restriction de confidentialité indiquée : --confidentiality
check-no-headstamp = aucun marquage de culot ni numéro de lot consigné
check-no-calibre = calibre non consigné
check-no-markings = aucun marquage, fabricant, pays ni numéro de série consigné : rien pour tracer (IIT, par. 17 b))
check-no-type = type non consigné
check-serial-not-frame = numéro de série non lu sur la carcasse ni la boîte de culasse (les pièces s'échangent) : --serial-location
check-serial-obliterated = numéro de série effacé : envisager une révélation par un laboratoire de police scientifique avant le traçage
check-no-serial = aucun numéro de série consigné
check-no-import-mark = aucun marquage d'importation consigné (consigner « aucun vu » avec `item mark OBJET 'aucun vu' --event importation`)
check-no-mark-photo = aucune photo des marquages

## Champs d'un objet, tels que `item show` les nomme

word-field-record_id = identifiant du journal
word-field-date = date
word-field-event = événement
word-field-location = lieu
word-field-lat = latitude
word-field-lon = longitude
word-field-kind = genre
word-field-type = type
word-field-make = fabricant
word-field-model = modèle
word-field-calibre = calibre
word-field-serial = numéro de série
word-field-country = pays
word-field-year = année
word-field-quantity = quantité
word-field-headstamp = culot
word-field-lot = lot
word-field-condition = état
word-field-unit = unité
word-field-officer = agent
word-field-notes = notes
word-field-serial_status = état du numéro
word-field-serial_location = emplacement du numéro
word-field-model_id = id du modèle
word-field-id_method = identifié par
word-field-id_confidence = confiance
word-field-suspected = soupçon
word-field-illicit_basis = caractère illicite
word-field-legal_basis = fondement juridique

## item

item-not-identify-json = { $file } : ce n'est pas le JSON de `identify --json` : { $error }
item-added = Objet { $id } ajouté ({ $uuid })
item-none-match = Aucun objet ne correspond.
item-no-custody = aucun événement de traçabilité
item-serial = n° de série { $serial } ({ $status })
item-heading = Objet { $id } ({ $uuid })
item-recorded = enregistré
item-recorded-by = { $at } par { $by }
item-marks = Marquages
item-mark-on = { " " }sur : { $part }
item-components = Pièces
item-photos = Photos
item-photo-time-unknown = heure inconnue
item-custody = Chaîne de traçabilité
item-no-events = aucun événement
item-changes = Modifications
item-change = { $field } : « { $old } » → « { $new } » par { $by }
item-for-a-trace = Pour un traçage
item-nothing-to-change = rien à modifier : donnez les champs à modifier en options (--serial ..., --model ...)
item-unchanged = Objet { $id } : rien n'a changé (les valeurs étaient déjà celles-là)
item-changed = Objet { $id } : modifié { $fields }
item-mark-reads-as = { " " }(se lit : { $reading })
item-mark-recorded = Objet { $id } : marquage { $mark } enregistré{ $reading }
item-component-recorded = Objet { $id } : pièce { $component } ({ $part }) enregistrée
item-photo-added = { $file } : ajoutée sous { $sha } ({ $width }×{ $height })
item-photo-there = { $file } : déjà présente sous { $sha } ({ $width }×{ $height })
item-printed = Objet { $id } écrit dans { $file } (à imprimer, A4)

## Messages sur la sortie d'erreur

ui-warning = avertissement :
ui-error = erreur :
ui-hint = conseil :
ui-progress = {"{"}bar:30{"}"} {"{"}pos{"}"}/{"{"}len{"}"} { $unit }  {"{"}per_sec{"}"}  {"{"}elapsed{"}"} écoulé, {"{"}eta{"}"} restant

## Erreurs et ce qu'on peut y faire

error-busy = un autre fieldtrace écrit dans ce registre et n'a pas fini à temps ; cette commande n'a rien modifié
error-clash = un autre fieldtrace a enregistré les mêmes données pendant que celui-ci travaillait ; cette commande n'a rien modifié
hint-busy = attendez que l'autre fieldtrace (une importation, une synchronisation) ait fini, puis relancez cette commande : ce qui est déjà enregistré est ignoré
hint-database-said = la base de données a dit : { $detail }
hint-clock = FIELDTRACE_NOW prend une heure RFC 3339, par exemple 2026-11-25T12:00:00Z
hint-config = corrigez { $path }, ou supprimez-le et définissez à nouveau le poste avec `fieldtrace init`
hint-item-list = `fieldtrace item list` montre les objets et leurs numéros
hint-trace-list = `fieldtrace trace list` montre les demandes : donnez un numéro ou un identifiant de paquet
hint-too-new = installez la version plus récente de fieldtrace qui a écrit ce registre
hint-damaged-copy = copiez d'abord tout le dossier de données à part, tel quel : c'est la preuve
hint-damaged-restore = restaurez register.sqlite3 depuis la dernière copie du poste, ou récupérez ce que SQLite peut encore lire : `sqlite3 register.sqlite3 .recover | sqlite3 recovered.sqlite3`
hint-damaged-check = puis vérifiez le résultat dans un dossier de données à lui : `fieldtrace --home COPIE custody verify`
hint-needs-upgrade = copiez le dossier de données dans un endroit accessible en écriture et lancez-y fieldtrace une fois
hint-wrong-passphrase = la phrase secrète est celle donnée à `fieldtrace keys init`
hint-key-damaged = restaurez { $path } depuis la sauvegarde des clés du poste ; la phrase secrète elle-même est correcte
hint-keys-replaced = quelqu'un a remplacé les fichiers de clés dans { $dir } : rien n'est signé avec elles
hint-keys-restore = restaurez les clés propres à ce poste depuis sa sauvegarde ; si le poste a vraiment de nouvelles clés, les correspondants doivent à nouveau leur faire confiance, et c'est `signing_key_id` sous `[keys]` dans config.toml qui les consigne
hint-keys-list = `fieldtrace keys list` montre les correspondants de confiance
error-open-register = impossible d'ouvrir le registre dans { $home }
error-no-station = ce poste n'a pas encore d'identité
hint-no-station = lancez une fois `fieldtrace init --name POSTE --unit UNITÉ --officer NOM`
error-no-keys = ce poste n'a pas encore de clés
hint-no-keys = lancez `fieldtrace keys init`
error-passphrase-needed = une phrase secrète est nécessaire pour { $purpose }
hint-passphrase = définissez { $env }, ou lancez la commande dans un terminal sans --no-input
prompt-passphrase = Phrase secrète pour { $purpose }
error-embedded-library = impossible d'ouvrir la bibliothèque de référence intégrée
error-no-home = pas de dossier personnel pour cet utilisateur : passez --home DOSSIER ou définissez FIELDTRACE_HOME

## init

init-empty = --name, --unit et --officer ne doivent pas être vides
init-already = ce poste est déjà « { $name } » ({ $unit }, { $officer })
hint-init-force = passez --force pour le changer ; les enregistrements antérieurs gardent l'ancienne identité
init-done = Poste « { $name } » ({ $unit }), agent { $officer } : données dans { $home }

## custody

custody-usage = donnez un objet et --action, ou `custody log OBJET`, ou `custody verify`
custody-recorded-as = Objet { $item } : { $action } — enregistré comme événement n° { $id } de la chaîne de traçabilité
custody-none-yet = L'objet { $item } n'a encore aucun événement de traçabilité.
custody-intact = Chaîne de traçabilité intacte : { $events } événements, chaque empreinte et chaque lien vérifiés. Tête { $head }
custody-intact-heads = Chaîne de traçabilité intacte : { $events } événements. Têtes de chaîne reçues : { $problems } problème(s)
custody-tampered = Chaîne de traçabilité ALTÉRÉE : { $problems } problème(s) sur { $events } événements
purpose-signing = déverrouiller la clé de signature de ce poste
purpose-decryption = déverrouiller la clé de déchiffrement de ce poste
purpose-new-keys = protéger les nouvelles clés de ce poste
purpose-key-card = signer la carte de clés de ce poste

## custody verify : ce qui ne va pas dans la chaîne (le genre est un code dans --json, dit en mots ici)

custody-problem-line = { "  " }{ $kind } : { $message }
custody-kind-edited = modifié
custody-kind-reordered = déplacé
custody-kind-inserted = inséré
custody-kind-deleted = supprimé
custody-kind-truncated = tronqué
custody-kind-rewritten = réécrit
custody-kind-diverged = divergent
custody-kind-serial = numéro de série
custody-kind-missing = absent
custody-kind-checkpoint = point de contrôle
custody-problem-event = n° { $id } ({ $action }, objet { $item }, le { $at })
custody-problem-edited = l'événement { $event } a été modifié : son contenu ne correspond plus à son empreinte
custody-problem-out-of-order = l'événement { $event } n'est pas à sa place : dans la chaîne, il vient après le n° { $after }
custody-problem-inserted = { $count ->
        [one] l'événement { $events } a été inséré
       *[other] les événements { $events } ont été insérés
    } : le n° { $id } suit le n° { $follows } dans la chaîne
custody-problem-not-first = l'événement { $event } se présente comme le premier mais ne l'est pas
custody-problem-missing-before = l'événement qui précède { $event } manque : il suit un événement qui n'est plus dans le journal
custody-problem-last-deleted = les derniers événements du journal ont été supprimés : des numéros ont été attribués jusqu'au n° { $issued }, le n° { $last } est le dernier qui reste
custody-problem-head-cut = objet { $item } venant de « { $sender } » : le paquet { $packet } porte { $events } événement(s) de traçabilité, mais le paquet { $earlier } en portait { $most } : la chaîne a été coupée au poste
custody-problem-head-diverged = objet { $item } venant de « { $sender } » : le paquet { $packet } termine ses { $events } événement(s) de traçabilité par { $hash }, le paquet { $earlier } par { $earlier_hash } : la chaîne a été réécrite au poste
custody-problem-item-gone = l'objet { $item } dont traite { $packet } n'est plus dans le registre
custody-problem-item-cut = objet n° { $id } : { $packet } portait { $events } événements de traçabilité, le registre en contient { $held } : des événements ont été supprimés
custody-problem-item-rewritten = objet n° { $id } : son événement de traçabilité n° { $events } n'est pas celui que portait { $packet } (empreinte { $hash }) : la chaîne a été réécrite
custody-problem-serial = objet n° { $id } : numéro de série « { $now } » alors que { $packet } portait « { $then } », et aucune modification n'en est consignée
custody-the-checkpoint = le point de contrôle du { $at }
custody-problem-checkpoint-cut = { $checkpoint } comptait { $events } événements de traçabilité, le registre en contient { $held } : des événements ont été supprimés
custody-problem-checkpoint-rewritten = l'événement de traçabilité n° { $events } n'est pas celui par lequel se termine { $checkpoint } : la chaîne a été réécrite
custody-problem-checkpoint-gone = { $file } manque alors que { $count ->
        [one] { $count } demande a été exportée
       *[other] { $count } demandes ont été exportées
    } : il a été supprimé
checkpoint-too-big = { $file } dépasse { $limit } octets
checkpoint-unreadable = { $file } est illisible : { $error }
checkpoint-not-signed = { $file } n'est pas signé par la clé de ce poste ({ $error }) : il a été altéré

## identify : l'assistant

question-type = Quel type d'arme est-ce ?
question-calibre = Quel est son calibre ? (marqué sur le canon, ou lu sur une cartouche)
question-markings = Quels marquages pouvez-vous lire ? (tels qu'imprimés, ou en mots : '66 dans un triangle')
question-serial = Numéro de série tel que lu ? ('?' pour chaque caractère illisible, 'effacé' s'il a été meulé)
question-volunteered = (donné sans être demandé)
wizard-leading = en tête : { $names }
wizard-dont-know = Je ne sais pas
wizard-back = ← Revenir à la question précédente
wizard-other = Autre (le taper)
wizard-calibre-as-marked = Calibre tel que marqué
wizard-marks-help = plusieurs : séparer par ' | ' ; 'effacé' s'ils ont été effacés ; vide s'il n'y en a pas ; '<' pour revenir
wizard-text-help = vide si vous ne pouvez pas le lire ; '<' pour revenir
wizard-add = Ajouter cette arme au registre ?
wizard-how-recovered = Comment a-t-elle été récupérée ?
wizard-date = Date (AAAA-MM-JJ ou JJ/MM/AAAA)
wizard-where = Lieu (vide s'il n'est pas connu)
wizard-repeat = Répétez-la
wizard-differ = Les deux saisies diffèrent ; recommencez
wizard-not-recorded = { $error } ; l'identification ci-dessus n'est pas enregistrée (conservez-la avec --json et `item add --from-identify` une fois le poste configuré)
wizard-obliterated-words = effacé, effacés, efface, effaces, oblitéré, illisible

## identify : le résultat

identify-no-facts = aucun fait donné : passez --type, --calibre, --marking, --feature ou --serial, utilisez --answers FICHIER, ou lancez la commande dans un terminal pour répondre aux questions
identify-answers-unreadable = impossible de lire le fichier de réponses { $file }

## identify --answers : un fichier de réponses inutilisable (`$found` est le nom TOML d'un type)
answers-syntax = fichier de réponses : { $detail }
answers-field = fichier de réponses : « { $key } » : { $reason }
answers-no-such-question = cette question n'existe pas ; questions connues : { $known }
answers-no-such-question-near = cette question n'existe pas ; vouliez-vous dire { $near } ?
answers-mark-not-text = chaque marquage doit être une chaîne de caractères
answers-not-text = une chaîne de caractères était attendue, trouvé : { $found }
identify-answers = Réponses
identify-answer-obliterated = marquages effacés
identify-answer-dont-know = je ne sais pas
identify-no-match = Aucun modèle de la bibliothèque ne correspond à ces faits. Les plus proches, du meilleur au moins bon
identify-candidates = Candidats, du meilleur au moins bon
identify-none = aucun : aucun modèle de la bibliothèque ne correspond à ces faits
identify-documented-in = documenté en/au : { $places }
identify-score = score { $score } · confiance { $confidence }, d'après : { $basis } · { $id }
identify-marks = Marquages
identify-serial = Numéro de série
identify-serial-line = « { $input } » : { $status }, lisible « { $legible } »
identify-serial-fits = correspond à { $meaning } [{ $confidence }]
identify-uncertain = Encore incertain
identify-photos = Photos à prendre
identify-next-question = Question suivante la plus utile
identify-answer-with = répondez avec --feature { $field }=VALEUR ou l'option correspondante, ou lancez la commande dans un terminal
word-basis-marks = marquages
word-basis-features = caractéristiques
word-basis-marks-and-features = marquages et caractéristiques
word-basis-none = rien
word-flag-closest = le plus proche
word-flag-craft = artisanale
word-flag-copy = copie
word-flag-variant-unknown = variante inconnue
word-field-markings = marquages

## trace

error-cannot-read = impossible de lire { $file }
trace-no-reduced-copy = photo { $sha } : pas de copie réduite ({ $error }) ; l'original partira
trace-printed = Demande { $id } écrite dans { $file } (à imprimer, A4)
trace-complete = Complète : rien de ce que demande le paragraphe 17 de l'IIT ne manque.
trace-before-signing = Avant la signature
trace-finding = { $level } : { $message }
trace-finding-item = { $level } (objet { $item }) : { $message }

## trace : une demande qui ne peut être faite ou exportée comme demandé
trace-no-such-peer = aucun correspondant de confiance nommé « { $name } »
hint-trace-no-such-peer = `fieldtrace keys list` les affiche, `keys trust FICHIER --name NOM` en ajoute un
trace-peer-revoked = la clé de « { $name } » est révoquée : plus rien ne lui est envoyé
trace-peer-key-changed = la clé de « { $name } » a changé depuis la création de la demande { $id }
hint-trace-make-new = faites une nouvelle demande
trace-already-signed = la demande { $id } a déjà été signée (photos : { $photos }) sous le manifeste { $manifest } ; un paquet envoyé n'est jamais modifié
hint-trace-same-photos = exportez-la avec les mêmes --photos, ou faites une nouvelle demande
inbox-no-such-request = aucune demande reçue « { $reference } »
inbox-no-such-quarantined = aucun paquet en quarantaine n° { $id }
word-level-missing = manquant
word-level-weak = insuffisant
trace-strict-missing = il manque à la demande { $missing } élément(s) obligatoire(s) ; rien n'a été créé (--strict)
trace-created = Demande de traçage { $id } pour « { $to } » (paquet { $packet }, séq. { $seq }) : { $items } objet(s), contenu de { $bytes } octets
trace-next-export = Ensuite : `fieldtrace trace export { $id }` la signe dans la boîte d'envoi.
trace-encrypted-to = , chiffrée pour « { $name } »
trace-signed = Demande de traçage { $id } pour « { $to } » signée dans { $file } ({ $bytes } octets{ $sealed } ; { $attachments } pièce(s) jointe(s))
trace-manifest = Manifeste de { $bytes } octets, SHA-256 { $sha }
word-answer-dont-know = je ne sais pas
    .also = ne sais pas, inconnu, inconnue, nsp
trace-qr-part = Partie { $part } sur { $count }
trace-qr-parts = { $count } parties ({ $plain } simples + { $mixed } mélangées) d'un manifeste signé de { $bytes } octets
trace-qr-wrote = écrit : { $file }
trace-none-overdue = Aucune demande de traçage en retard.
trace-none-yet = Pas encore de demande de traçage : `fieldtrace trace new OBJET... --to NOM`.
trace-overdue = { $why } après { $days } jours : la renvoyer
trace-not-signed = pas encore signée
trace-list-to = à { $to } objets { $items }
trace-none-received = Aucune demande de traçage reçue pour l'instant : `fieldtrace sync --to DOSSIER` ou `inbox import`.
trace-received-line = de { $from } { $items } objet(s), reçue le { $at }
trace-photos-pending = , { $count } photo(s) en attente (`inbox attach`)
trace-answered = , réponse : { $outcome }
trace-show-heading = Demande de traçage { $id } ({ $packet }), { $status }
trace-show-to = à
trace-show-to-key = { $to } (clé { $key })
trace-show-items = objets
trace-show-created = créée
trace-show-created-by = { $at } par { $by } (séq. { $seq })
trace-show-gone = { " " }(plus dans la boîte d'envoi)
trace-show-exported = exportée
trace-show-exported-to = { $at } vers { $file }{ $state }
trace-show-encrypted = chiffrée
trace-show-encrypted-to = pour « { $to } »
trace-show-manifest = manifeste
trace-show-missing = , manquant : { $missing }
trace-show-waiting = , en attente de { $count } photo(s) par fichier
trace-show-receipt = réception
trace-show-at = { $what } le { $at }
trace-show-answer = réponse
trace-show-body = Contenu
trace-responded = Réponse de traçage { $packet } ({ $outcome }) signée pour « { $to } », demande { $request }, dans { $file }
trace-responded-next = Ensuite : `fieldtrace sync --to DOSSIER` l'apporte au poste demandeur.
word-request-status-draft = brouillon
word-request-status-exported = exportée
word-request-status-sent = envoyée
word-request-status-acknowledged = reçue par le destinataire
word-request-status-incomplete = incomplète
word-request-status-rejected = rejetée
word-request-status-answered = répondue
word-overdue-not-acknowledged = sans accusé de réception
word-overdue-not-answered = sans réponse
decode-no-reading = aucune lecture pour « { $text } »{ $suggestions }
did-you-mean = { " " }(vouliez-vous dire { $options } ?)

## Les erreurs du registre

reg-database = base de données du registre : { $error }
reg-unknown-item = pas d'objet « { $item } » dans le registre
reg-unknown-request = pas de demande de traçage « { $id } »
reg-too-new = le registre a été écrit par une version plus récente de fieldtrace (schéma { $found }, celle-ci connaît { $known })
reg-damaged = le registre { $path } est endommagé ({ $detail }) ; rien n'y est écrit
reg-needs-upgrade = le registre { $path } est sur un support en lecture seule et a été écrit par une version plus ancienne de fieldtrace (schéma { $found }, celle-ci a besoin de { $known }) : il ne peut pas y être mis à jour
reg-read-only = le registre a été ouvert en lecture seule pour cette commande, qui ne doit pas écrire

## report html : le rapport HTML

report-title = rapport fieldtrace du { $from } au { $to }
report-h1 = Armes récupérées, du { $from } au { $to }
report-meta = Poste { $station }. Établi le { $at } par fieldtrace. Objets comptés d'après la date de l'événement.
report-sdg = Indicateur 16.4.2 des ODD
report-sdg-lead = { " " }des armes saisies, découvertes ou remises dont l'origine illicite a été tracée :{ " " }
report-sdg-traced = { " " }tracées (numérateur) sur{ " " }
report-sdg-recovered = { " " }récupérées (dénominateur).
report-th-event = événement
report-th-recovered = récupérées
report-th-traced = tracées
report-th-share = part
report-beside = À côté de l'indicateur, sans y être comptés : { $ammo } lot(s) de munitions ({ $ammo_traced } tracé(s)), { $parts } pièce(s) détachée(s) ({ $parts_traced } tracée(s)).
report-over-time = Objets dans le temps
report-in-period = { $items } objet(s) dans la période, par mois de l'événement.
report-chart-month = Objets par mois
report-by-type = Par type
report-chart-type = Objets par type
report-by-country = Par pays de fabrication
report-chart-country = Objets par pays de fabrication
report-by-event = Par événement
report-chart-event = Objets par événement
report-by-place = Par lieu
report-chart-place = Objets par lieu
report-map = Carte des lieux de récupération
report-requests = Demandes de traçage
report-requests-meta = Toutes les demandes faites par ce poste, telles qu'elles sont aujourd'hui.
report-chart-funnel = Demandes de traçage par étape
report-chart-outcome = Demandes ayant reçu réponse, par résultat
report-overdue = Demandes en retard
report-none = Aucune.
report-th-request = demande
report-th-recipient = destinataire
report-th-waiting = en attente de
report-th-days = jours
report-note = Fond de carte : réalisé avec Natural Earth (domaine public), terres au 1:110m. Les mêmes chiffres en données : fieldtrace report sdg --json et fieldtrace report summary --json, avec les mêmes --from et --to.
report-located = { $items } objet(s) avec coordonnées dans la période, en { $places } lieu(x)
report-coarsened = , chacun déplacé au centre de sa maille de { $km } km (--coarsen-km)
report-exact = , à leurs lieux exacts (--coarsen-km 0)
report-world = Monde
report-region = Région
report-items = { $items } objet(s)
word-funnel-drafted = rédigées
word-funnel-sent = envoyées
word-funnel-acknowledged = reçues par le destinataire
word-funnel-answered = ayant reçu réponse

## Pages imprimables : une demande de traçage, un procès-verbal de saisie

print-kind = Genre
print-type = Type
print-manufacturer = Fabricant
print-model = Modèle
print-calibre = Calibre
print-serial-number = Numéro de série
print-country-of-manufacture = Pays de fabrication
print-year-of-manufacture = Année de fabrication
print-quantity = Quantité
print-headstamp = Marquage de culot
print-lot = Lot
print-markings = Marquages
print-recovered = Récupération
print-suspected = Soupçon
print-photos-sha-256 = Photos (SHA-256)
print-request = Demande
print-packet-id = Identifiant du paquet
print-manifest-sha-256 = SHA-256 du manifeste
print-addressed-to = Destinataire
print-drafted = Rédigée
print-signed = Signée
print-printed = Imprimé
print-requesting-authority = Autorité requérante
print-point-of-contact = Point de contact
print-illicit-nature-of-the-weapons = Caractère illicite des armes
print-legal-basis-of-the-request = Fondement juridique de la demande
print-intended-use = Usage prévu
print-priority = Priorité
print-justification-of-urgency = Justification de l'urgence
print-confidentiality = Confidentialité
print-item-uuid = UUID de l'objet
print-registered = Enregistré
print-record-id-seizure-log = Identifiant (journal de saisie)
print-event = Événement
print-date = Date
print-place = Lieu
print-latitude = Latitude
print-longitude = Longitude
print-serial-status = État du numéro de série
print-serial-location = Emplacement du numéro de série
print-condition = État
print-unit = Unité
print-officer = Agent
print-notes = Notes
print-h1-request = Demande de traçage (Instrument international de traçage, par. 17)
print-draft = PROJET : non signé, non envoyé. Le papier d'une demande signée porte le SHA-256 de son manifeste et ses codes QR.
print-h2-a = a) Autorité requérante, caractère illicite et fondement juridique
print-h2-b = b) Identification des armes
print-h2-c = c) Usage prévu des informations, urgence, confidentialité
print-h2-qr = Le manifeste signé en codes QR
print-h2-signature = Signature
print-requesting-officer = Agent requérant (nom, grade, signature, date)
print-authorising-officer = Autorité qui autorise (nom, grade, signature, cachet)
print-h2-marks = Marquages
print-none-recorded = Aucun consigné.
print-h2-photos = Photos des marquages
print-none = Aucune.
print-photo-missing = fichier photo introuvable
print-h2-custody = Chaîne de traçabilité
print-no-custody = Aucun événement de traçabilité consigné.
print-h2-requests = Demandes de traçage
print-seizing-officer = Agent saisissant (nom, grade, signature, date)
print-received-by = Reçu par (nom, grade, signature, date)
print-title-request = Demande de traçage { $id } { $packet }
print-sequence = { $id } (séquence { $seq })
print-by = { $at } par { $by }
print-scan-1 = Scannez les { $count } code(s) dans n'importe quel ordre avec{ " " }
print-scan-2 = { " " }(ou{ " " }
print-scan-3 = { " " }du texte scanné) pour vérifier ce papier contre le fichier signé.
print-qr-part = partie QR { $part }
print-part-of = partie { $part } sur { $count }
print-title-item = Procès-verbal de saisie, objet { $id }
print-h1-item = Procès-verbal de saisie : objet { $id }
print-th-mark = marquage
print-th-event = événement
print-th-part = pièce
print-th-legibility = lisibilité
print-th-when = quand
print-th-action = action
print-th-to-place = à / lieu
print-th-by = par
print-th-hash = empreinte
print-th-request = demande
print-th-packet = identifiant du paquet
print-th-manifest = SHA-256 du manifeste
print-not-signed = projet, non signé
print-serial-at = { $serial } ({ $status }, sur : { $at })
print-item = Objet { $number }

## report

report-not-set-up = (non configuré)
report-written = Rapport du { $from } au { $to } ({ $items } objets) écrit dans { $file }
report-sdg-heading = ODD 16.4.2, du { $from } au { $to } : armes saisies, découvertes ou remises dont l'origine illicite a été tracée
report-total = total
report-beside-heading = À côté de l'indicateur, sans y être comptés :
report-ammunition-lots = lots de munitions
report-loose-components = pièces détachées
report-recovered-traced = { $recovered } récupéré(s), { $traced } tracé(s)
report-summary-period = { $items } objet(s) récupéré(s) ou signalé(s) du { $from } au { $to }
report-summary-all = { $items } objet(s) dans le registre
report-by = Par { $group }
report-funnel = rédigées { $drafted }, envoyées { $sent }, reçues par le destinataire { $acknowledged }, ayant reçu réponse { $answered }
report-overdue-line = en retard : demande { $id } à { $to } ({ $why }, { $days } jours)
word-group-type = type
word-group-country-of-manufacture = pays de fabrication
word-group-event = événement
word-group-place = lieu
word-group-month = mois

## keys

error-cannot-write = impossible d'écrire { $file }
keys-created = Clés créées dans { $dir } : clé de signature { $key } (minisign), clé de déchiffrement { $age } (age)
keys-created-next = Donnez votre carte de clés aux correspondants (`fieldtrace keys export --out poste.ftkey`) et lisez-leur son empreinte par téléphone ; gardez la phrase secrète en lieu sûr : elle ne peut pas être récupérée.
keys-show-id = id de clé
keys-show-dir = dossier
keys-card-written = Écrit { $file } : « { $name } » ({ $unit }), id de clé { $key }, empreinte { $fingerprint }
keys-card-next = Donnez le fichier au correspondant (`keys trust FICHIER`) et lisez-lui l'empreinte par téléphone.
keys-age-mismatch = --age { $age } n'est pas la clé age que porte la carte { $file }
keys-pub-needs-name = { $file } : un fichier .pub demande --name
hint-keys-card = ou faites confiance à la carte de clés du correspondant : `keys export --out poste.ftkey` chez lui
keys-own-key = { $file } est la propre clé de ce poste ({ $key })
keys-card-of = Carte de clés de « { $name } » ({ $unit }) : id de clé { $key }, empreinte { $fingerprint }
keys-compare-fingerprint = Comparez l'empreinte par téléphone avec celle que son poste a lue ; `keys revoke` si elles diffèrent.
keys-can-encrypt = les paquets peuvent lui être chiffrés
keys-cannot-encrypt = pas de clé age : les paquets ne peuvent pas lui être chiffrés (ajoutez --age)
keys-trusted = Correspondant de confiance « { $name } » : clé de signature { $key } ; { $encrypt }
keys-trust-list-unreadable = impossible de lire la liste de confiance
keys-no-peers = Aucun correspondant de confiance pour l'instant : `fieldtrace keys trust FICHIER --name NOM`.
keys-no-age = pas de clé age
keys-revoked-mark = RÉVOQUÉ
keys-revoked = Clé de « { $name } » révoquée : ses paquets sont refusés désormais
item-bad-view = vue : { $error }

## ref

ref-nothing = Rien dans la bibliothèque ne correspond à « { $query } ».
ref-shown-of = { $shown } sur { $total } affichés : --limit N ou --all pour plus, ou affinez avec --type, --calibre, --country, --kind
ref-found = { $total } trouvé(s)
ref-show-hint = `fieldtrace ref show ID` donne une entrée avec ses sources.
ref-sources = Sources
ref-library = Bibliothèque de référence { $version }
ref-models = modèles
ref-markings = profils de marquage
ref-manufacturers = fabricants
ref-calibres = calibres
ref-headstamps = marquages de culot
ref-countries = pays
ref-sources-count = sources
ref-check-summary = { $files } fichiers, { $entries } entrées, { $examples } exemples : { $problems ->
    [0] aucun problème
    [one] 1 problème
   *[other] { $problems } problèmes
}
word-entry-kind-model = modèle
word-entry-kind-marking = marquage
word-entry-kind-headstamp = marquage de culot
word-entry-kind-calibre = calibre
word-entry-kind-manufacturer = fabricant
word-entry-kind-country = pays
word-entry-kind-source = source
word-entry-kind-trait = caractéristique

## packet

packet-packet = paquet
packet-signed-by = signé par « { $name } » ({ $key })
packet-signed-by-unknown = signé par une clé inconnue { $key }
packet-signer-unknown = signataire inconnu
packet-valid-pending = VALIDE { $what }, { $signer } : signature valide, { $pending } pièce(s) jointe(s) en attente ({ $present }/{ $expected } présente(s), { $ok } correcte(s)) ; elles sont vérifiées contre le manifeste signé à leur arrivée (`inbox attach`)
packet-valid = VALIDE { $what }, { $signer } ; pièces jointes { $present }/{ $expected } présentes, { $ok } correctes
packet-invalid = INVALIDE { $file } : { $what }, { $signer }
packet-from = de
packet-from-key = { $name } ({ $unit }), clé { $key }
packet-to = à
packet-to-key = { $name }, clé { $key }
packet-seq = séq.
packet-created = créé
packet-corrects = corrige
packet-manifest = manifeste
packet-attached = joint
packet-attachment = { $sha } { $media } ({ $bytes } octets)
packet-assembled = Assemblé { $file } ({ $bytes } octets) à partir de { $parts } partie(s), { $ignored } ignorée(s) ; les photos, s'il y en a, suivent par fichier
ref-empty-query = la recherche est vide : donnez un nom, un code, un calibre ou un mot à chercher
ref-not-found = pas d'entrée de référence d'identifiant « { $id } »{ $suggestions }
ref-unknown-calibre = calibre inconnu « { $input } »{ $suggestions }
ref-ambiguous-calibre = « { $input } » s'écrit pour plusieurs calibres ; précisez lequel : { $options }
ref-unknown-value = { $field } inconnu(e) : « { $value } »{ $suggestions }
export-written = { $rows } objets écrits dans { $file }
word-field-feature = caractéristique
word-field-dont-know = --dont-know

## Les erreurs des clés

key-already = ce poste a déjà des clés dans { $dir } ; elles ne sont jamais remplacées sans le dire
key-not-initialised = ce poste n'a pas encore de clés dans { $dir } : lancez `fieldtrace keys init`
key-empty-passphrase = une phrase secrète vide ne peut pas protéger une clé secrète
key-wrong-passphrase = phrase secrète erronée pour { $path }
key-damaged = { $path } est endommagé : la phrase secrète est la bonne (elle ouvre { $other }) mais ce fichier ne se déchiffre pas
key-replaced = les fichiers de clés dans { $dir } ne sont pas ceux de ce poste : `keys init` a consigné la clé de signature { $recorded }, les fichiers contiennent { $found }
key-bad-file = { $path } n'est pas un fichier de clé valide : { $reason }
key-bad-public = ce n'est pas une clé publique minisign : { $reason }
key-bad-recipient = ce n'est pas un destinataire age (age1...) : « { $value } »
key-duplicate-name = un correspondant nommé « { $name } » est déjà de confiance
key-duplicate-key = la clé { $key } est déjà de confiance sous le nom « { $name } »
key-unknown-peer = aucun correspondant de confiance nommé « { $name } »
key-generate = la génération des clés a échoué : { $reason }

## inbox

sync-packets-unit = paquets
inbox-ack-in-outbox = ; accusé de réception { $ack } dans la boîte d'envoi
inbox-pending-follow = ; { $count } pièce(s) jointe(s) en attente, à suivre par fichier (`inbox attach`)
inbox-imported = { $packets } paquet(s) : { $stored } enregistré(s), { $duplicate } doublon(s), { $rejected } rejeté(s), { $quarantined } en quarantaine
inbox-received = Reçus
inbox-pending = { $count } pièce(s) jointe(s) en attente
inbox-from = de { $from }
inbox-quarantined = En quarantaine
inbox-released = { $outcome } par { $by } le { $at } : { $reason }
inbox-unmatched = { $file } : ce n'est aucune des pièces jointes qu'attend le paquet { $packet } (empreinte ou taille différente)
inbox-complete = Réception { $inbox } : toutes les pièces jointes sont arrivées et vérifiées contre le manifeste signé ; paquet { $packet } complet{ $ack }
inbox-partly = Réception { $inbox } : { $taken } pièce(s) jointe(s) prise(s), { $pending } encore en attente
inbox-still-refused = Le paquet en quarantaine n° { $id } est toujours refusé : { $code } : { $detail }
inbox-release-outcome = Paquet en quarantaine n° { $id } : { $outcome }
word-received-stored = enregistré
word-received-duplicate = doublon
word-received-rejected = rejeté
word-received-quarantined = en quarantaine
word-received-not-ours = pas pour nous
word-received-seen = déjà vu
word-release-released = libéré
word-release-dismissed = écarté
word-release-still-refused = toujours refusé
word-release-received = reçu

## Packet refusals (src/packet): the sentence after a reason code, which stays the same
packet-err-entry-name = « { $name } » : { $error }
packet-err-too-large = le paquet fait { $bytes } octets, au-delà de la limite de { $limit }
packet-err-not-blocks = le paquet fait { $bytes } octets, ce qui n'est pas un nombre entier de blocs tar
packet-err-ends-before-end = le paquet s'arrête avant les blocs de fin d'archive
packet-err-too-many-members = le paquet contient plus de { $limit } éléments
packet-err-member-too-large = l'élément « { $name } » fait { $bytes } octets, au-delà de la limite de { $limit }
packet-err-member-cut = l'élément « { $name } » est tronqué
packet-err-header-not-ours = l'en-tête de « { $name } » n'est pas celui qu'écrit fieldtrace
packet-err-padding = le remplissage après « { $name } » n'est pas nul
packet-err-twice = « { $name } » figure deux fois
packet-err-order = « { $name } » vient après un élément qu'il doit précéder : un paquet contient manifest.json, manifest.json.minisig, puis ses pièces jointes par empreinte (docs/packets.md)
packet-err-no-manifest = le paquet ne contient pas de manifest.json
packet-err-no-signature = le paquet ne contient pas de manifest.json.minisig
packet-err-ends-inside-end = le paquet s'arrête au milieu des blocs de fin d'archive
packet-err-member-after-end = un élément suit un bloc de fin d'archive
packet-err-trailing = { $bytes } octets suivent la fin de l'archive
packet-err-checksum = l'en-tête tar à l'octet { $pos } a une somme de contrôle erronée
packet-err-not-ustar = l'en-tête tar à l'octet { $pos } n'est pas au format ustar
packet-err-link = « { $name } » est un lien
packet-err-not-file = « { $name } » n'est pas un fichier ordinaire (type « { $kind } »)
packet-err-size = la taille de « { $name } » est mal formée
packet-err-name-not-utf8 = le nom d'élément { $name } n'est pas en UTF-8
packet-err-absolute = l'élément « { $name } » est un chemin absolu
packet-err-leaves-root = l'élément « { $name } » sort de la racine du paquet
packet-err-unknown-member = l'élément « { $name } » n'est ni manifest.json, ni manifest.json.minisig, ni attachments/<sha256>
packet-err-station-key = le manifeste désigne la clé de station { $named }, mais la clé de signature est { $key }
packet-err-attachment-length = la pièce jointe { $sha } ne fait pas { $bytes } octets
packet-err-attachment-not-given = la pièce jointe { $sha } est listée mais n'a pas été fournie
packet-err-attachment-not-listed = la pièce jointe { $sha } a été fournie mais le manifeste ne la liste pas
packet-err-age = age : { $error }
packet-err-not-age = le fichier n'est pas un fichier chiffré par age (forme binaire)
packet-err-age-header-long = l'en-tête age ne se termine pas dans les { $limit } premiers octets
packet-err-age-stanzas = l'en-tête age compte { $count } destinataires, au-delà de la limite de { $limit }
packet-err-age-header = en-tête age : { $error }
packet-err-not-for-us = le paquet n'est pas chiffré pour la clé de ce poste
packet-err-plaintext-too-large = le paquet déchiffré dépasse la limite de { $limit } octets
packet-err-manifest = manifeste : { $error }
packet-err-manifest-too-large = le manifeste fait { $bytes } octets, au-delà de la limite de { $limit }
packet-err-manifest-not-utf8 = le manifeste n'est pas en UTF-8 : { $error }
packet-err-format = le format « { $format } » n'est pas { $known }
packet-err-no-format = le manifeste n'indique aucun format
packet-err-not-canonical = le manifeste n'est pas en JSON canonique (RFC 8785)
packet-err-not-uuid7 = packet_id { $id } n'est pas un UUIDv7
packet-err-seq = seq { $seq } est trop grand
packet-err-created-at = created_at « { $at } » n'est pas une date RFC 3339 en UTC
packet-err-body-not-object = body n'est pas un objet JSON
packet-err-attachment-hash = l'empreinte sha256 de pièce jointe « { $sha } » ne compte pas 64 chiffres hexadécimaux en minuscules
packet-err-attachment-path = le chemin de pièce jointe « { $path } » n'est pas { $dir }<sha256>
packet-err-attachment-too-large = la pièce jointe { $sha } est trop volumineuse
packet-err-attachment-no-media = la pièce jointe { $sha } n'a pas de media_type
packet-err-attachment-twice = la pièce jointe { $sha } est listée deux fois
packet-err-key-generation = génération de clé : { $error }
packet-err-secret-key = la clé secrète est verrouillée ou ne correspond pas à la clé publique
packet-err-public-key = clé publique : { $error }
packet-err-signing = signature : { $error }
packet-err-signature = signature : { $error }
packet-err-key-id = l'identifiant de clé est mal formé
packet-err-signed-by-other = le manifeste désigne la clé { $key }, mais la signature est d'une autre clé
packet-err-trusted-comment = commentaire de confiance : { $error }
packet-err-comment-mismatch = le commentaire de confiance « { $comment } » ne correspond pas au manifeste
packet-err-signature-too-large = le fichier de signature dépasse 1 Kio
packet-err-signature-not-utf8 = la signature n'est pas en UTF-8
packet-err-not-minisign = ce n'est pas une signature minisign : { $error }
packet-err-legacy-signature = les anciennes signatures minisign (non préhachées) sont refusées
packet-err-untrusted-comment = commentaire non fiable : { $error }
packet-err-untrusted-not-ours = le commentaire non fiable n'est pas celui qu'écrit fieldtrace
packet-err-signature-form = le fichier de signature n'a pas la forme qu'écrit fieldtrace
packet-err-unknown-key = la clé { $key } (« { $name } ») n'est pas dans la liste de confiance
packet-err-revoked = la clé de « { $name } » a été révoquée
packet-err-wrong-recipient = le paquet est destiné à « { $name } » (clé { $key }), pas à ce poste (clé { $own })
packet-err-attachment-missing = la pièce jointe { $sha } ({ $media }) manque
packet-err-attachment-differs = la pièce jointe { $sha } n'a pas la taille et l'empreinte que liste le manifeste
packet-err-attachment-unlisted = la pièce jointe { $sha } ne figure pas dans le manifeste

## sync : le bilan, et pourquoi un paquet n'a pas pu partir ou a été refusé (src/sync, src/hub/client.rs)
sync-summary =
    Synchronisation avec { $destination } : { $copied ->
        [one] { $copied } paquet copié
       *[other] { $copied } paquets copiés
    }, { $there ->
        [one] { $there } déjà présent
       *[other] { $there } déjà présents
    }, { $failed } en échec ; reçus : { $stored ->
        [one] { $stored } enregistré
       *[other] { $stored } enregistrés
    }, { $duplicate ->
        [one] { $duplicate } doublon
       *[other] { $duplicate } doublons
    }, { $rejected ->
        [one] { $rejected } rejeté
       *[other] { $rejected } rejetés
    }, { $quarantined } en quarantaine
sync-send-failed = paquet { $packet } : { $error }
sync-received-why = { " " }: { $reason } : { $detail }
packet-error-line = { $code } : { $message }
word-packet-kind-trace-request = demande de traçage
word-packet-kind-acknowledgement = accusé de réception
word-packet-kind-trace-response = réponse de traçage
word-packet-kind-seizure-report = rapport de saisie
sync-hub-unreachable-hint = vérifiez l'adresse, et que le concentrateur tourne (`fieldtrace hub serve` là-bas)
sync-refused-file-too-large = le fichier dépasse { $limit } octets
sync-refused-received-before = le paquet { $packet } a déjà été reçu avec le manifeste { $earlier } ; celui-ci est { $sha }
sync-refused-own-packet = le paquet { $packet } est un paquet envoyé par ce poste
sync-refused-ack-unknown = accuse réception du paquet { $packet }, que ce poste n'a jamais envoyé
sync-refused-ack-sender = le paquet { $packet } a été envoyé à la clé { $to }, mais c'est la clé { $key } qui en accuse réception
sync-refused-ack-manifest = accuse réception du manifeste { $sha }, mais le paquet { $packet } a été envoyé sous { $sent }
sync-refused-response-unknown = répond à la demande { $request }, que ce poste n'a jamais envoyée
sync-refused-response-sender = la demande { $request } a été adressée à la clé { $to }, mais c'est la clé { $key } qui y répond
sync-refused-response-manifest = répond au manifeste { $sha }, mais la demande { $request } a été envoyée sous { $sent }
sync-signing-locked = la clé de signature n'est pas déverrouillée
sync-decryption-locked = la clé de déchiffrement n'est pas déverrouillée
sync-not-a-folder = { $dir } n'est pas un dossier
sync-not-a-folder-hint = montez la clé USB ou créez d'abord le dossier partagé
sync-cannot-resolve = impossible de résoudre le chemin { $dir }
sync-outbox-no-name = une entrée de la boîte d'envoi sans nom de fichier
sync-different-file = { $file } contient un autre fichier ; il n'est pas écrasé
sync-cannot-read-back = impossible de relire { $file }
sync-medium-failing = { $file } ne se relit pas tel qu'écrit : le support est défaillant
sync-too-large-for = { $file } : trop volumineux pour { $what }
sync-a-public-key = un fichier de clé publique
sync-encrypted-no-keys = le paquet est chiffré et ce poste n'a pas de clés pour l'ouvrir
sync-encrypted-no-keys-hint = `fieldtrace keys init` les crée
sync-larger-than-packet = { $file } est plus volumineux que ne peut l'être un paquet
sync-larger-than-attachment = { $file } est plus volumineux que ne peut l'être une pièce jointe
sync-not-stored = le paquet { $packet } n'est pas enregistré
sync-nothing-pending = le paquet { $packet } (réception { $inbox }) n'attend aucune pièce jointe
sync-nothing-pending-hint = `inbox list` montre les paquets qui attendent des pièces jointes
sync-stored-manifest-damaged = réception { $inbox } : le manifeste enregistré est endommagé : { $error }
sync-stored-packet-damaged = réception { $inbox } : le paquet enregistré est endommagé : { $error }
sync-hash-changed = { $file } ne correspond plus à son empreinte SHA-256
sync-attach-not-verified = le paquet { $packet }, reconstitué avec ses pièces jointes, ne se vérifie pas : { $why }
sync-release-no-reason = --reason : dites ce qui a été corrigé ou décidé
sync-release-already = le paquet en quarantaine n° { $id } a déjà été libéré ({ $outcome }) par { $by } le { $at }
sync-release-not-kept = le paquet en quarantaine n° { $id } n'a pas été conservé ({ $reason }) : importez de nouveau le fichier
sync-respond-list-hint = `fieldtrace trace list --received` montre les demandes reçues
sync-respond-not-request = le paquet { $packet } est de type { $kind }, pas une demande de traçage
sync-respond-rejected = la demande { $id } a été rejetée à sa réception ; il n'y a rien à répondre
sync-respond-bad-key = demande reçue { $id } : { $error }
sync-respond-untrusted = l'expéditeur de la demande { $id } (clé { $key }) n'est plus de confiance
sync-seizure-state-damaged = { $file } : { $error } ; supprimez-le pour tout déclarer de nouveau
sync-file-too-large = { $file } est trop volumineux
hub-client-unreachable = impossible de joindre le concentrateur à { $url }
hub-client-stopped = le concentrateur à { $url } a cessé de répondre
hub-client-refused = le concentrateur a répondu { $status } { $result } : { $reason }
hub-client-refused-why = le concentrateur a répondu { $status } { $result } : { $reason } : { $detail }
hub-client-answered = le concentrateur a répondu { $status } : { $body }
hub-client-mailbox-not-json = la liste de la boîte aux lettres du concentrateur n'est pas du JSON
hub-client-not-a-packet-id = le concentrateur a listé « { $id } », qui n'est pas un identifiant de paquet
hub-client-not-whole = le paquet { $packet } n'est pas arrivé entier du concentrateur (son empreinte SHA-256 diffère) ; synchronisez de nouveau
hub-client-identity-not-json = l'identité du concentrateur n'est pas du JSON
hub-client-identity = l'identité du concentrateur : { $error }
hub-client-untrusted = le concentrateur à { $url } signe avec la clé { $key }, à laquelle ce poste ne fait pas confiance
hub-client-untrusted-hint = faites d'abord confiance à la clé du PCN : `fieldtrace keys trust pcn.pub --name NOM`
word-upload-stored = enregistré
word-upload-duplicate = doublon
word-upload-conflict = conflit
word-upload-rejected = rejeté
word-upload-refused = refusé

## Pourquoi un paquet a été refusé, par code de motif (`refusal-<code>`) : affiché à la place de
## la phrase anglaise que garde un enregistrement ou un concentrateur.
refusal-too-large = le paquet dépasse la taille maximale
refusal-member-too-large = un élément du paquet dépasse la taille maximale
refusal-too-many-members = le paquet contient trop d'éléments
refusal-truncated = le paquet est tronqué
refusal-trailing-data = des données suivent la fin du paquet
refusal-bad-header = un en-tête tar du paquet est endommagé
refusal-non-canonical-archive = le paquet n'est pas agencé comme l'écrit fieldtrace
refusal-bad-entry-name = un élément du paquet porte un nom que fieldtrace n'écrit pas
refusal-not-a-file = un élément du paquet n'est pas un fichier ordinaire
refusal-link-entry = un élément du paquet est un lien
refusal-duplicate-entry = un élément du paquet figure deux fois
refusal-missing-manifest = le paquet n'a pas de manifeste
refusal-missing-signature = le paquet n'a pas de signature
refusal-manifest-too-large = le manifeste dépasse la taille maximale
refusal-manifest-not-utf8 = le manifeste n'est pas du texte UTF-8
refusal-duplicate-key = le manifeste répète une clé
refusal-unknown-format = le manifeste est d'un format que cette version ne connaît pas
refusal-bad-manifest = le manifeste est mal formé
refusal-non-canonical-manifest = le manifeste n'est pas en JSON canonique (RFC 8785)
refusal-bad-signature-file = le fichier de signature est mal formé
refusal-unknown-key = la clé du signataire n'est pas dans la liste de confiance
refusal-revoked-key = la clé du signataire a été révoquée
refusal-key-mismatch = la signature est d'une autre clé que celle que désigne le manifeste
refusal-bad-signature = la signature ne se vérifie pas
refusal-wrong-recipient = le paquet est adressé à un autre poste
refusal-missing-attachment = une pièce jointe que liste le manifeste manque
refusal-bad-attachment = une pièce jointe n'a pas la taille et l'empreinte que liste le manifeste
refusal-unlisted-attachment = le paquet contient une pièce jointe que le manifeste ne liste pas
refusal-not-age = le fichier n'est pas chiffré par age
refusal-age-header-too-large = l'en-tête de chiffrement dépasse la taille maximale
refusal-too-many-recipients = l'en-tête de chiffrement désigne trop de destinataires
refusal-no-matching-identity = le paquet n'est pas chiffré pour la clé de ce poste
refusal-decrypt-failed = le paquet ne peut pas être déchiffré
refusal-plaintext-too-large = le paquet déchiffré dépasse la taille maximale
refusal-encrypt-failed = le paquet n'a pas pu être chiffré
refusal-sign-failed = le paquet n'a pas pu être signé
refusal-conflict = un paquet de même identifiant a déjà été reçu avec un autre manifeste, ou a été envoyé d'ici
refusal-bad-body = le contenu de l'accusé de réception ou de la réponse est illisible
refusal-unknown-request = il répond à un paquet qui n'a jamais été envoyé d'ici
refusal-wrong-sender = il répond pour un autre poste que celui à qui l'on a écrit
refusal-wrong-manifest = il désigne un autre manifeste que celui envoyé
refusal-invalid = le paquet n'est pas valide
refusal-id-mismatch = l'envoi désigne un autre paquet que celui transmis
refusal-not-the-sender = le paquet est signé par un autre poste que celui qui l'envoie
refusal-not-ours = le paquet n'est pas destiné à ce concentrateur
refusal-hub-error = le concentrateur a échoué ; réessayez plus tard
refusal-bad-id = l'adresse ne désigne pas un paquet
refusal-not-found = le concentrateur n'a pas ce paquet pour ce poste
refusal-unsigned-request = la requête n'est pas signée
refusal-unenrolled = la clé de ce poste n'est pas inscrite au concentrateur
refusal-revoked = la clé de ce poste a été révoquée au concentrateur
refusal-stale-request = l'heure de la requête est trop éloignée de l'horloge du concentrateur : vérifiez l'horloge de cet ordinateur
refusal-replayed-request = le concentrateur a déjà vu cette requête (un rejeu)
refusal-bad-request-signature = la signature de la requête ne se vérifie pas
refusal-bad-nonce = le nonce de la requête est mal formé

## hub : ce que `fieldtrace hub ...` dit à l'agent du PCN (src/commands/hub.rs, src/hub)
hub-postgres-hint = PostgreSQL tourne-t-il, et l'URL est-elle juste ? (README : faire tourner un concentrateur)
hub-cannot-open = impossible d'ouvrir la base du concentrateur { $db }
hub-ready = Base du concentrateur prête : { $engine } { $db }, version de schéma { $version }. Ensuite : `fieldtrace hub enroll FICHIER --name NOM`, puis `fieldtrace hub serve`.
hub-enrolled = Poste « { $name } » inscrit : clé { $key } ; ses demandes sont acceptées dès maintenant
hub-revoked = Poste « { $name } » révoqué (clé { $key }) : ses demandes et ses paquets sont refusés dès maintenant
hub-no-station = Aucun poste inscrit pour l'instant : `fieldtrace hub enroll FICHIER --name NOM`.
hub-station-revoked = RÉVOQUÉ le { $at }
hub-station-enrolled = inscrit le { $at }
hub-quarantine-from = de { $key } : { $detail }
hub-listening = Concentrateur à l'écoute sur http://{ $address } (base : { $engine } { $db }) ; arrêtez-le avec Ctrl-C
hub-counts =
    { $stations ->
        [one] { $stations } poste
       *[other] { $stations } postes
    }, { $packets ->
        [one] { $packets } paquet enregistré
       *[other] { $packets } paquets enregistrés
    }, { $refused ->
        [one] { $refused } refusé
       *[other] { $refused } refusés
    }, { $mailbox } dans les boîtes aux lettres ({ $waiting } en attente), { $blobs ->
        [one] { $blobs } fichier stocké
       *[other] { $blobs } fichiers stockés
    }
hub-integrity-clean = Intégrité : intacte (chaque fichier stocké correspond à son empreinte ; rien ne désigne un fichier manquant)
hub-blob-bad-hash = le fichier stocké { $blob } ne correspond pas à son empreinte
hub-blob-orphans =
    { $count ->
        [one] { $count } ligne de { $table } désigne un fichier stocké manquant
       *[other] { $count } lignes de { $table } désignent un fichier stocké manquant
    }
hub-blob-missing = le fichier stocké { $blob } manque
hub-sdg =
    ODD 16.4.2, du { $from } au { $to }, tous les postes : { $traced ->
        [one] { $traced } arme tracée
       *[other] { $traced } armes tracées
    } sur { $recovered ->
        [one] { $recovered } récupérée
       *[other] { $recovered } récupérées
    } ({ $share })
hub-sdg-station = { $traced } sur { $recovered }
hub-summary =
    { $items ->
        [one] { $items } objet signalé
       *[other] { $items } objets signalés
    }, du { $from } au { $to }
hub-by-station = Par poste
hub-by-month = Par mois
hub-none-overdue = Aucune demande n'attend au-delà de son délai.
hub-none-received = Aucune demande de traçage reçue pour l'instant.
hub-overdue =
    , EN RETARD : { $days ->
        [one] { $days } jour sans réponse
       *[other] { $days } jours sans réponse
    }
hub-responded = Demande { $request } : réponse « { $outcome } », paquet { $packet } pour { $to }, remis à sa prochaine synchronisation avec le concentrateur
hub-enroll-needs-name = { $file } : un fichier .pub demande --name
hub-enroll-needs-name-hint = ou inscrivez la carte de clés du poste : `keys export --out poste.ftkey` chez lui
hub-enroll-own-key = { $file } est la clé du PCN lui-même ({ $key })
hub-enroll-revoked-in-trust = la clé { $key } (« { $name } ») est révoquée dans la liste de confiance ; une clé révoquée n'est pas inscrite de nouveau
hub-enroll-revoked = la clé { $key } ({ $name }) a été révoquée le { $at } ; une clé révoquée n'est pas inscrite de nouveau
hub-enroll-key-taken = la clé { $key } est déjà inscrite sous le nom « { $name } »
hub-enroll-name-taken = « { $name } » est déjà inscrit avec la clé { $key }
hub-no-such-station = aucun poste « { $who } » n'est inscrit
hub-stations-hint = `fieldtrace hub stations` les liste
hub-db-newer = la base du concentrateur est à la version { $done } ; ce fieldtrace connaît la version { $known } : mettez fieldtrace à jour
hub-cannot-listen = impossible d'écouter sur { $listen } : { $error }
hub-cannot-listen-hint = donnez une autre adresse --listen, par exemple 127.0.0.1:8740
hub-error-url = l'adresse de base de données { $detail }
hub-error-schema = la base du concentrateur : { $detail }
hub-error-poisoned = un verrou de la base du concentrateur a été empoisonné par une panique

## packet assemble : un paquet reconstitué à partir d'images de codes QR ou de lignes `ur:` (src/sync/verify.rs)
sync-image-too-large = { $file } : au-delà de la limite de { $limit } octets pour une image
sync-no-qr-code = { $file } : aucun code QR trouvé
sync-image-unread = { $file } : { $error }
sync-a-list-of-parts = une liste de parties
sync-not-a-packet = un message complet a été écarté, ce n'est pas un paquet : { $error }
sync-part-ignored = partie ignorée : { $error }
sync-incomplete =
    incomplet : { $resolved ->
        [one] { $resolved } fragment
       *[other] { $resolved } fragments
    } sur { $count } à partir de { $parts ->
        [one] { $parts } partie
       *[other] { $parts } parties
    } ; scannez d'autres images
sync-parts-unread =
    { $count ->
        [one] { $count } partie après le paquet complet n'était pas nécessaire et n'a pas été lue
       *[other] { $count } parties après le paquet complet n'étaient pas nécessaires et n'ont pas été lues
    }
sync-this-station-named = ce poste ({ $name })
sync-this-station = ce poste

## Les erreurs de la ligne de commande

clap-invalid-value = valeur « { $value } » invalide pour « { $arg } »
clap-invalid-value-because = valeur « { $value } » invalide pour « { $arg } » : { $reason }
clap-unknown-argument = argument inattendu « { $arg } »
clap-unknown-command = commande inconnue « { $name } »
clap-missing = arguments obligatoires manquants : { $args }
clap-missing-command = une commande est nécessaire
clap-conflict = « { $arg } » ne peut pas être utilisé avec « { $other } »
clap-did-you-mean = vouliez-vous dire « { $suggestion } » ?
clap-more-help = pour plus d'informations, essayez « --help »
clap-value-required = « { $arg } » demande une valeur, et aucune n'a été donnée
clap-used-twice = « { $arg } » ne peut être donné qu'une fois
clap-command-conflict = la commande « { $name } » ne peut pas être utilisée avec « { $other } »
clap-conflict-others = « { $arg } » ne peut pas être utilisé avec un ou plusieurs des autres arguments donnés
clap-no-equals = « { $arg } » attend sa valeur après un signe égal ({ $arg }=VALEUR)
clap-too-many-values = valeur inattendue « { $value } » pour « { $arg } » : aucune autre n'était attendue
clap-too-few-values = « { $arg } » demande { $min ->
        [one] { $min } valeur
       *[other] { $min } valeurs
    }, et { $actual ->
        [one] { $actual } seule a été donnée
       *[other] { $actual } seulement ont été données
    }
clap-wrong-number-of-values = « { $arg } » demande { $expected ->
        [one] { $expected } valeur
       *[other] { $expected } valeurs
    }, et { $actual ->
        [one] { $actual } a été donnée
       *[other] { $actual } ont été données
    }
clap-invalid-utf8 = un argument n'est pas du texte UTF-8 valide
clap-possible-values = valeurs possibles : { $values }

## --help du concentrateur (`fieldtrace hub ...`)

cmd-hub = Le concentrateur national : les postes s'y synchronisent par HTTP (`sync --to URL`)
cmd-hub-init = Créer ou mettre à jour la base du concentrateur (migrations numérotées)
    .long =
        Créer ou mettre à jour la base du concentrateur (migrations numérotées)

        À lancer dans le dossier de données du point de contact national : le concentrateur vérifie les paquets avec la liste de confiance du point de contact national et signe les accusés de réception avec sa clé (`keys init` d'abord).
arg-hub-init-db = La base du concentrateur : `postgres://UTILISATEUR@HÔTE/BASE` pour PostgreSQL, ou un fichier SQLite (par défaut `hub/hub.sqlite3` dans le dossier de données)
cmd-hub-enroll = Inscrire un poste par sa clé publique (son fichier `.pub` ou sa carte de clés), en lui faisant aussi confiance
arg-hub-enroll-file = La clé publique du poste : `keys export` ou `keys export --out poste.ftkey` chez lui
arg-hub-enroll-name = Le nom du poste, tel que le registre et les rapports l'affichent
cmd-hub-revoke = Révoquer un poste : ses demandes et ses paquets sont refusés désormais
arg-hub-revoke-station = Le nom ou l'identifiant de clé du poste
cmd-hub-stations = Les postes inscrits
cmd-hub-status = Les effectifs, et le contrôle d'intégrité de chaque fichier stocké et des lignes qui le nomment
cmd-hub-quarantine = Les envois refusés, avec leur code de motif
cmd-hub-trace = Les demandes de traçage reçues par le concentrateur, et les réponses du point de contact national
cmd-hub-trace-list = Les demandes reçues des postes, les plus anciennes d'abord, avec leur état
arg-hub-trace-list-received = Les demandes reçues (par défaut ; gardé par symétrie avec `trace list --received`)
arg-hub-trace-list-overdue = Seulement les demandes sans réponse dans les `[deadlines] answer_days` suivant leur réception
cmd-hub-trace-respond = Répondre à une demande reçue par une réponse signée ; elle parvient au poste à sa prochaine synchronisation avec le concentrateur
arg-hub-trace-respond-id = Numéro de la demande reçue (`hub trace list`) ou identifiant du paquet
cmd-hub-report = Le registre national que forment les rapports de saisie des postes
cmd-hub-report-sdg = ODD 16.4.2 national : parmi les armes saisies, découvertes, remises, prises ou récupérées pendant la période dans tous les postes, la part dont l'origine illicite a été tracée ; par poste
cmd-hub-report-summary = Les objets par poste, type, pays de fabrication, lieu et mois
cmd-hub-serve = Servir le concentrateur en HTTP jusqu'à son arrêt
    .long =
        Servir le concentrateur en HTTP jusqu'à son arrêt

        HTTP simple : pour TLS, placez-le derrière un mandataire inverse (README), ou n'écoutez que sur 127.0.0.1. La phrase secrète du point de contact national est demandée une fois, avant l'écoute.
arg-hub-serve-listen = Adresse et port d'écoute (port 0 : n'importe quel port libre, affiché)
arg-hub-serve-max_body = Octets que peut avoir le corps d'une requête (par défaut : la limite d'un paquet)
arg-hub-serve-timeout = Secondes qu'un client peut prendre pour envoyer ses en-têtes, puis son corps
arg-hub-enroll-db = { arg-hub-init-db }
arg-hub-revoke-db = { arg-hub-init-db }
arg-hub-stations-db = { arg-hub-init-db }
arg-hub-status-db = { arg-hub-init-db }
arg-hub-quarantine-db = { arg-hub-init-db }
arg-hub-serve-db = { arg-hub-init-db }
arg-hub-report-sdg-from = { arg-report-sdg-from }
arg-hub-report-sdg-to = { arg-report-sdg-to }
arg-hub-report-sdg-db = { arg-hub-init-db }
arg-hub-report-summary-from = { arg-report-sdg-from }
arg-hub-report-summary-to = { arg-report-sdg-to }
arg-hub-report-summary-db = { arg-hub-init-db }
arg-hub-trace-respond-outcome = { arg-trace-respond-outcome }
arg-hub-trace-respond-note = { arg-trace-respond-note }
arg-hub-trace-respond-last_legal_holder = { arg-trace-respond-last_legal_holder }
arg-hub-trace-respond-transfer_chain = { arg-trace-respond-transfer_chain }
custody-compared = Comparé avec { $heads } tête(s) de chaîne portée(s) par des paquets{ $unread }
custody-unread = { " " }({ $count } fichier(s) de paquet illisible(s) : chiffré(s) ou pas des demandes)

## import : le bilan, les lignes rejetées et leurs raisons (`reason_code` dans le fichier des
## rejets et `code` dans --json sont les mêmes dans toutes les langues), notes et erreurs

import-progress-rows = lignes
import-summary = { $file } : { $rows ->
        [one] { $rows } ligne
       *[other] { $rows } lignes
    } ; { $imported ->
        [one] { $imported } importée
       *[other] { $imported } importées
    }, { $already ->
        [one] { $already } déjà importée
       *[other] { $already } déjà importées
    }, { $rejected ->
        [one] { $rejected } rejetée
       *[other] { $rejected } rejetées
    } ; { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }
import-summary-dry-run = { $file } : { $rows ->
        [one] { $rows } ligne
       *[other] { $rows } lignes
    } ; { $imported ->
        [one] { $imported } serait importée
       *[other] { $imported } seraient importées
    }, { $already ->
        [one] { $already } déjà importée
       *[other] { $already } déjà importées
    }, { $rejected ->
        [one] { $rejected } rejetée
       *[other] { $rejected } rejetées
    } ; { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }
import-strict-nothing = --strict : rien n'a été importé, car des lignes ont été rejetées
import-reject-line = { "  " }ligne { $line } ({ $record }) : { $field } : { $reason }
import-no-record-id = sans identifiant
import-more-rejected = { "  " }… et { $count ->
        [one] { $count } autre ligne rejetée, avec sa raison dans le fichier des rejets
       *[other] { $count } autres lignes rejetées, chacune avec sa raison dans le fichier des rejets
    }
import-note-line = { "  " }ligne { $line } ({ $record }) : { $note }
import-more-notes = { "  " }… et { $count ->
        [one] { $count } autre note, dans les notes de son objet
       *[other] { $count } autres notes, chacune dans les notes de son objet
    }
import-columns-ignored = { "  " }colonnes non importées : { $columns }
import-rejects-file = Lignes rejetées, telles quelles, avec leur raison (colonnes reason_code et reason) : { $file }
import-reject-cell = ligne { $line } : { $field } : { $reason }
import-field-row = (ligne entière)
import-field-column = colonne { $n }
import-reject-not-utf8 = n'est pas du texte UTF-8 (enregistrez le journal en UTF-8 ; le Latin-1 et les autres codages ne sont pas lus)
import-reject-nul = contient des octets NUL : ce n'est pas du texte (un fichier binaire, ou du texte UTF-16, collé dans le journal ?)
import-reject-width = { $fields } champs alors que l'en-tête en a { $width }
import-reject-field-too-long = { $bytes } octets, au-delà de la limite de { $limit } (laissé vide dans le fichier des rejets)
import-reject-row-too-long = { $bytes } octets, au-delà de la limite de { $limit } pour une ligne (non conservée dans le fichier des rejets)
import-reject-no-record-id = obligatoire : l'identifiant propre du journal pour cette ligne
import-reject-repeated = « { $id } » figure deux fois dans ce journal (d'abord à la ligne { $first })
import-reject-no-photos-folder = la ligne nomme des photos : indiquez --photos DOSSIER
import-reject-no-date = obligatoire (aucune photo ne porte non plus de date EXIF)
import-photo-absolute = « { $photo } » est un chemin absolu : les photos sont nommées par rapport à --photos
import-photo-climbs = « { $photo } » sort du dossier des photos (« .. »)
import-photo-not-found = « { $photo } » n'est pas dans le dossier des photos
import-photo-folder = le dossier des photos : { $error }
import-photo-link = « { $photo } » est un lien qui sort du dossier des photos
import-photo-not-file = « { $photo } » n'est pas un fichier
import-photo-unreadable = « { $photo } » : illisible : { $error }
import-photo-refused = « { $photo } » : { $reason }
import-photo-not-stored = « { $photo } » : impossible de la conserver : { $error }
import-photo-gone = son fichier conservé a disparu pendant l'importation (un autre fieldtrace l'a ramassé comme orphelin) : importez de nouveau
import-note-found-as = photo « { $photo } » trouvée sous « { $found } »
import-note-photo = « { $photo } » : { $note }
import-note-position = position { $lat }, { $lon } tirée de l'EXIF de la photo
import-note-position-disagrees = la position EXIF de la photo ({ $plat }, { $plon }) ne concorde pas avec celle de la ligne ({ $lat }, { $lon }) : celle de la ligne est gardée
import-note-date = date { $date } tirée de l'EXIF de la photo
import-note-date-disagrees = l'heure EXIF de la photo ({ $time }) ne concorde pas avec la date de la ligne ({ $date }) : celle de la ligne est gardée
import-error-header = l'en-tête : { $detail }
import-error-map = la table des colonnes : { $detail }
import-error-empty = le fichier est vide : un journal de saisie commence par une ligne d'en-tête
import-error-csv = lecture du CSV : { $error }
import-error-database = base de données du registre : { $error }
import-utf16 = ce fichier est en UTF-16 ; enregistrez-le en UTF-8 (CSV UTF-8) ou convertissez-le : iconv -f UTF-16 -t UTF-8
import-nul-file = { $file } n'est pas un fichier texte CSV (il contient des octets NUL)
import-header-columns = { $columns } colonnes ; un journal de saisie en a au plus { $max }
import-header-too-big = une ligne d'en-tête de { $bytes } octets, au-delà de la limite de { $limit }
import-header-name-too-long = colonne { $column } : un nom de { $bytes } octets, au-delà de la limite de { $limit }
import-header-nul = l'en-tête contient des octets NUL : ce n'est pas un fichier texte CSV
import-header-not-utf8 = l'en-tête n'est pas du texte UTF-8 (enregistrez le journal en UTF-8)
import-column-twice = la colonne « { $column } » figure deux fois
import-unknown-columns = { $count ->
        [one] colonne inconnue
       *[other] colonnes inconnues
    } { $columns } : les colonnes du modèle sont { $template } ; pour une autre disposition, indiquez --map TABLE.toml
import-map-not-a-field = « { $field } » n'est ni un champ du modèle ({ $template }) ni l'un de { $extra }
import-missing-columns = { $count ->
        [one] colonne obligatoire manquante
       *[other] colonnes obligatoires manquantes
    } : { $columns }
import-and-more = et { $count } de plus
import-no-parent-file = PARENT_KEY : des lignes d'un groupe répété, mais pas de fichier parent ({ $file }) à côté du journal
import-parent-too-big = le fichier parent { $file } dépasse { $limit } octets
import-parent-no-key = le fichier parent { $file } n'a pas de colonne KEY
import-cannot-write = impossible d'écrire { $file } : { $error }
import-file-too-big = { $file } dépasse { $limit } octets
import-cannot-read-map = impossible de lire la table des colonnes { $file }
import-photos-not-folder = --photos { $dir } : ce n'est pas un dossier

## Photos : pourquoi une photo est refusée, et les notes EXIF enregistrées avec elle (le
## registre garde les notes en anglais ; l'agent les lit dans sa langue)

photo-too-large = { $bytes } octets : au-delà de la limite de { $limit } octets
photo-not-an-image = ce n'est pas une image JPEG ni PNG
photo-too-many-pixels = { $width } × { $height } pixels : au-delà de la limite ({ $side } par côté, { $pixels } au total)
photo-corrupt = l'image ne se décode pas (tronquée ou corrompue) : { $detail }
photo-metadata-too-large = ses métadonnées PNG (blocs auxiliaires ; le plus gros : { $chunk }) dépassent { $bytes } octets, au-delà de la limite de { $limit } octets
photo-jpeg-no-frame = le JPEG n'a pas d'en-tête d'image
photo-jpeg-frame-larger = l'image du JPEG est plus grande que ne le disait son en-tête
photo-jpeg-truncated = le JPEG s'arrête avant son marqueur de fin d'image (fichier tronqué)
photo-png-chunk-cut = un bloc du PNG est coupé
photo-png-header-cut = l'en-tête du PNG est coupé
photo-png-no-ihdr = le PNG ne commence pas par son bloc IHDR
photo-original-missing = l'original n'est pas dans le dossier des photos
photo-hash-changed = le fichier conservé ne correspond plus à son empreinte SHA-256
photo-cannot-read = impossible de lire la photo { $file } : { $error }
photo-over-limit = au-delà de la limite de { $limit } octets
reg-photo = photo { $path } : { $reason }
exif-partly-read = EXIF lu en partie (ignoré : { $skipped })
exif-unreadable = EXIF illisible, ignoré : { $error }
exif-date-future = date EXIF { $date } dans le futur : ignorée
exif-date-too-old = date EXIF { $date } antérieure aux appareils numériques : ignorée
exif-date-unparsed = date EXIF « { $date } » illisible : ignorée
exif-gps-ignored = GPS de l'EXIF ignoré : { $reason }
exif-gps-not-rationals = { $tag } n'est pas une suite de nombres rationnels
exif-gps-not-dms = { $tag } n'a pas de degrés, minutes et secondes
exif-gps-zero = { $tag } divise par zéro
exif-gps-bad-ref = { $tag } « { $value } » n'est ni N, ni S, ni E, ni W
exif-gps-out-of-range = { $tag } { $degrees } est hors limites

## QR : lire et écrire le manifeste d'un paquet en parties QR

qr-not-ours = ce n'est pas une partie de paquet fieldtrace : « { $part } »
qr-malformed = partie abîmée ou mal formée : { $detail }
qr-too-large = la partie annonce un message de { $declared } octets, au-delà de la limite de { $limit }
qr-too-many-parts = plus de { $parts } parties lues sans que le message soit complet
qr-manifest-refused = le manifeste reconstitué est refusé : { $error }
qr-cannot-draw = impossible de dessiner le code QR : { $detail }
qr-cannot-read-image = impossible de lire l'image : { $detail }
qr-ur-encoding = codage UR : { $error }
qr-part-too-long = une partie de { $chars } caractères est trop longue
qr-single-part = un UR en une seule partie ; fieldtrace ne lit que les UR en plusieurs parties
qr-ur-part = partie UR : { $error }
qr-not-fountain = la partie n'est pas une partie de code fontaine
qr-assembled-damaged = le message reconstitué est abîmé : { $error }
qr-image-too-big = l'image fait { $bytes } octets, au-delà de la limite de { $limit }
qr-too-many-frames = l'animation a plus de { $frames } images
qr-gif-frame = image { $index } du GIF : { $error }
qr-signature-not-utf8 = le fichier de signature n'est pas en UTF-8
qr-signature-not-four-lines = le fichier de signature ne fait pas quatre lignes
qr-signature-line-malformed = la ligne de signature est mal formée
qr-global-signature-malformed = la ligne de signature globale est mal formée
qr-signature-not-ours = le fichier de signature n'a pas la forme qu'écrit fieldtrace
qr-payload-not-packet = le contenu du QR n'est pas un paquet fieldtrace

## Les valeurs d'un objet : pourquoi l'une est refusée (item add/edit, et les lignes rejetées d'une importation)

item-invalid-date = « { $value } » n'est pas une date (AAAA-MM-JJ, éventuellement avec une heure, ou JJ/MM/AAAA)
item-date-future = « { $value } » est dans le futur
item-date-before-1900 = « { $value } » est antérieure à 1900
item-not-a-number = « { $value } » n'est pas un nombre
item-no-such-field = champ inconnu
item-not-a-model = « { $value } » n'est pas un modèle de la bibliothèque
item-lat-outside = { $value } est hors de -90..90
item-lon-outside = { $value } est hors de -180..180
item-not-a-year = { $value } n'est pas une année de fabrication
item-negative-quantity = une quantité ne peut pas être négative
item-required = obligatoire
item-cannot-be-emptied = ne peut pas être vidé
item-mark-empty = le texte du marquage est vide (décrivez-le en mots si c'est un symbole)
item-part-needed = nommez la pièce (canon, glissière, culasse, carcasse…)
item-no-component = l'objet { $item } n'a pas de pièce { $component }
custody-bad-clock = l'horloge « { $now } » : { $error }
custody-at-future = « { $value } » est dans le futur (il est maintenant { $now })
