-- When a custody event happened, beside when it was recorded (`at`): events are often typed
-- days later. NULL on events recorded before this migration: they happened when recorded.
-- Append-only once released.
ALTER TABLE custody ADD COLUMN occurred_at TEXT;
