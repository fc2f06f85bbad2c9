-- Who reviewed a checklist document and when (issue 15 review): set whenever a document becomes VALIDATED or REJECTED
-- (the specialist's review of one document through the API, the validation form's decision, the automatic passport
-- check as 'system', the posted-worker formalities the specialist recorded), cleared when a new file arrives (the file
-- on record has not been reviewed). Plain ADD COLUMN: the same statement on H2 and MySQL/MariaDB (as V13).
ALTER TABLE case_document ADD COLUMN reviewed_by VARCHAR(64);
ALTER TABLE case_document ADD COLUMN reviewed_at DATETIME(6);
-- Documents reviewed before: updated_at is when their status last changed, i.e. the review. Who reviewed is known only
-- for the automatic check (its note says so); the others keep reviewed_by null ("who: not recorded").
UPDATE case_document SET reviewed_at = updated_at WHERE status IN ('VALIDATED', 'REJECTED');
UPDATE case_document SET reviewed_by = 'system' WHERE status = 'REJECTED' AND note LIKE 'Automatic check%';
