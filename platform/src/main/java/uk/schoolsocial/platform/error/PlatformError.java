package uk.schoolsocial.platform.error;

/** Error codes of the shared conventions, used by every service. */
public enum PlatformError implements ErrorCode {
    VALIDATION_FAILED(ErrorKind.INVALID),
    MALFORMED_REQUEST(ErrorKind.INVALID),
    NOT_FOUND(ErrorKind.NOT_FOUND),
    FORBIDDEN(ErrorKind.FORBIDDEN),
    CONCURRENT_CHANGE(ErrorKind.CONFLICT),
    VERSION_MISMATCH(ErrorKind.PRECONDITION_FAILED),
    IDEMPOTENCY_KEY_REUSED(ErrorKind.RULE_VIOLATED),
    IDEMPOTENCY_KEY_IN_PROGRESS(ErrorKind.CONFLICT),
    /** The keyed request committed, but its answer was lost (decision 8): read, do not resend. */
    IDEMPOTENCY_KEY_APPLIED(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    PlatformError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
