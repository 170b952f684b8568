package uk.schoolsocial.platform.error;

/** Error codes of the shared conventions, used by every service. */
public enum PlatformError implements ErrorCode {
    VALIDATION_FAILED(ErrorKind.INVALID),
    MALFORMED_REQUEST(ErrorKind.INVALID),
    /** A query parameter the operation does not declare (issue 12): refused, never ignored. */
    UNKNOWN_PARAMETER(ErrorKind.INVALID),
    NOT_FOUND(ErrorKind.NOT_FOUND),
    FORBIDDEN(ErrorKind.FORBIDDEN),
    CONCURRENT_CHANGE(ErrorKind.CONFLICT),
    VERSION_MISMATCH(ErrorKind.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE(ErrorKind.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(ErrorKind.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED(ErrorKind.RULE_VIOLATED),
    IDEMPOTENCY_KEY_IN_PROGRESS(ErrorKind.CONFLICT),
    /** The keyed request committed, but its answer was lost (decision 8): read, do not resend. */
    IDEMPOTENCY_KEY_APPLIED(ErrorKind.CONFLICT),
    /** The command's events were stored, but a processor parked one and the read model does not show it (issue 11). */
    PROJECTION_FAILED(ErrorKind.INTERNAL);

    /** What every refusal of a record the caller may not see says, whether it exists or not. */
    public static final String NO_SUCH_RECORD = "No such record";

    private final ErrorKind kind;

    PlatformError(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    /**
     * The one answer for a record that does not exist, is another school's, another kind of record
     * than the request names, or not the caller's to see: the same whichever it is, so that an id
     * cannot be probed (issue 11).
     */
    public static DomainException noSuchRecord() {
        return new DomainException(NOT_FOUND, NO_SUCH_RECORD);
    }
}
