package uk.schoolsocial.account.official.command;

import uk.schoolsocial.platform.error.ErrorCode;
import uk.schoolsocial.platform.error.ErrorKind;

/** Why a command on an official account was refused. */
public enum AccountError implements ErrorCode {
    /** ACC-4: incomplete provisioning details; every bad field is named. */
    INVALID_PROVISIONING(ErrorKind.INVALID),
    /** ACC-5: a policy version needs a summary. */
    INVALID_POLICY_VERSION(ErrorKind.INVALID),
    /** ACC-4: only an approved application can be provisioned. */
    APPLICATION_NOT_APPROVED(ErrorKind.RULE_VIOLATED),
    /** ACC-1, ACC-3, ACC-4: an administrator left, a name clashes with staff, or a poster is not an administrator. */
    PROVISIONING_RULE_BROKEN(ErrorKind.RULE_VIOLATED),
    /** ACC-4: the application already has its account. */
    ALREADY_PROVISIONED(ErrorKind.CONFLICT),
    /** ACC-5: only an administrator of the account acknowledges for it. */
    NOT_AN_ADMINISTRATOR(ErrorKind.FORBIDDEN),
    /** ACC-5: members of staff acknowledge the policy for themselves only. */
    NOT_YOUR_ACKNOWLEDGEMENT(ErrorKind.FORBIDDEN),
    /** ACC-5: the acknowledgement names a version other than the current one. */
    POLICY_VERSION_NOT_CURRENT(ErrorKind.RULE_VIOLATED),
    /** ACC-9: the account's state does not allow this (e.g. reinstating an account that is not suspended). */
    INVALID_STATE(ErrorKind.CONFLICT),
    /** ACC-9: suspension, reinstatement and closure need a reason. */
    REASON_REQUIRED(ErrorKind.INVALID),
    /** ACC-7: the handover is not open (done already, or another one). */
    NO_OPEN_HANDOVER(ErrorKind.CONFLICT),
    /** ACC-7: a handover goes to a current member of staff or registered volunteer only. */
    NOT_CURRENT_STAFF(ErrorKind.RULE_VIOLATED),
    /** ACC-7: a handover goes to someone fit to run the account (ACC-5: policy acknowledged, trained). */
    NOT_FIT_TO_ADMINISTER(ErrorKind.RULE_VIOLATED),
    /** ACC-7: a handover adds an administrator; one who already runs the account adds none. */
    ALREADY_AN_ADMINISTRATOR(ErrorKind.RULE_VIOLATED),
    /**
     * ACC-6: a reveal sent with an Idempotency-Key. Its answer would be kept for replays, login details
     * in the clear, so the key is refused rather than ignored (a client that sends one expects a replay).
     */
    REVEAL_NOT_REPLAYABLE(ErrorKind.INVALID),
    /** ACC-6: nothing stored to reveal. */
    NO_CREDENTIALS(ErrorKind.NOT_FOUND),
    /** ACC-6: the service has no credentials key configured, so it stores no login details. */
    CREDENTIALS_KEY_MISSING(ErrorKind.RULE_VIOLATED),
    /** Another school's account: it does not exist for this caller. */
    NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    AccountError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
