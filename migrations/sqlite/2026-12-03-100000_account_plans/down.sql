DROP TABLE account_plan_reviews;
DROP TABLE account_plan_stakeholders;
DROP TABLE account_plan_objectives;
DROP TABLE account_plans;
