-- The hub's store on PostgreSQL (issue 14). Times are RFC 3339 UTC text, as in the register.

-- Stations enrolled by their signing key (minisign key id and public key line).
CREATE TABLE stations (
    key_id      TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    public_key  TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT
);

-- Request nonces seen within the time window: a second use is a replay.
CREATE TABLE nonces (
    key_id TEXT NOT NULL,
    nonce  TEXT NOT NULL,
    at     TEXT NOT NULL,
    PRIMARY KEY (key_id, nonce)
);
CREATE INDEX nonces_at ON nonces (at);

-- Every byte the hub keeps (packets in and out, refused files), once, by SHA-256: the hot
-- tables below name blobs, they do not hold them.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size   BIGINT NOT NULL,
    bytes  BYTEA NOT NULL
);

-- Packets received and stored: one row per packet id.
CREATE TABLE packets (
    packet_id      TEXT PRIMARY KEY,
    station_key_id TEXT NOT NULL REFERENCES stations (key_id),
    kind           TEXT NOT NULL,
    sha256         TEXT NOT NULL REFERENCES blobs (sha256),
    result         TEXT NOT NULL,
    received_at    TEXT NOT NULL
);
CREATE INDEX packets_station ON packets (station_key_id);

-- Refused uploads with their reason code; the bytes in blobs.
CREATE TABLE quarantine (
    id             BIGSERIAL PRIMARY KEY,
    station_key_id TEXT NOT NULL,
    packet_id      TEXT,
    sha256         TEXT NOT NULL REFERENCES blobs (sha256),
    reason         TEXT NOT NULL,
    detail         TEXT NOT NULL,
    at             TEXT NOT NULL,
    UNIQUE (station_key_id, sha256)
);

-- Packets the NPC signed for a station (acknowledgements, responses), until it has them.
CREATE TABLE mailbox (
    packet_id      TEXT PRIMARY KEY,
    station_key_id TEXT NOT NULL,
    kind           TEXT NOT NULL,
    sha256         TEXT NOT NULL REFERENCES blobs (sha256),
    created_at     TEXT NOT NULL,
    delivered_at   TEXT
);
CREATE INDEX mailbox_waiting ON mailbox (station_key_id, delivered_at);
