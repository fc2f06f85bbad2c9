-- Expense claims decided (issue 16, slice E): the route the routing decision (relocation-expense-routing.dmn) gave,
-- the policy exception asked for a claim outside the policy, the approval process, the decision (who, when, why),
-- the ledger's reimbursement and, for a taxable claim, its gross-up with the host country's tax table: the gross, the
-- tax on the allowance and their currency (the table's), the ledger's tax payment of that tax, or a note saying why no
-- gross-up was computed. Portable across H2 and MySQL 8 / MariaDB 10.11: one column per statement.
ALTER TABLE expense_claim ADD COLUMN route VARCHAR(20);
ALTER TABLE expense_claim ADD COLUMN route_reason VARCHAR(200);
ALTER TABLE expense_claim ADD COLUMN policy_exception_id BIGINT;
ALTER TABLE expense_claim ADD COLUMN process_instance_id VARCHAR(64);
ALTER TABLE expense_claim ADD COLUMN taxable BOOLEAN;
ALTER TABLE expense_claim ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE expense_claim ADD COLUMN decided_at DATETIME(6);
ALTER TABLE expense_claim ADD COLUMN decision_comment VARCHAR(2000);
ALTER TABLE expense_claim ADD COLUMN payment_id BIGINT;
ALTER TABLE expense_claim ADD COLUMN gross_up_amount DECIMAL(19, 3);
ALTER TABLE expense_claim ADD COLUMN gross_up_tax DECIMAL(19, 3);
ALTER TABLE expense_claim ADD COLUMN gross_up_currency CHAR(3);
ALTER TABLE expense_claim ADD COLUMN gross_up_payment_id BIGINT;
ALTER TABLE expense_claim ADD COLUMN gross_up_note VARCHAR(300);
