## fieldtrace: English messages, the fallback for every other language.
## A message is `key = text`; `{ $name }` is filled in by the program. See docs/translating.md.

## --help: clap's layout

help-usage = Usage:
help-commands = Commands
help-command-value = COMMAND
help-arguments = Arguments
help-options = Options
help-default = [default: { $value }]
help-possible = [possible values: { $values }]
help-env = [env: { $name }]

## Readings of a mark

readings = { $count ->
    [0] no reading
    [one] { $count } reading
   *[other] { $count } readings
}
reading-made-in = { " " }— made in { $countries }
reading-partial-short = { " " }(partial)
reading-not-understood = not understood
# Inside a reason: ", partial match" after what the mark means.
reading-partial = { " " }(partial match)
reading-confidence = { " " }[{ $confidence }]

## decode: what the program adds about how a reading was reached (the library's own notes are
## quoted evidence and stay in its words); `$shape` is a symbol id of the library
decode-note-read-as = '{ $typed }' read as '{ $near }'
decode-note-year-line = often the year of manufacture; the line alone does not prove it
decode-note-appearance = matched on how the mark looks: { $appearance }
decode-note-cyrillic = read as '{ $latin }' (the Cyrillic '{ $typed }' in Latin letters)
decode-note-misspelt = read as '{ $spelling }' (typed '{ $typed }')
decode-note-same-symbol = same symbol; what is inside it was not given
decode-note-shape = only if the code sits in { $shape ->
    [oval] an oval
    [arrow] an arrow
    [double-circle] a double circle
    [cross-in-circle] a cross in a circle
   *[other] a { $shape }
}: no shape was given
decode-note-serial-format = fits this serial-number format: meaningful only if it is the serial
decode-note-bare-number = a bare number: a year of this maker only beside its other marks
decode-note-year-code = a year code: it dates the weapon only beside the maker's or proof marks
decode-note-beginning = the beginning of '{ $written }'
decode-note-type-character = 式 means 'Type': read as 'Type { $number }'
decode-note-calibre-start = '{ $text }' is the start of this calibre's name
decode-note-maker-code = the code is the maker's; how it is framed was not matched
decode-note-may-be-year = '{ $number }' may be a year: the library does not record how this plant dates its cases
decode-caveat-country-name = A country name may be the maker's, the exporter's or the importer's: read it with the maker's marks.
decode-caveat-several-countries = The designation was used in several countries: it does not say which one made this weapon.


## identify: why a model is a candidate (+), against it (-), or neither (~)

reason-craft = craft production: only features can point here
reason-type-matches = type { $kind } matches
reason-type-near = type given as { $kind }; listed as { $listed }
reason-type-not = type is { $kind }, not { $listed }
reason-calibre-matches = calibre { $calibre } matches
reason-calibre-not = calibre { $calibre }: this model fires { $fires }
reason-calibre-options = calibre one of { $options }: this model fires { $fires }
reason-produced-in = produced in { $country }
reason-not-produced-in = not known to be produced in { $country }
reason-serial-format = serial format: { $meaning }
reason-trait-matches = { $key }: { $value } matches
reason-trait-not = { $key }: { $value }, but this model has { $shown }
reason-feature-fits = feature '{ $feature }' fits: { $found }
reason-mark = mark '{ $input }' = { $reading }
reason-mark-family = mark '{ $input }' = { $reading } (this family)
reason-mark-variant = mark '{ $input }' = { $reading } (a variant)
reason-mark-copy = mark '{ $input }' = { $reading } (a copy of it)
reason-mark-other-model = mark '{ $input }' = { $reading }, another model
reason-mark-elsewhere = mark '{ $input }' = { $reading }, which does not point here
reason-variants-equal = the facts fit { $count } variants equally ({ $names }{ $more ->
    [0] {""}
   *[other] , and { $more } more
}): the variant is not established

## identify: what is still uncertain

uncertain-no-match = no model in the library matches these facts: the candidates listed are only the closest, and the weapon may be a model the library does not hold
uncertain-model = model not established: { $names } fit equally
uncertain-country = country of manufacture not established: { $names }
uncertain-some-obliterated = some marks obliterated: what was removed may have named another maker
uncertain-obliterated = marks obliterated: identification rests on features alone
uncertain-no-marks = no marks given: maker and country rest on features
uncertain-mark-unknown = mark '{ $mark }' matches nothing in the library
uncertain-mark-readings = mark '{ $mark }' has { $count } readings: see markings
uncertain-no-serial = serial not recorded
uncertain-serial-partial = serial partly legible: the partial string is kept as read
uncertain-serial-obliterated = serial obliterated: consider recovery by a laboratory
uncertain-craft = possible craft production: low confidence, confirm by examination

## identify: photos to take

photo-left = whole weapon, left side, with a scale
photo-right = whole weapon, right side, with a scale
photo-serial = serial number on the frame or receiver, close up
photo-marks = every mark, close up, with a scale

## Custody events, one a line

custody-event = { "  " }#{ $id } { $when } { $action } by { $officer } ({ $unit }, { $station })
custody-recorded = ; recorded { $at }
custody-to = ; to { $to }
custody-place = ; at { $place }
custody-note = ; note { $note }

## Words of the vocabularies (`word-<kind>-<id>`): the word shown; `.also`, other words a person
## may type for it, comma-separated. Input is read in every language of the catalogues.

word-event-seized = seized
word-event-found = found
word-event-surrendered = surrendered
word-event-captured = captured
word-event-recovered = recovered
word-event-lost = lost
word-event-stolen = stolen
word-kind-weapon = weapon
word-kind-ammunition = ammunition
word-kind-component = component
word-serial-status-present = present
word-serial-status-partial = partial
word-serial-status-obliterated = obliterated
word-serial-status-absent = absent
word-serial-status-unknown = unknown
word-mark-event-manufacture = manufacture
word-mark-event-import = import
word-mark-event-proof = proof
word-mark-event-state = state
word-mark-event-unit = unit
word-mark-event-secondary = secondary
word-mark-event-deactivation = deactivation
word-mark-event-other = other
word-legibility-clear = clear
word-legibility-partial = partial
word-legibility-abraded = abraded
word-legibility-obliterated = obliterated
word-outcome-traced = traced
word-outcome-not-traced = not-traced
word-outcome-restricted = restricted
word-outcome-refused = refused
word-outcome-untraceable = untraceable
word-priority-routine = routine
word-priority-urgent = urgent
word-ack-stored = stored
word-ack-duplicate = duplicate
word-ack-incomplete = incomplete
word-ack-rejected = rejected
word-photos-reduced = reduced
word-photos-full = full
word-photos-none = none
word-outbox-pending = pending
word-outbox-sent = sent
word-outbox-acknowledged = acknowledged
word-custody-seized = seized
word-custody-transferred = transferred
word-custody-stored = stored
word-custody-examined = examined
word-custody-marked = marked
word-custody-destroyed = destroyed
word-custody-returned = returned
word-view-overall = overall
word-view-left = left
word-view-right = right
word-view-top = top
word-view-bottom = bottom
word-view-front = front
word-view-rear = rear
word-view-markings = markings
word-view-serial = serial
word-view-headstamp = headstamp
word-view-packaging = packaging
word-view-component = component
word-view-other = other
word-direction-sent = sent
word-direction-received = received
word-inbox-stored = stored
word-inbox-duplicate = duplicate
word-inbox-incomplete = incomplete
word-inbox-rejected = rejected
word-inbox-answered = answered
word-ammunition-cartridge = cartridge
word-ammunition-shotshell = shotshell
word-ammunition-grenade = grenade
word-ammunition-mortar-bomb = mortar-bomb
word-ammunition-rocket = rocket
word-ammunition-missile = missile
word-ammunition-shell = shell
word-ammunition-projectile = projectile
word-ammunition-mine = mine
word-ammunition-fuze = fuze
word-component-barrel = barrel
word-component-receiver = receiver
word-component-frame = frame
word-component-slide = slide
word-component-bolt = bolt
word-component-bolt-carrier = bolt-carrier
word-component-cylinder = cylinder
word-component-trigger-group = trigger-group
word-component-magazine = magazine
word-component-stock = stock
word-component-suppressor = suppressor
word-component-sight = sight
word-component-fuze = fuze
word-component-primer = primer
word-component-cartridge-case = cartridge-case
word-component-propellant = propellant
word-component-projectile = projectile
word-type-self-loading-pistol = self loading pistol
word-type-revolver = revolver
word-type-rifle = rifle
word-type-carbine = carbine
word-type-sub-machine-gun = sub machine gun
word-type-assault-rifle = assault rifle
word-type-light-machine-gun = light machine gun
word-type-heavy-machine-gun = heavy machine gun
word-type-grenade-launcher = grenade launcher
word-type-portable-anti-aircraft-gun = portable anti aircraft gun
word-type-portable-anti-tank-gun = portable anti tank gun
word-type-recoilless-rifle = recoilless rifle
word-type-anti-tank-launcher = anti tank launcher
word-type-anti-aircraft-launcher = anti aircraft launcher
word-type-mortar = mortar
word-type-shotgun = shotgun
word-confidence-high = high
word-confidence-medium = medium
word-confidence-low = low

unknown-word = '{ $word }' is not one of: { $expected }
## --help of every command (`cmd-<command path>`) and argument (`arg-<command path>-<id>`);
## `.long` is the longer text of `--help` (`-h` shows the first line).

cmd-fieldtrace = Identify, register and trace small arms and light weapons, offline
    .long =
        Identify, register and trace small arms and light weapons, offline.

        fieldtrace carries its own reference library of weapons, marks, headstamps and calibres, each entry with its public source and confidence. It works with no network.
arg-home = Data directory (register, photos, keys); default: the platform's data directory
arg-json = Print machine-readable JSON on stdout, with stable keys
arg-no_input = Never prompt; fail with a clear message when input is missing
arg-passphrase_file = Read the keys' passphrase from the first line of FILE (scripts: unlike FIELDTRACE_PASSPHRASE it is never in the process's starting environment)
arg-lang = Language of human-readable output: en, fr, ... (one per catalogue under i18n/); default: FIELDTRACE_LANG, else the system's language, else English
cmd-ref = Search and read the reference library
cmd-ref-search = Search models, marks, makers, calibres, headstamps and countries
arg-ref-search-query = Words to look for: a name, code, calibre or feature
arg-ref-search-kind = Only entries of this kind
arg-ref-search-weapon_type = Only models of this ITI category (assault-rifle, self-loading-pistol, ...)
arg-ref-search-calibre = Only entries in this calibre (any common spelling)
arg-ref-search-country = Only entries tied to this country (code or name)
arg-ref-search-limit = At most this many results
arg-ref-search-all = Every result, however many
cmd-ref-show = Show one entry with the sources it cites
arg-ref-show-id = Entry id, as `ref search` prints it
cmd-ref-stats = Counts, data version and SHA-256 of the embedded library
cmd-ref-check = Check a folder of reference data: every rule of the build, and the entries' examples
arg-ref-check-dir = The folder of `*.toml` files
cmd-decode = Say what a mark, headstamp, model name, calibre or serial means
    .long =
        Say what a mark, headstamp, model name, calibre or serial means

        Describe symbols in words or notation: '66 in a triangle', '/66\', '((10))', 'arrow in triangle', 'star'; type text as printed: 'ИЖ', '56式', 'LC 78'. An ambiguous mark gives every reading it supports, each with its confidence.
arg-decode-text = One or more marks, each as one argument (quote marks with spaces)
cmd-identify = Identify a weapon from its facts; on a terminal, ask for what is missing
arg-identify-weapon_type = ITI category: assault-rifle, rifle, self-loading-pistol, light-machine-gun, ...
arg-identify-calibre = Calibre, in any common spelling: 7.62x39, '7,62 x 39', M43, 9mm Luger
arg-identify-markings = A mark as read (repeat for several): '66 in a triangle', 'M70', 'ИЖ'
arg-identify-marks_obliterated = Marks were removed or are illegible (with --marking: some were, those given were not)
arg-identify-dont_know = A question the officer cannot answer (type, calibre, markings, stock, ...); repeatable
arg-identify-serial = Serial as read; mark illegible characters with '?', or say 'obliterated'
arg-identify-features = A feature: key=value (stock=underfolding) or words (stamped receiver); repeatable
arg-identify-country = Country of manufacture, if known (code or name)
arg-identify-answers = Answer the wizard's questions from a TOML file instead of the terminal
cmd-init = Set this station's identity, recorded on every write to the register
arg-init-name = Station name, e.g. "Bamako border post 3"
arg-init-unit = Unit or agency
arg-init-officer = The officer responsible for this laptop's records
arg-init-force = Replace an identity already set (earlier records keep the old one)
cmd-item = The evidence register: items, their marks, components and photos
cmd-item-add = Add an item from flags, or from the result of `identify --json`
arg-item-add-record_id = The seizure log's own id for this item
arg-item-add-date = YYYY-MM-DD (optionally with a time) or DD/MM/YYYY
arg-item-add-event = seized, found, surrendered, captured, recovered, lost, stolen
arg-item-add-location = Where, in words
arg-item-add-lat = Latitude, decimal degrees
arg-item-add-lon = Longitude, decimal degrees
arg-item-add-kind = weapon, ammunition or component
arg-item-add-weapon_type = ITI category (assault-rifle, self-loading-pistol, ...)
arg-item-add-make = Maker, as marked or known
arg-item-add-model = Model, as marked or known
arg-item-add-calibre = Any common spelling; normalised when the library knows it
arg-item-add-serial = As read; '?' for each illegible character
arg-item-add-serial_status = present, partial, obliterated, absent, unknown (default: from the serial)
arg-item-add-serial_location = Where the serial was read: frame, receiver, barrel, slide, bolt, ...
arg-item-add-country = Country of manufacture (code or name)
arg-item-add-year = Year of manufacture
arg-item-add-quantity = Number of rounds or pieces
arg-item-add-headstamp = Headstamp of the rounds, as read
arg-item-add-lot = Lot number of the ammunition
arg-item-add-condition = State of the item: working, damaged, incomplete, ...
arg-item-add-unit = Unit that recovered it (default: this station's)
arg-item-add-officer = Officer who recovered it (default: this station's)
arg-item-add-notes = Anything else worth recording
arg-item-add-model_id = Library model id chosen by identification
arg-item-add-id_method = How it was identified: marks, features or both
arg-item-add-id_confidence = high, medium or low
arg-item-add-suspected = copy or craft
arg-item-add-illicit_basis = Why it is illicit (ITI para. 17(a))
arg-item-add-legal_basis = The legal basis of holding and tracing it
arg-item-add-markings = A mark as read (repeatable); `item mark` records its event and part
arg-item-add-from_identify = JSON written by `identify --json`: model, calibre, marks and serial come from it
cmd-item-list = List items, newest last
arg-item-list-event = Only items of this event (seized, found, ...)
arg-item-list-kind = Only items of this kind (weapon, ammunition, component)
arg-item-list-weapon_type = Only items of this type (ITI category)
arg-item-list-from = From this date (YYYY-MM-DD)
arg-item-list-to = Up to this date (YYYY-MM-DD)
arg-item-list-place = Part of the location
arg-item-list-query = Free text: serial, make, model, marks, notes, record id
cmd-item-show = One item with its marks, components, photos, custody and history
arg-item-show-item = Item number or UUID
cmd-item-print = A printable page (A4) of the seizure record: the item, its marks, photos of the marks, custody chain, the trace requests it is in (packet id, manifest SHA-256), signature boxes
arg-item-print-item = { arg-item-show-item }
arg-item-print-out = Where to write the page (HTML, atomically); print it or render it to PDF
cmd-item-edit = Change fields; every change is recorded with who, when, old and new value
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
arg-item-edit-reason = Why the change was made
cmd-item-mark = Record a mark on an item or one of its components
arg-item-mark-item = { arg-item-show-item }
arg-item-mark-text = The mark as read, or in words ('66 in a triangle')
arg-item-mark-event = manufacture, import, proof, state, unit, secondary, deactivation, other
arg-item-mark-part = Where it is: receiver, barrel, slide, bolt, ...
arg-item-mark-component = Component number (from `item show`), for a part with its own origin
arg-item-mark-legibility = clear, partial, abraded, obliterated
cmd-item-component = Record a component of a modular or mixed-origin weapon
arg-item-component-item = { arg-item-show-item }
arg-item-component-part = barrel, slide, bolt, upper receiver, ...
arg-item-component-make = { arg-item-add-make }
arg-item-component-model = { arg-item-add-model }
arg-item-component-country = { arg-item-add-country }
arg-item-component-serial = { arg-item-add-serial }
arg-item-component-serial_status = { arg-item-add-serial_status }
arg-item-component-notes = { arg-item-add-notes }
cmd-item-photo = Attach photos: stored by SHA-256, never altered, EXIF read, a reduced copy derived
arg-item-photo-item = { arg-item-show-item }
arg-item-photo-files = JPEG or PNG files
arg-item-photo-view = overall, left, right, top, bottom, front, rear, markings, serial, headstamp, ...
cmd-custody = The chain of custody: append an event, read an item's log, verify the chain
arg-custody-item = { arg-item-show-item }
arg-custody-action = seized, transferred, stored, examined, marked, destroyed, returned
arg-custody-to = Who received it (for a transfer)
arg-custody-place = Where it is now
arg-custody-note = A note on the event
arg-custody-at = When it happened, if not now: "2026-03-14 09:30" (UTC unless an offset is given) or a date; the time it is recorded is kept beside it
cmd-custody-log = An item's custody events, oldest first
arg-custody-log-item = { arg-item-show-item }
arg-custody-verify-against = Also compare each item's chain with the chain heads packets about it carried: packet files or folders of them, or `inbox` for the home's inbox and outbox
cmd-custody-verify = Check every hash and link of the whole log; exit 4 if anything was tampered with
cmd-import = Import a photo-tagged seizure log (CSV) into the register
arg-import-log = The seizure log: UTF-8 CSV, with `,` `;` or tab between fields
arg-import-photos = Folder the log's photo paths are relative to
arg-import-map = Column map (TOML) for another layout, or a built-in one: `kobo`, `odk`
arg-import-dry_run = Check and report everything, write nothing
arg-import-strict = Import nothing if any row is rejected
cmd-export = Export the register
cmd-export-csv = One row per item: the template's columns, identification and custody state
    .long =
        One row per item: the template's columns, identification and custody state

        Identifiers a spreadsheet would turn into numbers or dates (a serial 012345, 12E4) are written ="012345", which Excel and LibreOffice keep as text; --plain writes them as they are, for other tools.
arg-export-csv-out = Write here (atomically) instead of stdout
arg-export-csv-delimiter = The field separator: ',' (default), ';' (Excel in French and other comma-decimal locales) or 'tab'
arg-export-csv-plain = Write identifiers as they are, without the spreadsheet text guard
cmd-export-geojson = One GeoJSON feature per item (RFC 7946: WGS 84, longitude first), for QGIS
    .long =
        One GeoJSON feature per item (RFC 7946: WGS 84, longitude first), for QGIS

        Each feature carries the item's type, make, model, calibre, serial, country of manufacture, event, date, place and trace state; an item without coordinates has no geometry.
arg-export-geojson-out = { arg-export-csv-out }
arg-export-geojson-coarsen_km = Move each point to the centre of its grid cell this many km wide (0: exact places)
cmd-keys = This station's signing and decryption keys, and the peers it trusts
cmd-keys-init = Create this station's minisign signing key and age decryption key
    .long =
        Create this station's minisign signing key and age decryption key

        The secret keys are protected by a passphrase, asked at the terminal or taken from FIELDTRACE_PASSPHRASE. They are written to <home>/keys, mode 0600, and never printed.
cmd-keys-show = Print this station's key id and public keys
cmd-keys-export = Print this station's public key in the standard minisign .pub format, for peers to trust
    .long =
        Print this station's public key in the standard minisign .pub format, for peers to trust

        With --out FILE.ftkey, write one key card instead: both public keys, the station's name and unit, signed by its own key (asks for the passphrase), and print the fingerprint a peer compares by phone.
arg-keys-export-age = Print the age recipient (age1...) instead, for peers to encrypt to this station
arg-keys-export-out = Write the signed key card (.ftkey) to this file
cmd-keys-trust = Trust a peer (an NPC, another station): accept its packets, address requests to it
    .long =
        Trust a peer (an NPC, another station): accept its packets, address requests to it

        A key card (.ftkey, from `keys export --out`) is taken in one step, its signature checked, its key id and fingerprint shown to compare by phone.
arg-keys-trust-file = The peer's key card (.ftkey), or its minisign public key file (.pub)
arg-keys-trust-name = The name requests use for it (`trace new --to NAME`); a key card's own name when not given
arg-keys-trust-age = The peer's age recipient (age1...), to encrypt packets to it
cmd-keys-list = List the trusted peers
cmd-keys-revoke = Revoke a peer's key: its packets are refused from now on
arg-keys-revoke-name = The peer's name, as `keys list` shows it
cmd-trace = Build, check and sign trace requests; write them to the outbox; show them as QR codes
cmd-trace-new = Build a trace request for items and check it before anything is signed
    .long =
        Build a trace request for items and check it before anything is signed

        The request carries what ITI paragraph 17 asks for: the illicit nature and legal basis, each item's marks, type, calibre, serial and photos, and the intended use. Whatever is missing or weak is listed; --strict refuses a request that misses required content.
arg-trace-new-items = Item numbers or UUIDs
arg-trace-new-to = The trusted peer the request is for (`keys list`)
arg-trace-new-illicit_basis = Why the weapons are illicit (ITI para. 17(a)); default: from the items
arg-trace-new-legal_basis = The legal basis of the request (ITI para. 17(a)); default: from the items
arg-trace-new-intended_use = What the information will be used for (ITI para. 17(c))
arg-trace-new-authority = The requesting authority; default: this station's unit
arg-trace-new-poc = Point of contact: name and how to reach them; default: this station's officer
arg-trace-new-priority = How soon an answer is needed: routine or urgent; urgent wants a --justification
arg-trace-new-justification = Why this priority
arg-trace-new-confidentiality = Confidentiality restrictions on the information sent and received
arg-trace-new-strict = Create nothing if required content is missing (exit 2)
cmd-trace-export = Sign a request and write its packet to the outbox
arg-trace-export-id = Request number (`trace list`) or packet id
arg-trace-export-encrypt_to = Encrypt the packet with age to this trusted peer's key (.ftpkt.age)
arg-trace-export-photos = Which photos travel as attachments: reduced (the 1024 px JPEG copies), full (the originals, byte for byte) or none (their hashes are still in the signed request)
cmd-trace-qr = Show an exported request as QR codes (BC-UR fountain-coded parts of the signed manifest)
    .long =
        Show an exported request as QR codes (BC-UR fountain-coded parts of the signed manifest)

        Only the signed manifest travels by QR; photos follow by file. Without an output flag, the `ur:` parts are printed one per line.
arg-trace-qr-id = { arg-trace-export-id }
arg-trace-qr-out = Write one PNG per part into this directory
arg-trace-qr-gif = Write an animated GIF of all parts
arg-trace-qr-sheet = Write a printable text sheet of the plain `ur:` parts
arg-trace-qr-terminal = Draw the codes in the terminal, one after another
arg-trace-qr-extra = Mixed parts after the plain ones, so a reader that misses frames can finish
arg-trace-qr-fps = Frames a second in the GIF
cmd-trace-print = A printable page (A4) of a request as ITI paragraph 17 lays it out
    .long =
        A printable page (A4) of a request as ITI paragraph 17 lays it out

        With the packet id, the manifest SHA-256 and the QR codes of the signed manifest, so the paper can be checked against the file, and boxes for the signatures.
arg-trace-print-id = { arg-trace-export-id }
arg-trace-print-out = { arg-item-print-out }
cmd-trace-respond = Answer a received trace request with a signed trace-response in the outbox (NPC side)
arg-trace-respond-id = Received request number (`trace list --received`) or packet id
arg-trace-respond-outcome = What the trace established (ITI paras. 19-22): traced, not-traced, restricted, refused or untraceable
arg-trace-respond-note = What was found, or why there is no answer
arg-trace-respond-last_legal_holder = The last legal holder of the weapon(s), when known
arg-trace-respond-transfer_chain = One link of the transfer chain, oldest first; repeat for each
cmd-trace-list = Trace requests and their status, oldest first
arg-trace-list-overdue = Only requests not acknowledged or not answered within the deadlines (config.toml `[deadlines] acknowledge_days`, `answer_days`; 14 and 60 days by default)
arg-trace-list-received = Requests received from other stations and their state (NPC side)
cmd-trace-show = One request: its status, body, completeness and packet
arg-trace-show-id = { arg-trace-export-id }
cmd-packet = Check a packet offline, print its contents, or rebuild one from QR codes
cmd-packet-verify = Run every check on a packet (.ftpkt or .ftpkt.age); exit 4 if it fails any
arg-packet-verify-file = The packet file
arg-packet-verify-pubkey = Check the signature against this minisign public key instead of the trust list
arg-packet-verify-without_attachments = Accept a packet that carries some of its listed attachments but not all (one that carries none, the signed manifest alone as QR codes bring it, is valid anyway, its attachments pending)
cmd-packet-show = Check a packet and print what it says
arg-packet-show-file = { arg-packet-verify-file }
arg-packet-show-pubkey = { arg-packet-verify-pubkey }
arg-packet-show-without_attachments = { arg-packet-verify-without_attachments }
cmd-packet-assemble = Rebuild a packet (without attachments) from QR frame images or scanned `ur:` text
    .long =
        Rebuild a packet (without attachments) from QR frame images or scanned `ur:` text

        Parts may come in any order, with duplicates and some missing, as fountain codes allow.
arg-packet-assemble-images = Images holding QR codes (PNG, JPEG, or an animated GIF)
arg-packet-assemble-ur = A text file with one `ur:` part per line ('#' lines and blank lines ignored)
arg-packet-assemble-out = Where to write the packet
cmd-inbox = Receive packets: verify, store once, quarantine the refused, acknowledge
cmd-inbox-import = Verify and store packet files (.ftpkt, .ftpkt.age) or every packet in a folder
    .long =
        Verify and store packet files (.ftpkt, .ftpkt.age) or every packet in a folder

        Refused packets (bad signature, unknown sender, another recipient, a conflicting packet id) are copied to <home>/quarantine/ with their reason; exit 3 if any were. A trace request is acknowledged with a signed packet in the outbox.
arg-inbox-import-paths = Packet files or folders
cmd-inbox-list = Packets received and refused
arg-inbox-list-quarantined = Only the quarantined packets, with their reasons (`inbox release` takes their number)
cmd-inbox-attach = Take in the photos of a packet received in parts: the signed manifest by QR, the photos by file
    .long =
        Take in the photos of a packet received in parts: the signed manifest by QR, the photos by file

        Each file (or every file in a folder) is checked against the SHA-256 and size the signed manifest lists; files that are none of them are named and left alone. When the last one is in, the whole packet is rebuilt, verified, stored and acknowledged again.
arg-inbox-attach-id = Received packet number (`inbox list`) or packet id
arg-inbox-attach-paths = Photo files or folders
cmd-inbox-release = Receive a quarantined packet again once its cause is fixed (its sender's key trusted, say), or close it as decided by a person (--dismiss); who and why are recorded
arg-inbox-release-id = Quarantine number (`inbox list --quarantined`)
arg-inbox-release-reason = Why it is released: what was fixed or decided
arg-inbox-release-dismiss = Do not receive it: a person decided against it (a conflict settled for the packet already received, say)
cmd-sync = Copy outbox packets to a folder (USB stick, shared folder) and pick up replies from it
    .long =
        Copy outbox packets to a folder (USB stick, shared folder) and pick up replies from it

        Safe to run twice, to interrupt and rerun, and against a folder several stations share: files are named by packet id, written to a temporary name, fsynced, renamed, read back and hashed; a different file with the same name is never overwritten, and packets for other stations are left alone.
arg-sync-to = The folder to sync with, or a hub: `https://HOST` (`http://127.0.0.1:PORT` on one machine)
cmd-report = SDG indicator 16.4.2 and summary counts of the register
cmd-report-sdg = SDG 16.4.2: the share of items seized, found or surrendered in the period whose illicit origin was traced
arg-report-sdg-from = First day (YYYY-MM-DD); the 1st of January of this year when not given
arg-report-sdg-to = Last day, included (YYYY-MM-DD); the 31st of December of this year when not given
cmd-report-summary = Items by type, country of manufacture, event, place and month, and the trace requests
    .long =
        Items by type, country of manufacture, event, place and month, and the trace requests

        Without --from and --to, every item in the register.
arg-report-summary-from = First day (YYYY-MM-DD), by event date
arg-report-summary-to = Last day, included (YYYY-MM-DD)
cmd-report-html = One self-contained HTML page: SDG 16.4.2, charts, a map and the trace requests
    .long =
        One self-contained HTML page: SDG 16.4.2, charts, a map and the trace requests

        Nothing in it is fetched when it is viewed (no scripts, fonts or links): it opens offline in any browser and can be mailed. Its figures are those of `report sdg --json` and `report summary --json` for the same period.
arg-report-html-from = { arg-report-sdg-from }
arg-report-html-to = { arg-report-sdg-to }
arg-report-html-out = Where to write the page (atomically)
arg-report-html-coarsen_km = Draw each place at the centre of its grid cell this many km wide, since an exact place can endanger people (0: exact places)
cmd-generate = Write shell completions, the man page or the reference coverage table
arg-generate-what = What to write: bash, zsh, fish, powershell or elvish completions, the man page (man), the coverage table (coverage) or the vocabulary tables (vocabulary)
arg-generate-out = Directory to write into (default: print to stdout)
cmd-help = Print this message or the help of the given subcommand(s)
arg-help = Print help (see more with '--help')
    .long = Print help (see a summary with '-h')
arg-version = Print version

## More words

word-id-method-marks = marks
word-id-method-features = features
word-id-method-both = both
word-suspected-copy = copy
word-suspected-craft = craft
word-mark-kind-manufacturer = manufacturer
word-mark-kind-factory-code = factory code
word-mark-kind-country = country
word-mark-kind-year-code = year code
word-mark-kind-year = year
word-mark-kind-proof = proof
word-mark-kind-import = import
word-mark-kind-secondary = secondary
word-mark-kind-arsenal = arsenal
word-mark-kind-inspector = inspector
word-mark-kind-selector = selector
word-mark-kind-model-designation = model designation
word-mark-kind-serial-format = serial format
word-mark-kind-calibre = calibre
word-mark-kind-headstamp = headstamp
custody-transfer-needs-to = a transfer needs --to: who received it

## What a trace will miss: an item's warnings

warn-serial-place-unknown = where the serial was read is not recorded: a trace needs the frame or receiver serial
warn-serial-not-frame = serial read from the { $place }, not the frame or receiver: parts are swapped, a trace needs the frame or receiver serial
warn-no-iti-marking = no ITI marking recorded: no maker, country or serial, nor a factory code (ITI para. 8)
warn-serial-obliterated = serial obliterated: consider recovery by a forensic laboratory
warn-serial-absent = no serial at all (status absent): a trace rests on the other marks and the photos
warn-no-serial = no serial recorded: a trace needs the serial from the frame or receiver (`item edit --serial`, or --serial-status absent if there is none)
warn-no-mark-photo = no photo of the marks or the serial
warn-mixed-origin = mixed origin: components from { $countries }
warn-calibre-kept = calibre kept as written: { $error }

## What a trace request lacks (`code` in --json)

check-no-illicit-nature = the illicit nature of the weapons is not given (ITI para. 17(a)): --illicit-basis
check-no-legal-basis = no legal basis given (ITI para. 17(a)): --legal-basis
check-no-intended-use = the intended use of the information is not given (ITI para. 17(c)): --intended-use
check-no-justification = urgent priority without a justification: --justification
check-no-confidentiality = no confidentiality restriction stated: --confidentiality
check-no-headstamp = no headstamp or lot recorded
check-no-calibre = calibre not recorded
check-no-markings = no markings, maker, country or serial recorded: nothing to trace by (ITI para. 17(b))
check-no-type = type not recorded
check-serial-not-frame = serial not read from the frame or receiver (parts are swapped): --serial-location
check-serial-obliterated = serial obliterated: consider recovery by a forensic laboratory before tracing
check-no-serial = no serial recorded
check-no-import-mark = no import mark recorded (record 'none seen' with `item mark ITEM 'none seen' --event import`)
check-no-mark-photo = no photo of the marks

## Item fields, as `item show` labels them

word-field-record_id = record_id
word-field-date = date
word-field-event = event
word-field-location = location
word-field-lat = lat
word-field-lon = lon
word-field-kind = kind
word-field-type = type
word-field-make = make
word-field-model = model
word-field-calibre = calibre
word-field-serial = serial
word-field-country = country
word-field-year = year
word-field-quantity = quantity
word-field-headstamp = headstamp
word-field-lot = lot
word-field-condition = condition
word-field-unit = unit
word-field-officer = officer
word-field-notes = notes
word-field-serial_status = serial_status
word-field-serial_location = serial_location
word-field-model_id = model_id
word-field-id_method = id_method
word-field-id_confidence = id_confidence
word-field-suspected = suspected
word-field-illicit_basis = illicit_basis
word-field-legal_basis = legal_basis

## item

item-not-identify-json = { $file }: not the JSON of `identify --json`: { $error }
item-added = Added item { $id } ({ $uuid })
item-none-match = No items match.
item-no-custody = no custody event
item-serial = serial { $serial } ({ $status })
item-heading = Item { $id } ({ $uuid })
item-recorded = recorded
item-recorded-by = { $at } by { $by }
item-marks = Marks
item-mark-on = { " " }on the { $part }
item-components = Components
item-photos = Photos
item-photo-time-unknown = time unknown
item-custody = Custody
item-no-events = no events
item-changes = Changes
item-change = { $field }: '{ $old }' → '{ $new }' by { $by }
item-for-a-trace = For a trace
item-nothing-to-change = nothing to change: give the fields to change as flags (--serial ..., --model ...)
item-unchanged = Item { $id }: nothing changed (the values were already so)
item-changed = Item { $id }: changed { $fields }
item-mark-reads-as = { " " }(reads as { $reading })
item-mark-recorded = Item { $id }: mark { $mark } recorded{ $reading }
item-component-recorded = Item { $id }: component { $component } ({ $part }) recorded
item-photo-added = { $file }: added as { $sha } ({ $width }×{ $height })
item-photo-there = { $file }: already there as { $sha } ({ $width }×{ $height })
item-printed = Item { $id } written to { $file } (print it, A4)

## Messages on stderr

ui-warning = warning:
ui-error = error:
ui-hint = hint:
ui-progress = {"{"}bar:30{"}"} {"{"}pos{"}"}/{"{"}len{"}"} { $unit }  {"{"}per_sec{"}"}  {"{"}elapsed{"}"} elapsed, {"{"}eta{"}"} left

## Errors and what to do about them

error-busy = another fieldtrace is writing to this register and did not finish in time; this command changed nothing
error-clash = another fieldtrace stored the same records while this one was working; this command changed nothing
hint-busy = wait for the other fieldtrace (an import, a sync) to finish, then run this command again: what is already stored is skipped
hint-database-said = the database said: { $detail }
hint-clock = FIELDTRACE_NOW takes an RFC 3339 time, such as 2026-11-25T12:00:00Z
hint-config = fix { $path }, or remove it and set the station again with `fieldtrace init`
hint-item-list = `fieldtrace item list` shows the items and their numbers
hint-trace-list = `fieldtrace trace list` shows the requests: give a number or a packet id
hint-too-new = install the newer fieldtrace that wrote this register
hint-damaged-copy = copy the whole home folder aside first, as it is: it is the evidence
hint-damaged-restore = restore register.sqlite3 from the station's last copy, or recover what SQLite can still read: `sqlite3 register.sqlite3 .recover | sqlite3 recovered.sqlite3`
hint-damaged-check = then check the result in a home of its own: `fieldtrace --home COPY custody verify`
hint-needs-upgrade = copy the home to a writable place and run fieldtrace there once
hint-wrong-passphrase = the passphrase is the one given to `fieldtrace keys init`
hint-key-damaged = restore { $path } from the station's key backup; the passphrase itself is right
hint-keys-replaced = someone replaced the key files in { $dir }: nothing is signed with them
hint-keys-restore = restore this station's own keys from its backup; if the station really has new keys, peers must trust them anew, and `signing_key_id` under `[keys]` in config.toml is what records them
hint-keys-list = `fieldtrace keys list` shows the trusted peers
error-open-register = cannot open the register in { $home }
error-no-station = this station has no identity yet
hint-no-station = run `fieldtrace init --name STATION --unit UNIT --officer NAME` once
error-no-keys = this station has no keys yet
hint-no-keys = run `fieldtrace keys init`
error-passphrase-needed = a passphrase is needed to { $purpose }
hint-passphrase = set { $env }, or run at a terminal without --no-input
prompt-passphrase = Passphrase to { $purpose }
error-embedded-library = cannot open the embedded reference library
error-no-home = no home directory for this user: pass --home DIR or set FIELDTRACE_HOME

## init

init-empty = --name, --unit and --officer must not be empty
init-already = this station is already '{ $name }' ({ $unit }, { $officer })
hint-init-force = pass --force to change it; earlier records keep the old identity
init-done = Station '{ $name }' ({ $unit }), officer { $officer }: data in { $home }

## custody

custody-usage = give an item and --action, or `custody log ITEM`, or `custody verify`
custody-recorded-as = Item { $item }: { $action } recorded as custody event #{ $id }
custody-none-yet = Item { $item } has no custody event yet.
custody-intact = Custody log intact: { $events } events, every hash and link checks. Head { $head }
custody-intact-heads = Custody log intact: { $events } events. Received chain heads: { $problems } problem(s)
custody-tampered = Custody log TAMPERED: { $problems } problem(s) in { $events } events
purpose-signing = unlock this station's signing key
purpose-decryption = unlock this station's decryption key
purpose-new-keys = protect this station's new keys
purpose-key-card = sign this station's key card

## custody verify: what is wrong in the chain (the kind is a code in --json, shown in words)

custody-problem-line = { "  " }{ $kind }: { $message }
custody-kind-edited = edited
custody-kind-reordered = reordered
custody-kind-inserted = inserted
custody-kind-deleted = deleted
custody-kind-truncated = truncated
custody-kind-rewritten = rewritten
custody-kind-diverged = diverged
custody-kind-serial = serial
custody-kind-missing = missing
custody-kind-checkpoint = checkpoint
custody-problem-event = #{ $id } ({ $action } of item { $item } at { $at })
custody-problem-edited = event { $event } was edited: its contents no longer match its hash
custody-problem-out-of-order = event { $event } is out of order: in the chain it comes after #{ $after }
custody-problem-inserted = { $count ->
        [one] event { $events } was inserted
       *[other] events { $events } were inserted
    }: #{ $id } follows #{ $follows } in the chain
custody-problem-not-first = event { $event } claims to be the first event but is not
custody-problem-missing-before = the event before { $event } is missing: it follows an event that is no longer in the log
custody-problem-last-deleted = the last event(s) of the log were deleted: ids up to #{ $issued } were issued, #{ $last } is the last left
custody-problem-head-cut = item { $item } from '{ $sender }': packet { $packet } has { $events } custody event(s), but packet { $earlier } had { $most }: the chain was cut at the station
custody-problem-head-diverged = item { $item } from '{ $sender }': packet { $packet } ends its { $events } custody event(s) with { $hash }, packet { $earlier } with { $earlier_hash }: the chain was rewritten at the station
custody-problem-item-gone = item { $item } that { $packet } is about is no longer in the register
custody-problem-item-cut = item #{ $id }: { $packet } carried { $events } custody events, the register holds { $held }: events were deleted
custody-problem-item-rewritten = item #{ $id }: its custody event { $events } is not the one { $packet } carried (hash { $hash } there): the chain was rewritten
custody-problem-serial = item #{ $id }: serial '{ $now }' where { $packet } carried '{ $then }', and no change of it is recorded
custody-the-checkpoint = the checkpoint of { $at }
custody-problem-checkpoint-cut = { $checkpoint } counted { $events } custody events, the register holds { $held }: events were deleted
custody-problem-checkpoint-rewritten = custody event { $events } is not the one { $checkpoint } ends with: the chain was rewritten
custody-problem-checkpoint-gone = { $file } is missing though { $count } request(s) were exported: it was deleted
checkpoint-too-big = { $file } is over { $limit } bytes
checkpoint-unreadable = { $file } does not read: { $error }
checkpoint-not-signed = { $file } is not signed by this station's key ({ $error }): it was altered

## identify: the wizard

question-type = What type of weapon is it?
question-calibre = What calibre is it? (marked on the barrel, or read from a cartridge)
question-markings = What marks can you read? (as printed, or in words: '66 in a triangle')
question-serial = Serial number as read? ('?' for each illegible character, 'obliterated' if ground off)
question-volunteered = (given without being asked)
wizard-leading = leading: { $names }
wizard-dont-know = Don't know
wizard-back = ← Back to the previous question
wizard-other = Other (type it)
wizard-calibre-as-marked = Calibre as marked
wizard-marks-help = several: separate with ' | '; 'obliterated' if removed; empty if none; '<' for back
wizard-text-help = empty if you cannot read it; '<' for back
wizard-add = Add this weapon to the register?
wizard-how-recovered = How was it recovered?
wizard-date = Date (YYYY-MM-DD or DD/MM/YYYY)
wizard-where = Where (empty if not known)
wizard-repeat = Repeat it
wizard-differ = The two entries differ; try again
wizard-not-recorded = { $error }; the identification above is not recorded (save it with --json and `item add --from-identify` once the station is set up)
# What the officer types for "obliterated" in the wizard (any of these words).
wizard-obliterated-words = obliterated

## identify: the result

identify-no-facts = no facts given: pass --type, --calibre, --marking, --feature or --serial, use --answers FILE, or run on a terminal to be asked
identify-answers-unreadable = cannot read the answers file { $file }

## identify --answers: a file of answers that cannot be used (`$found` is TOML's word for a type)
answers-syntax = answers file: { $detail }
answers-field = answers file: '{ $key }': { $reason }
answers-no-such-question = no such question; known questions: { $known }
answers-no-such-question-near = no such question; did you mean { $near }?
answers-mark-not-text = every mark must be a string
answers-not-text = expected a string, found { $found }
identify-answers = Answers
identify-answer-obliterated = marks obliterated
identify-answer-dont-know = don't know
identify-no-match = No model in the library matches these facts. Closest, best first
identify-candidates = Candidates, best first
identify-none = none: no model in the library fits these facts
identify-documented-in = documented in { $places }
identify-score = score { $score } · { $confidence } confidence, by { $basis } · { $id }
identify-marks = Marks
identify-serial = Serial
identify-serial-line = '{ $input }': { $status }, legible '{ $legible }'
identify-serial-fits = fits { $meaning } [{ $confidence }]
identify-uncertain = Still uncertain
identify-photos = Photos to take
identify-next-question = Most telling next question
identify-answer-with = answer with --feature { $field }=VALUE or the matching flag, or run on a terminal
word-basis-marks = marks
word-basis-features = features
word-basis-marks-and-features = marks and features
word-basis-none = none
word-flag-closest = closest
word-flag-craft = craft
word-flag-copy = copy
word-flag-variant-unknown = variant unknown
word-field-markings = markings

## trace

error-cannot-read = cannot read { $file }
trace-no-reduced-copy = photo { $sha }: no reduced copy ({ $error }); the original will travel
trace-printed = Request { $id } written to { $file } (print it, A4)
trace-complete = Complete: nothing ITI paragraph 17 asks for is missing.
trace-before-signing = Before signing
trace-finding = { $level }: { $message }
trace-finding-item = { $level } (item { $item }): { $message }

## trace: a request that cannot be made or exported as asked
trace-no-such-peer = no trusted peer named '{ $name }'
hint-trace-no-such-peer = `fieldtrace keys list` shows them, `keys trust FILE --name NAME` adds one
trace-peer-revoked = the key of '{ $name }' is revoked: nothing more is sent to it
trace-peer-key-changed = the key of '{ $name }' changed since request { $id } was made
hint-trace-make-new = make a new request
trace-already-signed = request { $id } was already signed (photos: { $photos }) as manifest { $manifest }; a sent packet is never changed
hint-trace-same-photos = export it with the same --photos, or make a new request
inbox-no-such-request = no received request '{ $reference }'
inbox-no-such-quarantined = no quarantined packet #{ $id }
word-level-missing = missing
word-level-weak = weak
trace-strict-missing = the request misses { $missing } required fact(s); nothing was created (--strict)
trace-created = Trace request { $id } for '{ $to }' (packet { $packet }, seq { $seq }): { $items } item(s), body { $bytes } bytes
trace-next-export = Next: `fieldtrace trace export { $id }` signs it into the outbox.
trace-encrypted-to = , encrypted to '{ $name }'
trace-signed = Signed trace request { $id } for '{ $to }' into { $file } ({ $bytes } bytes{ $sealed }; { $attachments } attachment(s))
trace-manifest = Manifest { $bytes } bytes, SHA-256 { $sha }
word-answer-dont-know = don't know
trace-qr-part = Part { $part } of { $count }
trace-qr-parts = { $count } parts ({ $plain } plain + { $mixed } mixed) of a { $bytes }-byte signed manifest
trace-qr-wrote = wrote { $file }
trace-none-overdue = No overdue trace requests.
trace-none-yet = No trace requests yet: `fieldtrace trace new ITEM... --to NAME`.
trace-overdue = { $why } after { $days } days: re-send it
trace-not-signed = not signed yet
trace-list-to = to { $to } items { $items }
trace-none-received = No trace requests received yet: `fieldtrace sync --to DIR` or `inbox import`.
trace-received-line = from { $from } { $items } item(s), received { $at }
trace-photos-pending = , { $count } photo(s) pending (`inbox attach`)
trace-answered = , answered: { $outcome }
trace-show-heading = Trace request { $id } ({ $packet }), { $status }
trace-show-to = to
trace-show-to-key = { $to } (key { $key })
trace-show-items = items
trace-show-created = created
trace-show-created-by = { $at } by { $by } (seq { $seq })
trace-show-gone = { " " }(no longer in the outbox)
trace-show-exported = exported
trace-show-exported-to = { $at } to { $file }{ $state }
trace-show-encrypted = encrypted
trace-show-encrypted-to = to '{ $to }'
trace-show-manifest = manifest
trace-show-missing = , missing: { $missing }
trace-show-waiting = , waiting for { $count } photo(s) by file
trace-show-receipt = receipt
trace-show-at = { $what } at { $at }
trace-show-answer = answer
trace-show-body = Body
trace-responded = Signed trace response { $packet } ({ $outcome }) to '{ $to }' for request { $request } into { $file }
trace-responded-next = Next: `fieldtrace sync --to DIR` carries it to the requesting station.
word-request-status-draft = draft
word-request-status-exported = exported
word-request-status-sent = sent
word-request-status-acknowledged = acknowledged
word-request-status-incomplete = incomplete
word-request-status-rejected = rejected
word-request-status-answered = answered
word-overdue-not-acknowledged = not acknowledged
word-overdue-not-answered = not answered
decode-no-reading = no reading for '{ $text }'{ $suggestions }
did-you-mean = { " " }(did you mean { $options }?)

## The register's errors

reg-database = register database: { $error }
reg-unknown-item = no item '{ $item }' in the register
reg-unknown-request = no trace request '{ $id }'
reg-too-new = the register was written by a newer fieldtrace (schema { $found }, this one knows { $known })
reg-damaged = the register { $path } is damaged ({ $detail }); nothing is written to it
reg-needs-upgrade = the register { $path } is on a read-only medium and was written by an older fieldtrace (schema { $found }, this one needs { $known }): it cannot be brought up to date there
reg-read-only = the register was opened read-only for this command, which must not write

## report html: the HTML report

report-title = fieldtrace report { $from } to { $to }
report-h1 = Recovered weapons, { $from } to { $to }
report-meta = Station { $station }. Generated { $at } by fieldtrace. Items counted by their event date.
report-sdg = SDG indicator 16.4.2
report-sdg-lead = { " " }of weapons seized, found or surrendered whose illicit origin was traced:{ " " }
report-sdg-traced = { " " }traced (numerator) of{ " " }
report-sdg-recovered = { " " }recovered (denominator).
report-th-event = event
report-th-recovered = recovered
report-th-traced = traced
report-th-share = share
report-beside = Beside the indicator, not counted in it: { $ammo } ammunition lot(s) ({ $ammo_traced } traced), { $parts } loose component(s) ({ $parts_traced } traced).
report-over-time = Items over time
report-in-period = { $items } item(s) in the period, by month of the event.
report-chart-month = Items by month
report-by-type = By type
report-chart-type = Items by type
report-by-country = By country of manufacture
report-chart-country = Items by country of manufacture
report-by-event = By event
report-chart-event = Items by event
report-by-place = By place
report-chart-place = Items by place
report-map = Map of recovery places
report-requests = Trace requests
report-requests-meta = Every request this station made, as it stands today.
report-chart-funnel = Trace requests by stage
report-chart-outcome = Answered requests by outcome
report-overdue = Overdue requests
report-none = None.
report-th-request = request
report-th-recipient = recipient
report-th-waiting = waiting for
report-th-days = days
report-note = Map outline: Made with Natural Earth (public domain), 1:110m land. The same figures as data: fieldtrace report sdg --json and fieldtrace report summary --json, with the same --from and --to.
report-located = { $items } item(s) with coordinates in the period, at { $places } place(s)
report-coarsened = , each moved to the centre of its { $km } km grid cell (--coarsen-km)
report-exact = , at their exact places (--coarsen-km 0)
report-world = World
report-region = Region
report-items = { $items } item(s)
word-funnel-drafted = drafted
word-funnel-sent = sent
word-funnel-acknowledged = acknowledged
word-funnel-answered = answered

## Printable pages: a trace request, a seizure record

print-kind = Kind
print-type = Type
print-manufacturer = Manufacturer
print-model = Model
print-calibre = Calibre
print-serial-number = Serial number
print-country-of-manufacture = Country of manufacture
print-year-of-manufacture = Year of manufacture
print-quantity = Quantity
print-headstamp = Headstamp
print-lot = Lot
print-markings = Markings
print-recovered = Recovered
print-suspected = Suspected
print-photos-sha-256 = Photos (SHA-256)
print-request = Request
print-packet-id = Packet id
print-manifest-sha-256 = Manifest SHA-256
print-addressed-to = Addressed to
print-drafted = Drafted
print-signed = Signed
print-printed = Printed
print-requesting-authority = Requesting authority
print-point-of-contact = Point of contact
print-illicit-nature-of-the-weapons = Illicit nature of the weapons
print-legal-basis-of-the-request = Legal basis of the request
print-intended-use = Intended use
print-priority = Priority
print-justification-of-urgency = Justification of urgency
print-confidentiality = Confidentiality
print-item-uuid = Item UUID
print-registered = Registered
print-record-id-seizure-log = Record id (seizure log)
print-event = Event
print-date = Date
print-place = Place
print-latitude = Latitude
print-longitude = Longitude
print-serial-status = Serial status
print-serial-location = Serial location
print-condition = Condition
print-unit = Unit
print-officer = Officer
print-notes = Notes
print-h1-request = Tracing request (International Tracing Instrument, para. 17)
print-draft = DRAFT: not signed, not sent. The paper of a signed request carries its manifest SHA-256 and QR codes.
print-h2-a = (a) Requesting authority, illicit nature and legal basis
print-h2-b = (b) Identification of the weapons
print-h2-c = (c) Intended use of the information, urgency, confidentiality
print-h2-qr = The signed manifest as QR codes
print-h2-signature = Signature
print-requesting-officer = Requesting officer (name, rank, signature, date)
print-authorising-officer = Authorising officer (name, rank, signature, stamp)
print-h2-marks = Marks
print-none-recorded = None recorded.
print-h2-photos = Photos of the marks
print-none = None.
print-photo-missing = photo file not found
print-h2-custody = Custody chain
print-no-custody = No custody event recorded.
print-h2-requests = Trace requests
print-seizing-officer = Seizing officer (name, rank, signature, date)
print-received-by = Received by (name, rank, signature, date)
print-title-request = Trace request { $id } { $packet }
print-sequence = { $id } (sequence { $seq })
print-by = { $at } by { $by }
print-scan-1 = Scan all { $count } code(s) in any order with{ " " }
print-scan-2 = { " " }(or{ " " }
print-scan-3 = { " " }of the scanned text) to check this paper against the signed file.
print-qr-part = QR part { $part }
print-part-of = part { $part } of { $count }
print-title-item = Seizure record, item { $id }
print-h1-item = Seizure record: item { $id }
print-th-mark = mark
print-th-event = event
print-th-part = part
print-th-legibility = legibility
print-th-when = when
print-th-action = action
print-th-to-place = to / place
print-th-by = by
print-th-hash = hash
print-th-request = request
print-th-packet = packet id
print-th-manifest = manifest SHA-256
print-not-signed = draft, not signed
print-serial-at = { $serial } ({ $status }, on the { $at })
print-item = Item { $number }

## report

report-not-set-up = (not set up)
report-written = Report for { $from } to { $to } ({ $items } items) written to { $file }
report-sdg-heading = SDG 16.4.2, { $from } to { $to }: weapons seized, found or surrendered whose illicit origin was traced
report-total = total
report-beside-heading = Beside the indicator, not counted in it:
report-ammunition-lots = ammunition lots
report-loose-components = loose components
report-recovered-traced = { $recovered } recovered, { $traced } traced
report-summary-period = { $items } item(s) recovered or reported from { $from } to { $to }
report-summary-all = { $items } item(s) in the register
report-by = By { $group }
report-funnel = drafted { $drafted }, sent { $sent }, acknowledged { $acknowledged }, answered { $answered }
report-overdue-line = overdue: request { $id } to { $to } ({ $why }, { $days } days)
word-group-type = type
word-group-country-of-manufacture = country of manufacture
word-group-event = event
word-group-place = place
word-group-month = month

## keys

error-cannot-write = cannot write { $file }
keys-created = Keys created in { $dir }: signing key { $key } (minisign), decryption key { $age } (age)
keys-created-next = Give peers your key card (`fieldtrace keys export --out station.ftkey`) and read them its fingerprint by phone; keep the passphrase safe: it cannot be recovered.
keys-show-id = key id
keys-show-dir = directory
keys-card-written = Wrote { $file }: '{ $name }' ({ $unit }), key id { $key }, fingerprint { $fingerprint }
keys-card-next = Give the file to the peer (`keys trust FILE`) and read them the fingerprint by phone.
keys-age-mismatch = --age { $age } is not the age key the card { $file } carries
keys-pub-needs-name = { $file }: a .pub file needs --name
hint-keys-card = or trust the peer's key card: `keys export --out station.ftkey` there
keys-own-key = { $file } is this station's own key ({ $key })
keys-card-of = Key card of '{ $name }' ({ $unit }): key id { $key }, fingerprint { $fingerprint }
keys-compare-fingerprint = Compare the fingerprint by phone with the one its station read out; `keys revoke` if they differ.
keys-can-encrypt = packets can be encrypted to it
keys-cannot-encrypt = no age key: packets to it cannot be encrypted (add --age)
keys-trusted = Trusted '{ $name }': signing key { $key }; { $encrypt }
keys-trust-list-unreadable = cannot read the trust list
keys-no-peers = No trusted peers yet: `fieldtrace keys trust FILE --name NAME`.
keys-no-age = no age key
keys-revoked-mark = REVOKED
keys-revoked = Revoked '{ $name }': its packets are refused from now on
item-bad-view = view { $error }

## ref

ref-nothing = Nothing in the library matches '{ $query }'.
ref-shown-of = { $shown } of { $total } shown: --limit N or --all for more, or narrow with --type, --calibre, --country, --kind
ref-found = { $total } found
ref-show-hint = `fieldtrace ref show ID` gives an entry with its sources.
ref-sources = Sources
ref-library = Reference library { $version }
ref-models = models
ref-markings = marking profiles
ref-manufacturers = manufacturers
ref-calibres = calibres
ref-headstamps = headstamps
ref-countries = countries
ref-sources-count = sources
ref-check-summary = { $files } files, { $entries } entries, { $examples } examples: { $problems ->
    [0] no problems
    [one] 1 problem
   *[other] { $problems } problems
}
word-entry-kind-model = model
word-entry-kind-marking = marking
word-entry-kind-headstamp = headstamp
word-entry-kind-calibre = calibre
word-entry-kind-manufacturer = manufacturer
word-entry-kind-country = country
word-entry-kind-source = source
word-entry-kind-trait = trait

## packet

packet-packet = packet
packet-signed-by = signed by '{ $name }' ({ $key })
packet-signed-by-unknown = signed by unknown key { $key }
packet-signer-unknown = signer unknown
packet-valid-pending = VALID { $what }, { $signer }: signature valid, { $pending } attachment(s) pending ({ $present }/{ $expected } present, { $ok } ok); they are checked against the signed manifest when they come (`inbox attach`)
packet-valid = VALID { $what }, { $signer }; attachments { $present }/{ $expected } present, { $ok } ok
packet-invalid = INVALID { $file }: { $what }, { $signer }
packet-from = from
packet-from-key = { $name } ({ $unit }), key { $key }
packet-to = to
packet-to-key = { $name }, key { $key }
packet-seq = seq
packet-created = created
packet-corrects = corrects
packet-manifest = manifest
packet-attached = attached
packet-attachment = { $sha } { $media } ({ $bytes } bytes)
packet-assembled = Assembled { $file } ({ $bytes } bytes) from { $parts } part(s), { $ignored } ignored; photos, if any, follow by file
ref-empty-query = the search query is empty: give a name, code, calibre or word to look for
ref-not-found = no reference entry with id '{ $id }'{ $suggestions }
ref-unknown-calibre = unknown calibre '{ $input }'{ $suggestions }
ref-ambiguous-calibre = '{ $input }' is written for several calibres; say which: { $options }
ref-unknown-value = unknown { $field } '{ $value }'{ $suggestions }
export-written = { $rows } items written to { $file }
word-field-feature = feature
word-field-dont-know = dont-know

## The keys' errors

key-already = this station already has keys in { $dir }; they are never replaced silently
key-not-initialised = this station has no keys yet in { $dir }: run `fieldtrace keys init`
key-empty-passphrase = an empty passphrase cannot protect a secret key
key-wrong-passphrase = wrong passphrase for { $path }
key-damaged = { $path } is damaged: the passphrase is right (it opens { $other }) but this file does not decrypt
key-replaced = the key files in { $dir } are not this station's: `keys init` recorded signing key { $recorded }, the files hold { $found }
key-bad-file = { $path } is not a valid key file: { $reason }
key-bad-public = not a minisign public key: { $reason }
key-bad-recipient = not an age recipient (age1...): '{ $value }'
key-duplicate-name = a peer named '{ $name }' is already trusted
key-duplicate-key = key { $key } is already trusted as '{ $name }'
key-unknown-peer = no trusted peer named '{ $name }'
key-generate = key generation failed: { $reason }

## inbox

sync-packets-unit = packets
inbox-ack-in-outbox = ; acknowledgement { $ack } in the outbox
inbox-pending-follow = ; { $count } attachment(s) pending, to follow by file (`inbox attach`)
inbox-imported = { $packets } packet(s): { $stored } stored, { $duplicate } duplicate, { $rejected } rejected, { $quarantined } quarantined
inbox-received = Received
inbox-pending = { $count } attachment(s) pending
inbox-from = from { $from }
inbox-quarantined = Quarantined
inbox-released = { $outcome } by { $by } at { $at }: { $reason }
inbox-unmatched = { $file }: not one of the attachments packet { $packet } waits for (hash or size differ)
inbox-complete = Inbox { $inbox }: every attachment in and checked against the signed manifest; packet { $packet } complete{ $ack }
inbox-partly = Inbox { $inbox }: { $taken } attachment(s) taken, { $pending } still pending
inbox-still-refused = Quarantined packet #{ $id } is still refused: { $code }: { $detail }
inbox-release-outcome = Quarantined packet #{ $id } { $outcome }
word-received-stored = stored
word-received-duplicate = duplicate
word-received-rejected = rejected
word-received-quarantined = quarantined
word-received-not-ours = not-ours
word-received-seen = seen
word-release-released = released
word-release-dismissed = dismissed
word-release-still-refused = still-refused
word-release-received = received

## Packet refusals (src/packet): the sentence after a reason code, which stays the same
packet-err-entry-name = '{ $name }': { $error }
packet-err-too-large = the packet is { $bytes } bytes, over the limit of { $limit }
packet-err-not-blocks = the packet is { $bytes } bytes, not a whole number of tar blocks
packet-err-ends-before-end = the packet ends before the end-of-archive blocks
packet-err-too-many-members = the packet has more than { $limit } members
packet-err-member-too-large = member '{ $name }' is { $bytes } bytes, over the limit of { $limit }
packet-err-member-cut = member '{ $name }' is cut short
packet-err-header-not-ours = the header of '{ $name }' is not the one fieldtrace writes
packet-err-padding = the padding after '{ $name }' is not zero
packet-err-twice = '{ $name }' appears twice
packet-err-order = '{ $name }' comes after a member it must precede: a packet holds manifest.json, manifest.json.minisig, then its attachments by hash (docs/packets.md)
packet-err-no-manifest = the packet has no manifest.json
packet-err-no-signature = the packet has no manifest.json.minisig
packet-err-ends-inside-end = the packet ends inside the end-of-archive blocks
packet-err-member-after-end = a member follows an end-of-archive block
packet-err-trailing = { $bytes } bytes follow the end of the archive
packet-err-checksum = the tar header at byte { $pos } has a bad checksum
packet-err-not-ustar = the tar header at byte { $pos } is not ustar
packet-err-link = '{ $name }' is a link
packet-err-not-file = '{ $name }' is not a regular file (type '{ $kind }')
packet-err-size = the size of '{ $name }' is malformed
packet-err-name-not-utf8 = member name { $name } is not UTF-8
packet-err-absolute = member '{ $name }' is an absolute path
packet-err-leaves-root = member '{ $name }' leaves the packet root
packet-err-unknown-member = member '{ $name }' is not manifest.json, manifest.json.minisig or attachments/<sha256>
packet-err-station-key = the manifest names station key { $named } but the signing key is { $key }
packet-err-attachment-length = attachment { $sha } is not { $bytes } bytes long
packet-err-attachment-not-given = attachment { $sha } is listed but was not given
packet-err-attachment-not-listed = attachment { $sha } was given but the manifest does not list it
packet-err-age = age: { $error }
packet-err-not-age = the file is not an age-encrypted file (binary form)
packet-err-age-header-long = the age header does not end within { $limit } bytes
packet-err-age-stanzas = the age header has { $count } recipient stanzas, over the limit of { $limit }
packet-err-age-header = age header: { $error }
packet-err-not-for-us = the packet is not encrypted to this station's key
packet-err-plaintext-too-large = the decrypted packet is over the limit of { $limit } bytes
packet-err-manifest = manifest: { $error }
packet-err-manifest-too-large = the manifest is { $bytes } bytes, over the limit of { $limit }
packet-err-manifest-not-utf8 = the manifest is not UTF-8: { $error }
packet-err-format = format '{ $format }' is not { $known }
packet-err-no-format = the manifest names no format
packet-err-not-canonical = the manifest is not in canonical JSON form (RFC 8785)
packet-err-not-uuid7 = packet_id { $id } is not a UUIDv7
packet-err-seq = seq { $seq } is too large
packet-err-created-at = created_at '{ $at }' is not RFC 3339 UTC
packet-err-body-not-object = body is not a JSON object
packet-err-attachment-hash = attachment sha256 '{ $sha }' is not 64 lower-case hex digits
packet-err-attachment-path = attachment path '{ $path }' is not { $dir }<sha256>
packet-err-attachment-too-large = attachment { $sha } is too large
packet-err-attachment-no-media = attachment { $sha } has no media_type
packet-err-attachment-twice = attachment { $sha } is listed twice
packet-err-key-generation = key generation: { $error }
packet-err-secret-key = the secret key is locked or does not belong to the public key
packet-err-public-key = public key: { $error }
packet-err-signing = signing: { $error }
packet-err-signature = signature: { $error }
packet-err-key-id = the key id is malformed
packet-err-signed-by-other = the manifest names key { $key } but the signature is by another key
packet-err-trusted-comment = trusted comment: { $error }
packet-err-comment-mismatch = the trusted comment '{ $comment }' does not match the manifest
packet-err-signature-too-large = the signature file is over 1 KiB
packet-err-signature-not-utf8 = the signature is not UTF-8
packet-err-not-minisign = not a minisign signature: { $error }
packet-err-legacy-signature = legacy (not pre-hashed) minisign signatures are refused
packet-err-untrusted-comment = untrusted comment: { $error }
packet-err-untrusted-not-ours = the untrusted comment is not the one fieldtrace writes
packet-err-signature-form = the signature file is not in the form fieldtrace writes
packet-err-unknown-key = key { $key } ('{ $name }') is not in the trust list
packet-err-revoked = the key of '{ $name }' has been revoked
packet-err-wrong-recipient = the packet is for '{ $name }' (key { $key }), not this station (key { $own })
packet-err-attachment-missing = attachment { $sha } ({ $media }) is missing
packet-err-attachment-differs = attachment { $sha } does not have the size and hash the manifest lists
packet-err-attachment-unlisted = attachment { $sha } is not listed in the manifest

## sync: the summary, and why a packet could not go or was refused (src/sync, src/hub/client.rs)
sync-summary = Sync with { $destination }: { $copied } packet(s) copied, { $there } already there, { $failed } failed; received { $stored } stored, { $duplicate } duplicate, { $rejected } rejected, { $quarantined } quarantined
sync-send-failed = packet { $packet }: { $error }
sync-received-why = : { $reason }: { $detail }
packet-error-line = { $code }: { $message }
word-packet-kind-trace-request = trace-request
word-packet-kind-acknowledgement = acknowledgement
word-packet-kind-trace-response = trace-response
word-packet-kind-seizure-report = seizure-report
sync-hub-unreachable-hint = check the address and that the hub runs (`fieldtrace hub serve` there)
sync-refused-file-too-large = the file is over { $limit } bytes
sync-refused-received-before = packet { $packet } was received before with manifest { $earlier }; this one is { $sha }
sync-refused-own-packet = packet { $packet } is one this station sent
sync-refused-ack-unknown = acknowledges packet { $packet }, which this station never sent
sync-refused-ack-sender = packet { $packet } was sent to key { $to }, but key { $key } acknowledges it
sync-refused-ack-manifest = acknowledges manifest { $sha } but packet { $packet } was sent as { $sent }
sync-refused-response-unknown = answers request { $request }, which this station never sent
sync-refused-response-sender = request { $request } went to key { $to }, but key { $key } answers it
sync-refused-response-manifest = answers manifest { $sha } but request { $request } was sent as { $sent }
sync-signing-locked = the signing key is not unlocked
sync-decryption-locked = the decryption key is not unlocked
sync-not-a-folder = { $dir } is not a folder
sync-not-a-folder-hint = mount the stick or create the shared folder first
sync-cannot-resolve = cannot resolve { $dir }
sync-outbox-no-name = an outbox entry without a file name
sync-different-file = { $file } holds a different file; it is not overwritten
sync-cannot-read-back = cannot read back { $file }
sync-medium-failing = { $file } does not read back as written: the medium is failing
sync-too-large-for = { $file }: too large for { $what }
sync-a-public-key = a public key file
sync-encrypted-no-keys = the packet is encrypted and this station has no keys to open it
sync-encrypted-no-keys-hint = `fieldtrace keys init` makes them
sync-larger-than-packet = { $file } is larger than a packet may be
sync-larger-than-attachment = { $file } is larger than an attachment may be
sync-not-stored = packet { $packet } is not stored
sync-nothing-pending = packet { $packet } (inbox { $inbox }) has no attachment pending
sync-nothing-pending-hint = `inbox list` shows which packets wait for attachments
sync-stored-manifest-damaged = inbox { $inbox }: the stored manifest is damaged: { $error }
sync-stored-packet-damaged = inbox { $inbox }: the stored packet is damaged: { $error }
sync-hash-changed = { $file } no longer matches its SHA-256
sync-attach-not-verified = packet { $packet } rebuilt with its attachments does not verify: { $why }
sync-release-no-reason = --reason: say what was fixed or decided
sync-release-already = quarantined packet #{ $id } was already released ({ $outcome }) by { $by } at { $at }
sync-release-not-kept = quarantined packet #{ $id } was not kept ({ $reason }): import the file again
sync-respond-list-hint = `fieldtrace trace list --received` shows the requests received
sync-respond-not-request = packet { $packet } is a { $kind }, not a trace request
sync-respond-rejected = request { $id } was rejected on receipt; there is nothing to answer
sync-respond-bad-key = received request { $id }: { $error }
sync-respond-untrusted = the sender of request { $id } (key { $key }) is no longer trusted
sync-seizure-state-damaged = { $file }: { $error }; remove it to report everything again
sync-file-too-large = { $file } is too large
hub-client-unreachable = cannot reach the hub at { $url }
hub-client-stopped = the hub at { $url } stopped answering
hub-client-refused = the hub answered { $status } { $result }: { $reason }
hub-client-refused-why = the hub answered { $status } { $result }: { $reason }: { $detail }
hub-client-answered = the hub answered { $status }: { $body }
hub-client-mailbox-not-json = the hub's mailbox list is not JSON
hub-client-not-a-packet-id = the hub listed '{ $id }', which is not a packet id
hub-client-not-whole = packet { $packet } did not arrive whole from the hub (its SHA-256 differs); sync again
hub-client-identity-not-json = the hub's identity is not JSON
hub-client-identity = the hub's identity: { $error }
hub-client-untrusted = the hub at { $url } signs as key { $key }, which this station does not trust
hub-client-untrusted-hint = trust the NPC's key first: `fieldtrace keys trust npc.pub --name NAME`
word-upload-stored = stored
word-upload-duplicate = duplicate
word-upload-conflict = conflict
word-upload-rejected = rejected
word-upload-refused = refused

## Why a packet was refused, by reason code (`refusal-<code>`): shown in another language than
## English in place of the English sentence a record or a hub keeps (`inbox list`, `hub quarantine`,
## a hub's refusal). English shows the recorded sentence itself, so these are its summary.
refusal-too-large = the packet is over the size limit
refusal-member-too-large = a member of the packet is over the size limit
refusal-too-many-members = the packet has too many members
refusal-truncated = the packet is cut short
refusal-trailing-data = data follows the end of the packet
refusal-bad-header = a tar header of the packet is damaged
refusal-non-canonical-archive = the packet is not laid out as fieldtrace writes it
refusal-bad-entry-name = a member of the packet has a name fieldtrace does not write
refusal-not-a-file = a member of the packet is not a regular file
refusal-link-entry = a member of the packet is a link
refusal-duplicate-entry = a member of the packet appears twice
refusal-missing-manifest = the packet has no manifest
refusal-missing-signature = the packet has no signature
refusal-manifest-too-large = the manifest is over the size limit
refusal-manifest-not-utf8 = the manifest is not UTF-8 text
refusal-duplicate-key = the manifest repeats a key
refusal-unknown-format = the manifest is of a format this version does not know
refusal-bad-manifest = the manifest is malformed
refusal-non-canonical-manifest = the manifest is not in canonical JSON form (RFC 8785)
refusal-bad-signature-file = the signature file is malformed
refusal-unknown-key = the signer's key is not in the trust list
refusal-revoked-key = the signer's key has been revoked
refusal-key-mismatch = the signature is by another key than the manifest names
refusal-bad-signature = the signature does not verify
refusal-wrong-recipient = the packet is addressed to another station
refusal-missing-attachment = an attachment the manifest lists is missing
refusal-bad-attachment = an attachment does not have the size and hash the manifest lists
refusal-unlisted-attachment = the packet carries an attachment the manifest does not list
refusal-not-age = the file is not age-encrypted
refusal-age-header-too-large = the encryption header is over the size limit
refusal-too-many-recipients = the encryption header names too many recipients
refusal-no-matching-identity = the packet is not encrypted to this station's key
refusal-decrypt-failed = the packet cannot be decrypted
refusal-plaintext-too-large = the decrypted packet is over the size limit
refusal-encrypt-failed = the packet could not be encrypted
refusal-sign-failed = the packet could not be signed
refusal-conflict = a packet with the same id was received before with another manifest, or was sent from here
refusal-bad-body = the body of the acknowledgement or response cannot be read
refusal-unknown-request = it answers a packet that was never sent from here
refusal-wrong-sender = it answers for another station than the one written to
refusal-wrong-manifest = it names another manifest than the one sent
refusal-invalid = the packet is invalid
refusal-id-mismatch = the upload names another packet than the one sent
refusal-not-the-sender = the packet is signed by another station than the one uploading it
refusal-not-ours = the packet is not for this hub
refusal-hub-error = the hub failed; try again later
refusal-bad-id = the address does not name a packet
refusal-not-found = the hub has no such packet for this station
refusal-unsigned-request = the request is not signed
refusal-unenrolled = this station's key is not enrolled at the hub
refusal-revoked = this station's key was revoked at the hub
refusal-stale-request = the request time is too far from the hub's clock: check this computer's clock
refusal-replayed-request = the hub saw this request before (a replay)
refusal-bad-request-signature = the request signature does not verify
refusal-bad-nonce = the request's nonce is malformed

## hub: what `fieldtrace hub ...` says to the NPC's officer (src/commands/hub.rs, src/hub)
hub-postgres-hint = is PostgreSQL running, and the URL right? (README: running a hub)
hub-cannot-open = cannot open the hub store { $db }
hub-ready = Hub store ready: { $engine } { $db }, schema version { $version }. Next: `fieldtrace hub enroll FILE --name NAME`, then `fieldtrace hub serve`.
hub-enrolled = Enrolled '{ $name }': key { $key }; its requests are accepted from now on
hub-revoked = Revoked '{ $name }' (key { $key }): its requests and packets are refused from now on
hub-no-station = No station enrolled yet: `fieldtrace hub enroll FILE --name NAME`.
hub-station-revoked = REVOKED { $at }
hub-station-enrolled = enrolled { $at }
hub-quarantine-from = from { $key }: { $detail }
hub-listening = Hub listening on http://{ $address } (store: { $engine } { $db }); stop it with Ctrl-C
hub-counts = { $stations } station(s), { $packets } packet(s) stored, { $refused } refused, { $mailbox } in mailboxes ({ $waiting } waiting), { $blobs } blob(s)
hub-integrity-clean = Integrity: clean (every blob hashes to its name; nothing names a missing blob)
hub-blob-bad-hash = blob { $blob } does not hash to its name
hub-blob-orphans = { $count } row(s) of { $table } name a missing blob
hub-blob-missing = blob { $blob } is missing
hub-sdg = SDG 16.4.2, { $from } to { $to }, every station: { $traced } of { $recovered } weapons recovered traced ({ $share })
hub-sdg-station = { $traced } of { $recovered }
hub-summary = { $items } item(s) reported, { $from } to { $to }
hub-by-station = By station
hub-by-month = By month
hub-none-overdue = No request waits past its deadline.
hub-none-received = No trace requests received yet.
hub-overdue = , OVERDUE: { $days } days without an answer
hub-responded = Request { $request } answered '{ $outcome }': response { $packet } for { $to }, handed to it at its next sync with the hub
hub-enroll-needs-name = { $file }: a .pub file needs --name
hub-enroll-needs-name-hint = or enroll the station's key card: `keys export --out station.ftkey` there
hub-enroll-own-key = { $file } is the NPC's own key ({ $key })
hub-enroll-revoked-in-trust = key { $key } ('{ $name }') is revoked in the trust list; a revoked key is not enrolled again
hub-enroll-revoked = key { $key } ({ $name }) was revoked on { $at }; a revoked key is not enrolled again
hub-enroll-key-taken = key { $key } is already enrolled as '{ $name }'
hub-enroll-name-taken = '{ $name }' is already enrolled with key { $key }
hub-no-such-station = no station '{ $who }' is enrolled
hub-stations-hint = `fieldtrace hub stations` lists them
hub-db-newer = the hub database is at version { $done }; this fieldtrace knows { $known }: upgrade fieldtrace
hub-cannot-listen = cannot listen on { $listen }: { $error }
hub-cannot-listen-hint = give another --listen address, such as 127.0.0.1:8740
hub-error-url = the database address { $detail }
hub-error-schema = the hub database: { $detail }
hub-error-poisoned = a lock of the hub store was poisoned by a panic

## packet assemble: a packet rebuilt from QR frames or `ur:` lines (src/sync/verify.rs)
sync-image-too-large = { $file }: over the limit of { $limit } bytes for an image
sync-no-qr-code = { $file }: no QR code found
sync-image-unread = { $file }: { $error }
sync-a-list-of-parts = a list of parts
sync-not-a-packet = a complete message was set aside, it is not a packet: { $error }
sync-part-ignored = part ignored: { $error }
sync-incomplete = incomplete: { $resolved } of { $count } fragments from { $parts } part(s); scan more frames
sync-parts-unread = { $count } part(s) after the complete packet were not needed and not read
sync-this-station-named = this station ({ $name })
sync-this-station = this station

## The command line's own errors (in English, clap writes them itself)

clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-invalid-value-because = invalid value '{ $value }' for '{ $arg }': { $reason }
clap-unknown-argument = unexpected argument '{ $arg }'
clap-unknown-command = unknown command '{ $name }'
clap-missing = required arguments missing: { $args }
clap-missing-command = a command is needed
clap-conflict = '{ $arg }' cannot be used with '{ $other }'
clap-did-you-mean = did you mean '{ $suggestion }'?
clap-more-help = for more information, try '--help'
clap-value-required = a value is needed for '{ $arg }', and none was given
clap-used-twice = '{ $arg }' can be given only once
clap-command-conflict = the command '{ $name }' cannot be used with '{ $other }'
clap-conflict-others = '{ $arg }' cannot be used with one or more of the other arguments given
clap-no-equals = '{ $arg }' needs its value after an equals sign ({ $arg }=VALUE)
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }': no more were expected
clap-too-few-values = '{ $arg }' needs { $min } values, and only { $actual } were given
clap-wrong-number-of-values = '{ $arg }' needs { $expected } values, and { $actual } were given
clap-invalid-utf8 = an argument is not valid UTF-8 text
clap-possible-values = possible values: { $values }

## --help of the hub (`fieldtrace hub ...`)

cmd-hub = The national hub: stations sync with it over HTTP (`sync --to URL`)
cmd-hub-init = Create or upgrade the hub's store (numbered migrations)
    .long =
        Create or upgrade the hub's store (numbered migrations)

        Run it in the NPC's home: the hub verifies packets with the NPC's trust list and signs acknowledgements with the NPC's key (`keys init` first).
arg-hub-init-db = The hub's store: `postgres://USER@HOST/DB` for PostgreSQL, or a SQLite file (by default `hub/hub.sqlite3` under the home)
cmd-hub-enroll = Enroll a station by its public key (its `.pub` file or key card), trusting it too
arg-hub-enroll-file = The station's public key: `keys export` or `keys export --out station.ftkey` there
arg-hub-enroll-name = The station's name, as the register and the reports show it
cmd-hub-revoke = Revoke a station: its requests and its packets are refused from now on
arg-hub-revoke-station = The station's name or key id
cmd-hub-stations = The enrolled stations
cmd-hub-status = Counts, and the integrity check of every blob and the rows naming them
cmd-hub-quarantine = Uploads refused, with their reason code
cmd-hub-trace = Trace requests received through the hub, and the NPC's answers
cmd-hub-trace-list = Requests received from the stations, oldest first, with their state
arg-hub-trace-list-received = Requests received (the default; kept for symmetry with `trace list --received`)
arg-hub-trace-list-overdue = Only requests not answered within `[deadlines] answer_days` of their receipt
cmd-hub-trace-respond = Answer a received request with a signed response; it reaches the station at its next sync with the hub
arg-hub-trace-respond-id = Received request number (`hub trace list`) or packet id
cmd-hub-report = The national register the stations' seizure reports make
cmd-hub-report-sdg = National SDG 16.4.2: of the weapons seized, found, surrendered, captured or recovered in the period at every station, the share whose illicit origin was traced; by station
cmd-hub-report-summary = Items by station, type, country of manufacture, place and month
cmd-hub-serve = Serve the hub over HTTP until stopped
    .long =
        Serve the hub over HTTP until stopped

        Plain HTTP: for TLS, put it behind a reverse proxy (README), or listen on 127.0.0.1 only. The NPC's passphrase is asked once, before listening.
arg-hub-serve-listen = Address and port to listen on (port 0: any free port, printed)
arg-hub-serve-max_body = Bytes a request body may have (default: the packet cap)
arg-hub-serve-timeout = Seconds a client may take to send its headers, and its body
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
custody-compared = Compared with { $heads } chain head(s) carried by packets{ $unread }
custody-unread = { " " }({ $count } packet file(s) not readable: encrypted or not requests)

## import: the summary, the rejected rows and their reasons (`reason_code` in the rejects file
## and `code` in --json are the same in every language), notes and errors

import-progress-rows = rows
import-summary = { $file }: { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }; imported { $imported }, { $already } already imported, { $rejected } rejected; { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }
import-summary-dry-run = { $file }: { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }; would import { $imported }, { $already } already imported, { $rejected } rejected; { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }
import-strict-nothing = --strict: nothing was imported, because some rows were rejected
import-reject-line = { "  " }line { $line } ({ $record }): { $field }: { $reason }
import-no-record-id = no record id
import-more-rejected = { "  " }... and { $count ->
        [one] { $count } more rejected row, with its reason in the rejects file
       *[other] { $count } more rejected rows, each with its reason in the rejects file
    }
import-note-line = { "  " }line { $line } ({ $record }): { $note }
import-more-notes = { "  " }... and { $count ->
        [one] { $count } more note, in its item's notes
       *[other] { $count } more notes, each in its item's notes
    }
import-columns-ignored = { "  " }columns not imported: { $columns }
import-rejects-file = Rejected rows, unchanged, with their reason (columns reason_code and reason): { $file }
import-reject-cell = line { $line }: { $field }: { $reason }
import-field-row = (row)
import-field-column = column { $n }
import-reject-not-utf8 = is not UTF-8 text (save the log as UTF-8; Latin-1 and other encodings are not read)
import-reject-nul = holds NUL bytes: not text (a binary file, or UTF-16 text, pasted into the log?)
import-reject-width = { $fields } fields where the header has { $width }
import-reject-field-too-long = { $bytes } bytes, over the limit of { $limit } (left empty in the rejects file)
import-reject-row-too-long = { $bytes } bytes, over the limit of { $limit } for a row (not kept in the rejects file)
import-reject-no-record-id = is required: the log's own id for this row
import-reject-repeated = '{ $id }' appears twice in this log (first at line { $first })
import-reject-no-photos-folder = the row names photos: pass --photos DIR
import-reject-no-date = is required (no photo carries an EXIF date either)
import-photo-absolute = '{ $photo }' is an absolute path: photos are named relative to --photos
import-photo-climbs = '{ $photo }' leaves the photos folder ('..')
import-photo-not-found = '{ $photo }' is not in the photos folder
import-photo-folder = the photos folder: { $error }
import-photo-link = '{ $photo }' is a link that leaves the photos folder
import-photo-not-file = '{ $photo }' is not a file
import-photo-unreadable = '{ $photo }': cannot be read: { $error }
import-photo-refused = '{ $photo }': { $reason }
import-photo-not-stored = '{ $photo }': cannot be stored: { $error }
import-photo-gone = its stored file went while the import ran (another fieldtrace collected it as an orphan): import again
import-note-found-as = photo '{ $photo }' found as '{ $found }'
import-note-photo = '{ $photo }': { $note }
import-note-position = position { $lat }, { $lon } taken from the photo's EXIF
import-note-position-disagrees = the photo's EXIF position { $plat }, { $plon } disagrees with the row's { $lat }, { $lon }: the row's is kept
import-note-date = date { $date } taken from the photo's EXIF
import-note-date-disagrees = the photo's EXIF time { $time } disagrees with the row's date { $date }: the row's is kept
import-error-header = the header: { $detail }
import-error-map = the column map: { $detail }
import-error-empty = the file is empty: a seizure log starts with a header row
import-error-csv = reading the CSV: { $error }
import-error-database = register database: { $error }
import-utf16 = this file is UTF-16; save it as UTF-8 (CSV UTF-8) or convert: iconv -f UTF-16 -t UTF-8
import-nul-file = { $file } is not a CSV text file (it holds NUL bytes)
import-header-columns = { $columns } columns; a seizure log has at most { $max }
import-header-too-big = a header line of { $bytes } bytes, over the limit of { $limit }
import-header-name-too-long = column { $column }: a name of { $bytes } bytes, over the limit of { $limit }
import-header-nul = the header holds NUL bytes: not a CSV text file
import-header-not-utf8 = the header is not UTF-8 text (save the log as UTF-8)
import-column-twice = column '{ $column }' appears twice
import-unknown-columns = { $count ->
        [one] unknown column
       *[other] unknown columns
    } { $columns }: the template's columns are { $template }; for another layout, pass --map MAP.toml
import-map-not-a-field = '{ $field }' is not a template field ({ $template }) nor one of { $extra }
import-missing-columns = { $count ->
        [one] missing required column
       *[other] missing required columns
    }: { $columns }
import-and-more = and { $count } more
import-no-parent-file = PARENT_KEY: a repeat group's rows, but no parent file ({ $file }) beside the log
import-parent-too-big = the parent file { $file } is over { $limit } bytes
import-parent-no-key = the parent file { $file } has no KEY column
import-cannot-write = cannot write { $file }: { $error }
import-file-too-big = { $file } is over { $limit } bytes
import-cannot-read-map = cannot read the column map { $file }
import-photos-not-folder = --photos { $dir }: not a folder

## Photos: why a photo is refused, and the EXIF notes recorded with it (the register stores
## the notes in English; the officer is shown them in their language)

photo-too-large = { $bytes } bytes is over the limit of { $limit } bytes
photo-not-an-image = not a JPEG or PNG image
photo-too-many-pixels = { $width } × { $height } pixels is over the limit ({ $side } a side, { $pixels } in all)
photo-corrupt = the image does not decode (truncated or corrupt): { $detail }
photo-metadata-too-large = its PNG metadata (ancillary chunks; the largest { $chunk }) passes { $bytes } bytes, over the limit of { $limit } bytes
photo-jpeg-no-frame = the JPEG has no frame header
photo-jpeg-frame-larger = the JPEG's frame is larger than its header said
photo-jpeg-truncated = the JPEG stops before its end-of-image marker (truncated)
photo-png-chunk-cut = a PNG chunk is cut short
photo-png-header-cut = PNG header cut short
photo-png-no-ihdr = PNG does not start with its IHDR chunk
photo-original-missing = the original is not in the photos folder
photo-hash-changed = the stored file no longer matches its SHA-256
photo-cannot-read = cannot read photo { $file }: { $error }
photo-over-limit = over the limit of { $limit } bytes
reg-photo = photo { $path }: { $reason }
exif-partly-read = EXIF partly read (skipped: { $skipped })
exif-unreadable = EXIF unreadable, ignored: { $error }
exif-date-future = EXIF date { $date } is in the future: ignored
exif-date-too-old = EXIF date { $date } is before digital cameras: ignored
exif-date-unparsed = EXIF date '{ $date }' does not parse: ignored
exif-gps-ignored = EXIF GPS ignored: { $reason }
exif-gps-not-rationals = { $tag } is not a set of rationals
exif-gps-not-dms = { $tag } does not have degrees, minutes and seconds
exif-gps-zero = { $tag } divides by zero
exif-gps-bad-ref = { $tag } '{ $value }' is not N, S, E or W
exif-gps-out-of-range = { $tag } { $degrees } is out of range

## QR: reading and writing a packet's manifest in QR parts

qr-not-ours = not a fieldtrace packet part: '{ $part }'
qr-malformed = damaged or malformed part: { $detail }
qr-too-large = the part declares a { $declared }-byte message, over the limit of { $limit }
qr-too-many-parts = more than { $parts } parts read without completing the message
qr-manifest-refused = the assembled manifest is refused: { $error }
qr-cannot-draw = cannot draw the QR code: { $detail }
qr-cannot-read-image = cannot read the image: { $detail }
qr-ur-encoding = UR encoding: { $error }
qr-part-too-long = a part of { $chars } characters is too long
qr-single-part = a single-part UR; fieldtrace reads multi-part URs only
qr-ur-part = UR part: { $error }
qr-not-fountain = the part is not a fountain-code part
qr-assembled-damaged = the assembled message is damaged: { $error }
qr-image-too-big = the image is { $bytes } bytes, over the limit of { $limit }
qr-too-many-frames = the animation has more than { $frames } frames
qr-gif-frame = GIF frame { $index }: { $error }
qr-signature-not-utf8 = the signature file is not UTF-8
qr-signature-not-four-lines = the signature file is not four lines
qr-signature-line-malformed = the signature line is malformed
qr-global-signature-malformed = the global signature line is malformed
qr-signature-not-ours = the signature file is not in the form fieldtrace writes
qr-payload-not-packet = the QR payload is not a fieldtrace packet

## An item's values: why one is refused (item add/edit, and import's rejected rows)

item-invalid-date = '{ $value }' is not a date (YYYY-MM-DD, optionally with a time, or DD/MM/YYYY)
item-date-future = '{ $value }' is in the future
item-date-before-1900 = '{ $value }' is before 1900
item-not-a-number = '{ $value }' is not a number
item-no-such-field = no such field
item-not-a-model = '{ $value }' is not a model in the library
item-lat-outside = { $value } is outside -90..90
item-lon-outside = { $value } is outside -180..180
item-not-a-year = { $value } is not a year of manufacture
item-negative-quantity = a quantity cannot be negative
item-required = is required
item-cannot-be-emptied = cannot be emptied
item-mark-empty = the mark's text is empty (describe it in words if it is a symbol)
item-part-needed = name the part (barrel, slide, bolt, receiver...)
item-no-component = item { $item } has no component { $component }
custody-bad-clock = the clock '{ $now }': { $error }
custody-at-future = '{ $value }' is in the future (it is now { $now })
