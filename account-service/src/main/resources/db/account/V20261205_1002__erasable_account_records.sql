-- AUD-4 (issue 10): an application, an official account, a logged message and a subject access
-- request are erasable on their own. Their text is sealed under the record's own key; an erasure
-- destroys the key and, in the same transaction, sets every read-model column holding that text to
-- NULL (ApplicationErasureScope, AccountErasureScope, MessageErasureScope,
-- SubjectAccessRequestErasureScope). A rebuild after the key is gone reads those fields as null too,
-- so the columns that required them may now be NULL. The others were nullable already:
-- withdrawal_reason, decision_reason, closing_reason, answer, status_reason,
-- account_history_view.detail, requested_by, extension_reason.
ALTER TABLE application_view
    MODIFY aim            TEXT NULL,
    MODIFY audience       TEXT NULL,
    MODIFY promotion      TEXT NULL,
    MODIFY privacy_reason TEXT NULL;

ALTER TABLE application_revision_view
    MODIFY aim            TEXT NULL,
    MODIFY audience       TEXT NULL,
    MODIFY promotion      TEXT NULL,
    MODIFY privacy_reason TEXT NULL;

ALTER TABLE account_message_view
    MODIFY summary TEXT NULL,
    ADD KEY ix_message_answered (answered_at);

-- ACCOUNT_RECORD runs from the account's closure (AccountClosedEvent.at, the service's clock), which
-- AccountProjection now keeps here. Accounts closed before this migration get it from their CLOSED
-- row in account_history_view, which the same projection wrote from the same event (an account is
-- closed once: CLOSED is final).
ALTER TABLE account_view
    ADD COLUMN closed_at TIMESTAMP(6) NULL,
    ADD KEY ix_account_closed (closed_at);

UPDATE account_view a
    JOIN account_history_view h ON h.account_id = a.id AND h.event_type = 'CLOSED'
SET a.closed_at = h.at
WHERE a.status = 'CLOSED';
