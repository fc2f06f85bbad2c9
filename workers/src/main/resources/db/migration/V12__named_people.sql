-- Named people of a case (org.relocation.relocationcase): the employee's line manager, who decides the manager
-- approval (their delegate while they are away), and the mobility specialist who runs the case (chosen at intake or
-- by the least-open-cases rule, reassigned by HR administration). Logins of engine users, no personal data. Cases
-- opened before have neither: their approvals and specialist tasks go to the whole role, as before.
ALTER TABLE relocation_case ADD COLUMN line_manager_user_id VARCHAR(64);
ALTER TABLE relocation_case ADD COLUMN specialist_user_id VARCHAR(64);
CREATE INDEX ix_case_specialist ON relocation_case (specialist_user_id, status);
