package uk.schoolsocial.platform.error;

/**
 * The problem type and code of a status that says it all, as the services answer it (platform's
 * {@code ProblemBodyProvider}) and the gateway answers it (its {@code Problems}, which names a few
 * statuses only it answers): one table, so a client tells a gateway's 404 from a service's by
 * nothing but its detail.
 */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    /** The slug after {@link Problem#TYPE_BASE} of a problem about {@code status}. */
    public static String slug(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    /**
     * The stable code of a problem about {@code status}; a 400 is {@code VALIDATION_FAILED} when it
     * names wrong fields, {@code MALFORMED_REQUEST} when the request could not be read at all.
     */
    public static String code(int status, boolean namesFields) {
        return switch (status) {
            case 400 -> namesFields ? "VALIDATION_FAILED" : "MALFORMED_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONCURRENT_CHANGE";
            case 412 -> "VERSION_MISMATCH";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }
}
