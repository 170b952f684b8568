package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;
import java.util.stream.Collectors;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

    /** The media type of RFC 9457 problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The base of every problem type, the services' and the gateway's alike. */
    private static final String TYPE_BASE = "https://schoolsocial.uk/problems/";
    /** The services' type of a bad request (platform's {@code ErrorKind.INVALID}), for the same code. */
    private static final String VALIDATION_TYPE = TYPE_BASE + "validation";
    private static final String VALIDATION_CODE = "VALIDATION_FAILED";
    private static final String TOO_LARGE_TYPE = "https://schoolsocial.uk/problems/payload-too-large";
    private static final String TOO_LARGE_CODE = "PAYLOAD_TOO_LARGE";

    private Problems() {
    }

    /**
     * A problem the status names fully, typed and coded exactly as the services type and code the
     * same status (platform's {@code ProblemBodyProvider}; common.yaml): one error contract, so a
     * client tells a gateway's 401 from a service's by nothing but its detail.
     */
    public static Problem of(HttpStatus status, String detail) {
        return new Problem(TYPE_BASE + slug(status.getCode()), status.getReason(), status.getCode(), detail,
                code(status.getCode()), null);
    }

    /**
     * A problem typed as the status, with a code more precise than the status' own (a 401's
     * {@code TOKEN_AUDIENCE}, ...).
     */
    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem(TYPE_BASE + slug(status.getCode()), status.getReason(), status.getCode(), detail, code, null);
    }

    /** The stable code of a status the gateway answers itself. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONCURRENT_CHANGE";
            case 412 -> "VERSION_MISMATCH";
            case 413 -> TOO_LARGE_CODE;
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 504 -> "GATEWAY_TIMEOUT";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    /** A response carrying {@link #of(HttpStatus, String)}. */
    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return HttpResponse.<Problem>status(status).body(of(status, detail)).contentType(MEDIA_TYPE);
    }

    /**
     * 413: the body is larger than the operation takes (issue 11), shaped as the services answer
     * one ({@code PAYLOAD_TOO_LARGE}, the body named as the field {@code ""}).
     */
    public static MutableHttpResponse<Problem> tooLarge(String detail, long limit) {
        HttpStatus status = HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        return HttpResponse.<Problem>status(status)
                .body(new Problem(TOO_LARGE_TYPE, status.getReason(), status.getCode(), detail, TOO_LARGE_CODE,
                        List.of(new Problem.FieldError("", "must be at most " + limit + " bytes"))))
                .contentType(MEDIA_TYPE);
    }

    /**
     * A 400 naming every wrong field, shaped as the services answer one ({@code VALIDATION_FAILED},
     * detail {@code "field: message; ..."}).
     */
    public static MutableHttpResponse<Problem> invalid(List<Problem.FieldError> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        return HttpResponse.<Problem>status(status)
                .body(new Problem(VALIDATION_TYPE, status.getReason(), status.getCode(), detail, VALIDATION_CODE,
                        List.copyOf(errors)))
                .contentType(MEDIA_TYPE);
    }

    /**
     * A 400 {@code UNKNOWN_PARAMETER} naming each query parameter the operation does not declare,
     * as the services answer one (issue 12): never ignored, so a client never takes everything for a delta.
     */
    public static MutableHttpResponse<Problem> unknownParameters(List<Problem.FieldError> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String detail = "Unknown query parameter" + (errors.size() == 1 ? " " : "s ")
                + errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", "));
        return HttpResponse.<Problem>status(status)
                .body(new Problem(VALIDATION_TYPE, status.getReason(), status.getCode(), detail, "UNKNOWN_PARAMETER",
                        List.copyOf(errors)))
                .contentType(MEDIA_TYPE);
    }

    /** {@link #unknownParameters(List)} for the query parameters of {@code request} not among {@code declared}, if any. */
    public static java.util.Optional<MutableHttpResponse<Problem>> undeclaredParameters(
            io.micronaut.http.HttpRequest<?> request, java.util.Set<String> declared) {
        List<Problem.FieldError> unknown = request.getParameters().names().stream()
                .filter(name -> !declared.contains(name)).sorted()
                .map(name -> new Problem.FieldError(name, "is not a parameter of this operation")).toList();
        return unknown.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(unknownParameters(unknown));
    }
}
