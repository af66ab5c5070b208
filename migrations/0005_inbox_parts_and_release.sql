-- A packet that travelled in parts (the signed manifest by QR, the photos by file): the
-- SHA-256 of each listed attachment still to come, as a JSON array. Empty when complete.
-- Append-only once released.
ALTER TABLE inbox ADD COLUMN pending TEXT NOT NULL DEFAULT '[]';

-- A quarantined packet released by a person once the cause is fixed (a key trusted) or decided
-- (a conflict dismissed): who, when, why, and what came of it (received, dismissed).
ALTER TABLE quarantine ADD COLUMN released_at TEXT;
ALTER TABLE quarantine ADD COLUMN released_by TEXT;
ALTER TABLE quarantine ADD COLUMN release_note TEXT;
ALTER TABLE quarantine ADD COLUMN release_outcome TEXT;
