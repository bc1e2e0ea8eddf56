-- Client relationships: accounts and everything an account manager records about them.
-- Every table is keyed by organization; references include organization_id, so a record can
-- never point into another organization. Enumerations are CHECKed here as well as in the API.

-- Per-organization CRM settings (health weights, grade thresholds, check-in cadence by tier)
-- as one JSON document; the API validates it and fills in defaults for missing keys.
CREATE TABLE crm_settings (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    settings TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id)
);

CREATE TABLE competitors (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- lower(name): names match case-insensitively, and only once per organization
    name_key TEXT NOT NULL,
    website TEXT,
    notes TEXT,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, name_key)
);

CREATE TABLE accounts (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    legal_name TEXT,
    industry TEXT,
    website TEXT,
    -- the import's natural key: the website's host without "www."
    website_domain TEXT,
    tier TEXT NOT NULL CHECK (tier IN ('key', 'strategic', 'standard')),
    -- the status the account has of its own; `status` adds the derived at_risk on top
    own_status TEXT NOT NULL CHECK (own_status IN ('prospect', 'active', 'churned')),
    status TEXT NOT NULL CHECK (status IN ('prospect', 'active', 'at_risk', 'churned')),
    is_customer BOOLEAN NOT NULL,
    is_vendor BOOLEAN NOT NULL,
    owner_id UUID,
    team_id UUID,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    goals TEXT,
    tags TEXT NOT NULL,
    custom_fields TEXT NOT NULL,
    check_in_every_days INTEGER CHECK (check_in_every_days BETWEEN 1 AND 3650),
    last_check_in_at TIMESTAMP,
    check_in_due_at TIMESTAMP NOT NULL,
    churn_reason TEXT,
    churned_on DATE,
    lost_to_competitor_id UUID,
    merged_into_id UUID,
    archived_at TIMESTAMP,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK (status = own_status OR (status = 'at_risk' AND own_status <> 'churned')),
    CHECK ((own_status = 'churned') = (churned_on IS NOT NULL)),
    FOREIGN KEY (organization_id, owner_id) REFERENCES users (organization_id, id),
    FOREIGN KEY (organization_id, team_id) REFERENCES teams (organization_id, id),
    FOREIGN KEY (organization_id, lost_to_competitor_id) REFERENCES competitors (organization_id, id),
    FOREIGN KEY (organization_id, merged_into_id) REFERENCES accounts (organization_id, id)
);
CREATE INDEX accounts_org_name ON accounts (organization_id, name, id);
CREATE INDEX accounts_org_updated ON accounts (organization_id, updated_at, id);
CREATE INDEX accounts_org_owner ON accounts (organization_id, owner_id);
CREATE INDEX accounts_org_team ON accounts (organization_id, team_id);
CREATE INDEX accounts_org_domain ON accounts (organization_id, website_domain);
CREATE INDEX accounts_org_due ON accounts (organization_id, check_in_due_at);

CREATE TABLE account_competitors (
    organization_id UUID NOT NULL,
    account_id UUID NOT NULL,
    competitor_id UUID NOT NULL,
    PRIMARY KEY (organization_id, account_id, competitor_id),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, competitor_id) REFERENCES competitors (organization_id, id)
);

-- Who owned the account and in which team, before and after each reassignment.
CREATE TABLE account_owner_history (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    from_owner_id UUID,
    to_owner_id UUID,
    from_team_id UUID,
    to_team_id UUID,
    changed_by UUID NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, from_owner_id) REFERENCES users (organization_id, id),
    FOREIGN KEY (organization_id, to_owner_id) REFERENCES users (organization_id, id),
    FOREIGN KEY (organization_id, from_team_id) REFERENCES teams (organization_id, id),
    FOREIGN KEY (organization_id, to_team_id) REFERENCES teams (organization_id, id),
    FOREIGN KEY (organization_id, changed_by) REFERENCES users (organization_id, id)
);
CREATE INDEX account_owner_history_account ON account_owner_history (organization_id, account_id, changed_at);

CREATE TABLE contacts (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    title TEXT,
    seniority TEXT CHECK (seniority IN ('c_level', 'vp', 'director', 'manager', 'staff')),
    email TEXT,
    phone TEXT,
    is_decision_maker BOOLEAN NOT NULL,
    influence TEXT CHECK (influence IN ('champion', 'economic_buyer', 'technical_buyer', 'user', 'blocker', 'neutral')),
    status TEXT NOT NULL CHECK (status IN ('active', 'left')),
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id)
);
CREATE INDEX contacts_account ON contacts (organization_id, account_id);
CREATE INDEX contacts_org_name ON contacts (organization_id, name, id);

CREATE TABLE interactions (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    author_id UUID NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'check_in', 'visit', 'note', 'support', 'feedback')),
    direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
    occurred_at TIMESTAMP NOT NULL,
    subject TEXT,
    summary TEXT,
    sentiment INTEGER CHECK (sentiment BETWEEN 1 AND 5),
    next_step TEXT,
    follow_up_on DATE,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, author_id) REFERENCES users (organization_id, id)
);
CREATE INDEX interactions_account ON interactions (organization_id, account_id, occurred_at);

CREATE TABLE interaction_contacts (
    organization_id UUID NOT NULL,
    interaction_id UUID NOT NULL,
    contact_id UUID NOT NULL,
    PRIMARY KEY (organization_id, interaction_id, contact_id),
    FOREIGN KEY (organization_id, interaction_id) REFERENCES interactions (organization_id, id),
    FOREIGN KEY (organization_id, contact_id) REFERENCES contacts (organization_id, id)
);

-- Append-only: what the client said.
CREATE TABLE feedback (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    contact_id UUID,
    kind TEXT NOT NULL CHECK (kind IN ('csat', 'nps')),
    score INTEGER NOT NULL,
    comment TEXT,
    received_on DATE NOT NULL,
    created_by UUID NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK ((kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'nps' AND score BETWEEN 0 AND 10)),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, contact_id) REFERENCES contacts (organization_id, id),
    FOREIGN KEY (organization_id, created_by) REFERENCES users (organization_id, id)
);
CREATE INDEX feedback_account ON feedback (organization_id, account_id, received_on);

CREATE TABLE requests (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    contact_id UUID,
    kind TEXT NOT NULL CHECK (kind IN ('inquiry', 'feature_request', 'issue')),
    summary TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 5000),
    routed_to_team_id UUID,
    status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    responded_at TIMESTAMP,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, contact_id) REFERENCES contacts (organization_id, id),
    FOREIGN KEY (organization_id, routed_to_team_id) REFERENCES teams (organization_id, id)
);
CREATE INDEX requests_account ON requests (organization_id, account_id);

CREATE TABLE tasks (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    assignee_id UUID,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    due_on DATE,
    priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, assignee_id) REFERENCES users (organization_id, id)
);
CREATE INDEX tasks_account ON tasks (organization_id, account_id);
CREATE INDEX tasks_assignee ON tasks (organization_id, assignee_id, status);

CREATE TABLE opportunities (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    owner_id UUID,
    kind TEXT NOT NULL CHECK (kind IN ('new_business', 'upsell', 'renewal', 'cross_sell')),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    stage TEXT NOT NULL CHECK (stage IN ('qualification', 'proposal', 'negotiation', 'won', 'lost')),
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    expected_close_on DATE,
    closed_on DATE,
    lost_reason TEXT,
    lost_to_competitor_id UUID,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK ((stage IN ('won', 'lost')) = (closed_on IS NOT NULL)),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, owner_id) REFERENCES users (organization_id, id),
    FOREIGN KEY (organization_id, lost_to_competitor_id) REFERENCES competitors (organization_id, id)
);
CREATE INDEX opportunities_account ON opportunities (organization_id, account_id);

CREATE TABLE proposals (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    opportunity_id UUID NOT NULL,
    account_id UUID NOT NULL,
    -- the proposal's own version number (1, 2, ...), not the row's revision
    number INTEGER NOT NULL CHECK (number >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected')),
    sent_on DATE,
    summary TEXT,
    client_input TEXT,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, opportunity_id, number),
    FOREIGN KEY (organization_id, opportunity_id) REFERENCES opportunities (organization_id, id),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id)
);
CREATE INDEX proposals_account ON proposals (organization_id, account_id);

CREATE TABLE proposal_sources (
    organization_id UUID NOT NULL,
    proposal_id UUID NOT NULL,
    interaction_id UUID NOT NULL,
    PRIMARY KEY (organization_id, proposal_id, interaction_id),
    FOREIGN KEY (organization_id, proposal_id) REFERENCES proposals (organization_id, id),
    FOREIGN KEY (organization_id, interaction_id) REFERENCES interactions (organization_id, id)
);

CREATE TABLE risks (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('churn_risk', 'competitor_threat', 'dispute', 'complaint')),
    severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    competitor_id UUID,
    -- invoice ids as a JSON array; becomes a table with a foreign key when invoices exist
    invoice_ids TEXT NOT NULL,
    disputed_amount_minor BIGINT CHECK (disputed_amount_minor >= 0),
    disputed_currency TEXT CHECK (length(disputed_currency) = 3),
    status TEXT NOT NULL CHECK (status IN ('open', 'mitigating', 'resolved', 'lost')),
    outcome TEXT CHECK (outcome IN ('upheld', 'credited', 'withdrawn')),
    resolution TEXT,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK (outcome IS NULL OR kind = 'dispute'),
    CHECK ((disputed_amount_minor IS NULL) = (disputed_currency IS NULL)),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, competitor_id) REFERENCES competitors (organization_id, id)
);
CREATE INDEX risks_account ON risks (organization_id, account_id, status);

CREATE TABLE risk_steps (
    organization_id UUID NOT NULL,
    risk_id UUID NOT NULL,
    step_no INTEGER NOT NULL CHECK (step_no >= 0),
    step TEXT NOT NULL CHECK (length(step) BETWEEN 1 AND 1000),
    owner_id UUID,
    due_on DATE,
    done BOOLEAN NOT NULL,
    PRIMARY KEY (organization_id, risk_id, step_no),
    FOREIGN KEY (organization_id, risk_id) REFERENCES risks (organization_id, id),
    FOREIGN KEY (organization_id, owner_id) REFERENCES users (organization_id, id)
);

CREATE TABLE targets (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    user_id UUID,
    team_id UUID,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    metric TEXT NOT NULL CHECK (metric IN ('revenue_invoiced', 'revenue_collected', 'won_amount', 'new_accounts', 'retained_accounts')),
    amount NUMERIC(28, 10) NOT NULL CHECK (amount >= 0),
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK ((user_id IS NULL) <> (team_id IS NULL)),
    CHECK (period_end >= period_start),
    FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id),
    FOREIGN KEY (organization_id, team_id) REFERENCES teams (organization_id, id)
);
CREATE INDEX targets_holder ON targets (organization_id, metric, user_id, team_id, period_start);
