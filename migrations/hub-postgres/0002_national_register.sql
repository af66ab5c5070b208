-- The national register (issue 14): what each station's seizure reports said, one row per
-- station and item (a later report replaces the facts), and the custody events reported.
CREATE TABLE national_items (
    station_key_id TEXT NOT NULL REFERENCES stations (key_id),
    item_uuid      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    event          TEXT NOT NULL,
    event_date     TEXT NOT NULL,
    location       TEXT,
    lat            DOUBLE PRECISION,
    lon            DOUBLE PRECISION,
    weapon_type    TEXT,
    model          TEXT,
    calibre        TEXT,
    country        TEXT,
    quantity       BIGINT,
    outcome        TEXT,
    packet_id      TEXT NOT NULL,
    PRIMARY KEY (station_key_id, item_uuid)
);
CREATE INDEX national_items_date ON national_items (event_date);

CREATE TABLE national_custody (
    station_key_id TEXT NOT NULL REFERENCES stations (key_id),
    item_uuid      TEXT NOT NULL,
    event_id       BIGINT NOT NULL,
    action         TEXT NOT NULL,
    at             TEXT NOT NULL,
    hash           TEXT NOT NULL,
    packet_id      TEXT NOT NULL,
    PRIMARY KEY (station_key_id, event_id)
);

-- Views for analysts (QGIS, BI tools) through a read-only role (docs/hub.md): the register by
-- station name, and SDG 16.4.2 by year.
CREATE VIEW v_national_items AS
    SELECT s.name AS station, i.item_uuid, i.kind, i.event, i.event_date::date AS event_date,
           i.location, i.lat, i.lon, i.weapon_type, i.model, i.calibre, i.country, i.quantity,
           i.outcome
    FROM national_items i JOIN stations s ON s.key_id = i.station_key_id;

CREATE VIEW v_sdg_16_4_2 AS
    SELECT substr(event_date, 1, 4) AS year,
           COUNT(*) AS recovered,
           COUNT(*) FILTER (WHERE outcome = 'traced') AS traced
    FROM national_items
    WHERE kind = 'weapon'
      AND event IN ('seized', 'found', 'surrendered', 'captured', 'recovered')
    GROUP BY 1;

CREATE VIEW v_custody AS
    SELECT s.name AS station, c.item_uuid, c.event_id, c.action, c.at, c.hash
    FROM national_custody c JOIN stations s ON s.key_id = c.station_key_id;
