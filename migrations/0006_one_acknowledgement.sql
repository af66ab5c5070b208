-- One acknowledgement per received packet: an acknowledgement in the outbox names the packet
-- it answers and the SHA-256 of what it said (its body as JSON), so receiving the same packet again sends the same
-- acknowledgement again instead of signing another. Append-only once released.
ALTER TABLE outbox ADD COLUMN answers TEXT;
ALTER TABLE outbox ADD COLUMN answer_sha256 TEXT;
CREATE INDEX outbox_answers ON outbox(answers);
