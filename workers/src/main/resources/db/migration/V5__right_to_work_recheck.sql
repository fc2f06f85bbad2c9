-- A right-to-work check records how it was done, and, for time-limited permission, when it must be repeated.
ALTER TABLE right_to_work_check ADD COLUMN check_method VARCHAR(40);
ALTER TABLE right_to_work_check ADD COLUMN next_check_on DATE;
