-- Trace requests: built from register items, checked, then signed into a packet in the outbox.
-- Append-only once released, like 0001.

-- The per-station packet counter: `seq` in every manifest this station signs only goes up.
CREATE TABLE packet_sequence (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL CHECK (last >= 0)
);
INSERT INTO packet_sequence (id, last) VALUES (1, 0);

CREATE TABLE trace_requests (
    id               INTEGER PRIMARY KEY,
    -- UUIDv7 and seq are fixed when the request is first created and never regenerated
    packet_id        TEXT NOT NULL UNIQUE,
    seq              INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
    recipient        TEXT NOT NULL,
    recipient_key_id TEXT NOT NULL,
    -- the request body as checked and shown to the officer (JSON, ITI para. 17 content)
    body             TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'exported')),
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    -- set by the first export; a sent packet is never changed
    exported_at      TEXT,
    manifest_sha256  TEXT,
    manifest         BLOB,
    signature        BLOB,
    outbox_file      TEXT,
    encrypted_to     TEXT,
    photos           TEXT CHECK (photos IS NULL OR photos IN ('reduced', 'full', 'none')),
    CHECK (status = 'draft' OR (manifest_sha256 IS NOT NULL AND outbox_file IS NOT NULL))
);

CREATE TABLE trace_request_items (
    request_id INTEGER NOT NULL REFERENCES trace_requests(id),
    item_id    INTEGER NOT NULL REFERENCES items(id),
    -- the item's index in the body's `items`
    position   INTEGER NOT NULL,
    PRIMARY KEY (request_id, item_id),
    UNIQUE (request_id, position)
);

CREATE INDEX trace_request_items_item ON trace_request_items(item_id);
