DROP TABLE idempotency_keys; DROP TABLE team_members; DROP TABLE teams; DROP TABLE api_keys; DROP TABLE refresh_tokens; DROP TABLE users; DROP TABLE organizations; DROP TABLE app_settings;
