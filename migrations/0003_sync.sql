-- Sync and the feedback loop: the outbox and where each packet went, the inbox, quarantine,
-- acknowledgements and responses, and each item's tracing outcome. Append-only once released.

-- Every packet this station signed into its outbox.
CREATE TABLE outbox (
    packet_id        TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    recipient_key_id TEXT NOT NULL,
    -- relative to the home directory; moves to sent/ once acknowledged
    file             TEXT NOT NULL,
    file_sha256      TEXT NOT NULL,
    manifest_sha256  TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'acknowledged', 'quarantined')),
    reason           TEXT,
    created_at       TEXT NOT NULL,
    acknowledged_at  TEXT,
    CHECK (state <> 'quarantined' OR reason IS NOT NULL)
);

-- Where each packet was written, read back and hashed.
CREATE TABLE deliveries (
    packet_id   TEXT NOT NULL REFERENCES outbox(packet_id),
    destination TEXT NOT NULL,
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (packet_id, destination)
);

-- Packets received, verified and stored once.
CREATE TABLE inbox (
    id              INTEGER PRIMARY KEY,
    packet_id       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    sender_key_id   TEXT NOT NULL,
    sender_name     TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    -- the packet as received: small ones here, larger ones (photos) as a file under inbox/
    packet          BLOB,
    file            TEXT,
    manifest        BLOB NOT NULL,
    received_at     TEXT NOT NULL,
    -- trace requests: stored, incomplete, rejected, answered
    status          TEXT NOT NULL,
    CHECK ((packet IS NULL) <> (file IS NULL))
);
CREATE INDEX inbox_file ON inbox(file_sha256);

-- Packets refused, kept with their reason for a person to look at.
CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    packet_id   TEXT,
    file_sha256 TEXT NOT NULL,
    file        TEXT NOT NULL,
    source      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX quarantine_file ON quarantine(file_sha256);

-- Acknowledgements received for this station's packets (ITI para. 18).
CREATE TABLE acknowledgements (
    packet_id        TEXT PRIMARY KEY,
    -- the acknowledged packet, and the manifest hash the acknowledgement names
    acknowledged_id  TEXT NOT NULL,
    manifest_sha256  TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'incomplete', 'rejected')),
    missing          TEXT NOT NULL DEFAULT '[]',
    reason           TEXT,
    received_at      TEXT NOT NULL
);
CREATE INDEX acknowledgements_target ON acknowledgements(acknowledged_id);

-- Responses to trace requests (ITI paras. 19-22): received ones on the field station, sent ones
-- on the NPC.
CREATE TABLE trace_responses (
    packet_id         TEXT PRIMARY KEY,
    request_packet_id TEXT NOT NULL,
    direction         TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
    outcome           TEXT NOT NULL CHECK (outcome IN ('traced', 'not-traced', 'restricted',
                                                       'refused', 'untraceable')),
    note              TEXT NOT NULL,
    last_legal_holder TEXT,
    transfer_chain    TEXT NOT NULL DEFAULT '[]',
    at                TEXT NOT NULL
);
CREATE INDEX trace_responses_request ON trace_responses(request_packet_id);

-- Each item's tracing outcome, from the latest response to a request naming it.
CREATE TABLE item_trace_outcomes (
    item_id           INTEGER NOT NULL REFERENCES items(id),
    request_id        INTEGER NOT NULL REFERENCES trace_requests(id),
    outcome           TEXT NOT NULL,
    response_packet_id TEXT NOT NULL,
    at                TEXT NOT NULL,
    PRIMARY KEY (item_id, request_id)
);

-- Requests exported before this migration are in the outbox, not yet sent anywhere.
INSERT INTO outbox (packet_id, kind, recipient_key_id, file, file_sha256, manifest_sha256,
                    state, created_at)
SELECT packet_id, 'trace-request', recipient_key_id, outbox_file, '', manifest_sha256,
       'pending', exported_at
FROM trace_requests WHERE status = 'exported';
