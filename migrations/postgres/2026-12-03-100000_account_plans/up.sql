-- Account plans: what an account and we mean to achieve over a period, the objectives agreed
-- with the client (co-created with its contacts), the map of the client's stakeholders, and the
-- reviews that record how the plan went (each applying its objective updates).
CREATE TABLE account_plans (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    account_id UUID NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
    owner_id UUID,
    summary TEXT,
    value_for_client TEXT,
    value_for_us TEXT,
    review_every_days INTEGER NOT NULL CHECK (review_every_days BETWEEN 1 AND 3650),
    next_review_on DATE,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK (period_end >= period_start),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, owner_id) REFERENCES users (organization_id, id)
);
CREATE INDEX account_plans_account ON account_plans (organization_id, account_id, status);

CREATE TABLE account_plan_objectives (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    plan_id UUID NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('revenue', 'adoption', 'satisfaction', 'relationship', 'custom')),
    measure TEXT,
    -- decimal strings, as the client wrote them
    baseline TEXT,
    target TEXT,
    current_value TEXT,
    unit TEXT,
    due_on DATE,
    status TEXT NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track', 'achieved', 'dropped')),
    -- JSON arrays of ids of the plan's account's contacts, opportunities and tasks
    co_created_with_contact_ids TEXT NOT NULL,
    opportunity_ids TEXT NOT NULL,
    task_ids TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, plan_id) REFERENCES account_plans (organization_id, id)
);
CREATE INDEX account_plan_objectives_plan ON account_plan_objectives (organization_id, plan_id);

CREATE TABLE account_plan_stakeholders (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    plan_id UUID NOT NULL,
    contact_id UUID NOT NULL,
    decision_role TEXT NOT NULL CHECK (decision_role IN ('decision_maker', 'influencer', 'champion', 'user', 'blocker', 'gatekeeper')),
    stance TEXT NOT NULL CHECK (stance IN ('supporter', 'neutral', 'detractor', 'unknown')),
    relationship_strength INTEGER CHECK (relationship_strength BETWEEN 1 AND 5),
    relationship_owner_id UUID,
    notes TEXT,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, plan_id, contact_id),
    FOREIGN KEY (organization_id, plan_id) REFERENCES account_plans (organization_id, id),
    FOREIGN KEY (organization_id, relationship_owner_id) REFERENCES users (organization_id, id)
);
CREATE INDEX account_plan_stakeholders_contact ON account_plan_stakeholders (organization_id, contact_id);

CREATE TABLE account_plan_reviews (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    plan_id UUID NOT NULL,
    held_on DATE NOT NULL,
    -- JSON arrays of user and contact ids
    attendee_user_ids TEXT NOT NULL,
    attendee_contact_ids TEXT NOT NULL,
    summary TEXT,
    decisions TEXT,
    -- JSON array of {objective_id, current, status}, as applied
    objective_updates TEXT NOT NULL,
    next_review_on DATE,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, plan_id) REFERENCES account_plans (organization_id, id)
);
CREATE INDEX account_plan_reviews_plan ON account_plan_reviews (organization_id, plan_id, held_on);
