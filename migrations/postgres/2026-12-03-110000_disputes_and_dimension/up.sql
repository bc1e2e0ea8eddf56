-- Disputes name an amount per invoice; risks are dated; a credited dispute names its credit
-- notes; journal and document lines may name the client account they concern.

-- The day a risk was opened (default: the organization's today) and the day it was resolved
-- or lost (cleared when it reopens).
ALTER TABLE risks ADD COLUMN opened_on DATE;
UPDATE risks SET opened_on = created_at::date;
ALTER TABLE risks ALTER COLUMN opened_on SET NOT NULL;
ALTER TABLE risks ADD COLUMN resolved_on DATE;
UPDATE risks SET resolved_on = greatest(updated_at::date, opened_on) WHERE status IN ('resolved', 'lost');
ALTER TABLE risks ADD CONSTRAINT risks_resolved_on_order
    CHECK (resolved_on IS NULL OR resolved_on >= opened_on);
-- Credit notes that settled a dispute (outcome credited), as a JSON array of ids.
ALTER TABLE risks ADD COLUMN credit_note_ids TEXT NOT NULL DEFAULT '[]';

-- What a dispute contests on each invoice, in the invoice's currency. The risk's
-- invoice_ids / disputed_amount_minor / disputed_currency columns are kept as the derived
-- summary (the ids, and the sum when all are in one currency).
CREATE TABLE risk_disputed_invoices (
    organization_id UUID NOT NULL,
    risk_id UUID NOT NULL,
    invoice_id UUID NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    PRIMARY KEY (organization_id, risk_id, invoice_id),
    FOREIGN KEY (organization_id, risk_id) REFERENCES risks (organization_id, id),
    FOREIGN KEY (organization_id, invoice_id) REFERENCES documents (organization_id, id)
);
CREATE INDEX risk_disputed_invoices_invoice ON risk_disputed_invoices (organization_id, invoice_id);

-- Existing disputes: an amount naming one invoice (in its currency) is that invoice's
-- amount; several invoices share the amount oldest first; without an amount each invoice is
-- disputed whole (its total: readers cap it at what is open).
INSERT INTO risk_disputed_invoices (organization_id, risk_id, invoice_id, amount_minor, currency)
SELECT organization_id, risk_id, invoice_id,
       CASE WHEN amount IS NULL THEN total_minor ELSE least(total_minor, amount - before) END,
       currency
FROM (
    SELECT r.organization_id, r.id AS risk_id, d.id AS invoice_id, d.total_minor, d.currency,
           CASE WHEN r.disputed_currency = d.currency THEN r.disputed_amount_minor END AS amount,
           COALESCE(SUM(d.total_minor) OVER (
               PARTITION BY r.organization_id, r.id ORDER BY d.issue_date, d.id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM risks r
    CROSS JOIN LATERAL (SELECT DISTINCT value FROM json_array_elements_text(r.invoice_ids::json)) j
    JOIN documents d ON d.organization_id = r.organization_id AND d.id = j.value::uuid
    WHERE r.kind = 'dispute' AND d.kind = 'invoice'
) s
WHERE (CASE WHEN amount IS NULL THEN total_minor ELSE least(total_minor, amount - before) END) > 0;

-- The client account a line concerns. Journal lines had the column; document lines gain it.
-- Both reference the organization's accounts (a null names none).
ALTER TABLE document_lines ADD COLUMN account_id UUID;
ALTER TABLE document_lines ADD CONSTRAINT document_lines_client_account
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id);
-- Profitability reads the tagged lines of one account.
CREATE INDEX journal_lines_client_account ON journal_lines (organization_id, account_id, entry_date)
    WHERE account_id IS NOT NULL;
-- Bills and vendor credits tagged every line with the vendor; their expense and asset lines
-- now carry only the client account their document line names (none before this).
UPDATE journal_lines l SET account_id = NULL
FROM ledger_accounts a, journal_entries e
WHERE l.account_id IS NOT NULL
  AND a.organization_id = l.organization_id AND a.id = l.ledger_account_id
  AND a.type IN ('expense', 'asset') AND a.system_role IS NULL
  AND e.organization_id = l.organization_id AND e.id = l.entry_id
  AND (e.source IN ('bill', 'vendor_credit')
       OR (e.source = 'reversal' AND EXISTS (
           SELECT 1 FROM journal_entries o
           WHERE o.organization_id = e.organization_id AND o.id = e.source_id
             AND o.source IN ('bill', 'vendor_credit'))));
ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_client_account
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id);
