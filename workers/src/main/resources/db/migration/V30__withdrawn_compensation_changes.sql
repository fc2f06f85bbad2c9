-- A compensation change a payroll provider refused now awaits finance's correction or withdrawal (form
-- correct-compensation-change) and blocks another change until then. Changes refused before (their processes ended at
-- "Change refused by a provider") are closed: withdrawn, as they were. Portable across H2 and MySQL 8 / MariaDB 10.11.
UPDATE payroll_instruction
   SET status = 'WITHDRAWN'
 WHERE status = 'REJECTED'
   AND reason IN ('SALARY_REVIEW', 'NEW_DEPENDANT', 'CITY_BAND_CHANGE', 'EXTENSION')
   AND finance_confirmed_by IS NOT NULL
   AND provider_answered_at IS NOT NULL;
