-- CON-4 after ACC-9: a reinstated account is LIVE again only if it had gone live before its
-- suspension. Reinstatements now say where the account stands; for those recorded before, the
-- projection judges by whether it saw the account go live. An account LIVE now went live.
ALTER TABLE official_live_account_view ADD COLUMN went_live BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE official_live_account_view SET went_live = TRUE WHERE status = 'LIVE';
