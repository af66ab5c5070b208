-- The evidence register. Append-only once released: later changes go in new numbered files.

CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    -- the seizure log's own id and the unit that kept the log: re-import is idempotent
    record_id       TEXT,
    source_unit     TEXT,
    kind            TEXT NOT NULL CHECK (kind IN ('weapon', 'ammunition', 'component')),
    event           TEXT NOT NULL CHECK (event IN ('seized', 'found', 'surrendered', 'captured',
                                                   'recovered', 'lost', 'stolen')),
    event_date      TEXT NOT NULL,
    location        TEXT,
    lat             REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon             REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    weapon_type     TEXT,
    make            TEXT,
    model           TEXT,
    model_id        TEXT,
    calibre         TEXT,
    serial          TEXT,
    serial_status   TEXT NOT NULL CHECK (serial_status IN ('present', 'partial', 'obliterated',
                                                           'absent', 'unknown')),
    serial_location TEXT,
    country         TEXT,
    year            INTEGER,
    quantity        INTEGER CHECK (quantity IS NULL OR quantity >= 0),
    headstamp       TEXT,
    lot             TEXT,
    condition       TEXT,
    unit            TEXT,
    officer         TEXT,
    notes           TEXT,
    id_method       TEXT CHECK (id_method IS NULL OR id_method IN ('marks', 'features', 'both')),
    id_confidence   TEXT CHECK (id_confidence IS NULL OR id_confidence IN ('high', 'medium', 'low')),
    suspected       TEXT CHECK (suspected IS NULL OR suspected IN ('copy', 'craft')),
    illicit_basis   TEXT,
    legal_basis     TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (source_unit, record_id)
);

-- One row per physical mark: several marking events per item (manufacture, import, state...).
CREATE TABLE item_marks (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES items(id),
    component_id INTEGER REFERENCES item_components(id),
    event        TEXT NOT NULL CHECK (event IN ('manufacture', 'import', 'proof', 'state',
                                                'unit', 'secondary', 'deactivation', 'other')),
    part         TEXT,
    text         TEXT NOT NULL,
    legibility   TEXT NOT NULL CHECK (legibility IN ('clear', 'partial', 'abraded', 'obliterated')),
    decoded      TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);

-- Parts of a modular or mixed-origin weapon, each with its own origin and serial.
CREATE TABLE item_components (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES items(id),
    part          TEXT NOT NULL,
    make          TEXT,
    model         TEXT,
    country       TEXT,
    serial        TEXT,
    serial_status TEXT NOT NULL CHECK (serial_status IN ('present', 'partial', 'obliterated',
                                                         'absent', 'unknown')),
    notes         TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);

-- Every change to an item: who, when, the old and the new value. Nothing is overwritten silently.
CREATE TABLE item_changes (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items(id),
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reason    TEXT,
    at        TEXT NOT NULL,
    by        TEXT NOT NULL
);

-- Photos are stored once, by content; the file is never altered.
CREATE TABLE photos (
    sha256     TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    bytes      INTEGER NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    taken_at   TEXT,
    lat        REAL,
    lon        REAL,
    exif_notes TEXT,
    stored_at  TEXT NOT NULL
);

CREATE TABLE item_photos (
    item_id  INTEGER NOT NULL REFERENCES items(id),
    sha256   TEXT NOT NULL REFERENCES photos(sha256),
    view     TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    PRIMARY KEY (item_id, sha256, view)
);

-- The chain of custody: append-only, each event chained by hash to the one before it.
-- AUTOINCREMENT: an id is never reused, so a deleted last event leaves a visible gap.
CREATE TABLE custody (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id   INTEGER NOT NULL REFERENCES items(id),
    action    TEXT NOT NULL,
    at        TEXT NOT NULL,
    station   TEXT NOT NULL,
    unit      TEXT NOT NULL,
    officer   TEXT NOT NULL,
    to_party  TEXT,
    place     TEXT,
    note      TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
);

CREATE INDEX custody_item ON custody(item_id);
CREATE INDEX item_marks_item ON item_marks(item_id);
CREATE INDEX item_photos_item ON item_photos(item_id);
