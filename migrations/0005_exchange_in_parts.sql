-- A packet that travelled in parts (the signed manifest by QR, the photos by file): the
-- SHA-256 of each listed attachment still to come, as a JSON array. Empty when complete.
-- Append-only once released.
ALTER TABLE inbox ADD COLUMN pending TEXT NOT NULL DEFAULT '[]';
-- What an acknowledgement says is still to come, on the sender's side.
ALTER TABLE acknowledgements ADD COLUMN pending TEXT NOT NULL DEFAULT '[]';

-- A quarantined packet released by a person once the cause is fixed (a key trusted) or decided
-- (a conflict dismissed): who, when, why, and what came of it (received, dismissed).
ALTER TABLE quarantine ADD COLUMN released_at TEXT;
ALTER TABLE quarantine ADD COLUMN released_by TEXT;
ALTER TABLE quarantine ADD COLUMN release_note TEXT;
ALTER TABLE quarantine ADD COLUMN release_outcome TEXT;

-- The custody chain heads received with packets about an item (a trace request's items): what
-- `custody verify` at the receiver compares, so a chain cut or rewritten at its station shows.
CREATE TABLE custody_heads_received (
    id            INTEGER PRIMARY KEY,
    sender_key_id TEXT NOT NULL,
    sender_name   TEXT NOT NULL,
    item_uuid     TEXT NOT NULL,
    events        INTEGER NOT NULL,
    hash          TEXT NOT NULL,
    packet_id     TEXT NOT NULL,
    received_at   TEXT NOT NULL
);
CREATE INDEX custody_heads_item ON custody_heads_received(sender_key_id, item_uuid);
