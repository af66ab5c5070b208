-- The national register (issue 14): what each station's seizure reports said, one row per
-- station and item (a later report replaces the facts), and the custody events reported.
CREATE TABLE national_items (
    station_key_id TEXT NOT NULL REFERENCES stations (key_id),
    item_uuid      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    event          TEXT NOT NULL,
    event_date     TEXT NOT NULL,
    location       TEXT,
    lat            REAL,
    lon            REAL,
    weapon_type    TEXT,
    model          TEXT,
    calibre        TEXT,
    country        TEXT,
    quantity       INTEGER,
    outcome        TEXT,
    packet_id      TEXT NOT NULL,
    PRIMARY KEY (station_key_id, item_uuid)
);
CREATE INDEX national_items_date ON national_items (event_date);

CREATE TABLE national_custody (
    station_key_id TEXT NOT NULL REFERENCES stations (key_id),
    item_uuid      TEXT NOT NULL,
    event_id       INTEGER NOT NULL,
    action         TEXT NOT NULL,
    at             TEXT NOT NULL,
    hash           TEXT NOT NULL,
    packet_id      TEXT NOT NULL,
    PRIMARY KEY (station_key_id, event_id)
);
