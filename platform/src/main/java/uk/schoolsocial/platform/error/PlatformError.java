package uk.schoolsocial.platform.error;

/** Error codes of the shared conventions, used by every service. */
public enum PlatformError implements ErrorCode {
    VALIDATION_FAILED(ErrorKind.INVALID),
    MALFORMED_REQUEST(ErrorKind.INVALID),
    NOT_FOUND(ErrorKind.NOT_FOUND),
    FORBIDDEN(ErrorKind.FORBIDDEN),
    CONCURRENT_CHANGE(ErrorKind.CONFLICT),
    VERSION_MISMATCH(ErrorKind.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE(ErrorKind.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(ErrorKind.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED(ErrorKind.RULE_VIOLATED),
    IDEMPOTENCY_KEY_IN_PROGRESS(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    PlatformError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
