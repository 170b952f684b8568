-- CON-4 after ACC-9: a reinstated account is LIVE again only if it had gone live before its
-- suspension. Reinstatements now say where the account stands; for those recorded before, the
-- projection judges by whether it saw the account go live (went_live).
ALTER TABLE official_live_account_view ADD COLUMN went_live BOOLEAN NOT NULL DEFAULT FALSE;

-- Rows written before may say LIVE for an account reinstated without ever having gone live, and
-- do not know which accounts went live. Rebuild them from account-service's events: without a
-- token, the official-accounts processor starts again from account-service's first event (its
-- other table, official_account_view, skips what it already has by version).
DELETE FROM official_live_account_view;
DELETE FROM token_entry WHERE processor_name = 'official-accounts';
