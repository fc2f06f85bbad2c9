-- A checklist document is PROVIDED only with a file on record: an upload, or a scanned paper original the mobility
-- specialist registered. file_source says which gave the current file (UPLOAD or PAPER_ORIGINAL), with who and when;
-- null while no file is on record. Documents that already have an uploaded file get it from their latest version.
ALTER TABLE case_document ADD COLUMN file_source VARCHAR(20);
ALTER TABLE case_document ADD COLUMN file_recorded_by VARCHAR(64);
ALTER TABLE case_document ADD COLUMN file_recorded_at DATETIME(6);
UPDATE case_document SET file_source = 'UPLOAD',
    file_recorded_by = (SELECT f.uploaded_by FROM document_file f WHERE f.document_id = case_document.id
                        AND f.version = (SELECT MAX(g.version) FROM document_file g WHERE g.document_id = case_document.id)),
    file_recorded_at = (SELECT MAX(f.uploaded_at) FROM document_file f WHERE f.document_id = case_document.id)
WHERE EXISTS (SELECT 1 FROM document_file f WHERE f.document_id = case_document.id);

-- A right-to-work check is recorded against the employee traveller and what gives them the right to work: their
-- granted permit (code and validity as at the check) or no permit needed (citizen of the host country, free movement,
-- an exemption of the permit catalogue); UNDECIDED when the permit requirement was not known. Older checks: null.
ALTER TABLE right_to_work_check ADD COLUMN traveller_id BIGINT;
ALTER TABLE right_to_work_check ADD COLUMN basis VARCHAR(20);
ALTER TABLE right_to_work_check ADD COLUMN permit_code VARCHAR(60);
ALTER TABLE right_to_work_check ADD COLUMN permit_valid_from DATE;
ALTER TABLE right_to_work_check ADD COLUMN permit_valid_until DATE;

-- document_access_log.action: also PAPER_ORIGINAL (the scan of a paper original registered by the specialist).
