package uk.schoolsocial.platform.error;

/** The kinds of refusal a client can get, each with its HTTP status and problem type. */
public enum ErrorKind {
    INVALID(400, "validation"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    CONFLICT(409, "conflict"),
    PRECONDITION_FAILED(412, "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    RULE_VIOLATED(422, "rule-violated"),
    /** Not a refusal: the request did its part, the service could not finish (for example a read model). */
    INTERNAL(500, "internal-error");

    private final int status;
    private final String slug;

    ErrorKind(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
