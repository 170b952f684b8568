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
    /** The command's events were stored, but a processor parked one and the read model does not show it (issue 11). */
    PROJECTION_FAILED(ErrorKind.INTERNAL);

    private final ErrorKind kind;

    PlatformError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
