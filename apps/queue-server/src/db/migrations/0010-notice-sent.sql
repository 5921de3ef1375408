-- The manager relays a pickup notice by hand (the outbox stands in for an SMS gateway). Once relayed the code has
-- reached the applicant and the outbox has no reason to keep it: the notice is erased then (text and QR gone, phone
-- masked, erased_at set) rather than only when the item leaves the locker, and sent_at says when it was relayed. A
-- sent notice is always an erased one; an erased one need not have been sent (its item was collected first).
ALTER TABLE notice_outbox ADD COLUMN sent_at TEXT CHECK (sent_at IS NULL OR erased_at IS NOT NULL);
