package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.SerdeImport;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.Problem;
import uk.schoolsocial.platform.error.ProblemStatus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds {@code application/problem+json} responses, in platform's {@link Problem} shape. The
 * gateway's serialisation (Micronaut Serialization, which the services do not use) is told about
 * the shared records here.
 */
@SerdeImport(Problem.class)
@SerdeImport(FieldError.class)
public final class Problems {

    /** The media type of RFC 9457 problem documents. */
    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;

    /** The services' type of a bad request (platform's {@code ErrorKind.INVALID}), for the same code. */
    private static final String VALIDATION_TYPE = Problem.TYPE_BASE + ProblemStatus.slug(400);
    private static final String VALIDATION_CODE = ProblemStatus.code(400, true);
    private static final String TOO_LARGE_TYPE = Problem.TYPE_BASE + ProblemStatus.slug(413);
    private static final String TOO_LARGE_CODE = ProblemStatus.code(413, true);

    private Problems() {
    }

    /**
     * A problem the status names fully, typed and coded exactly as the services type and code the
     * same status ({@link ProblemStatus}; common.yaml): one error contract, so a client tells a
     * gateway's 401 from a service's by nothing but its detail.
     */
    public static Problem of(HttpStatus status, String detail) {
        return of(status, code(status.getCode()), detail);
    }

    /**
     * A problem typed as the status, with a code more precise than the status' own (a 401's
     * {@code TOKEN_AUDIENCE}, ...).
     */
    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem(Problem.TYPE_BASE + slug(status.getCode()), status.getReason(), status.getCode(), detail,
                null, code, null);
    }

    /**
     * The stable code of a status the gateway answers itself: the services' ({@link ProblemStatus}),
     * and those of the statuses only the gateway answers (406, 429, and the 5xx of a service that
     * failed it). A 400 of its own reads no fields, so is {@code MALFORMED_REQUEST}.
     */
    static String code(int status) {
        return switch (status) {
            case 406 -> "NOT_ACCEPTABLE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 504 -> "GATEWAY_TIMEOUT";
            default -> ProblemStatus.code(status, false);
        };
    }

    /** The type's slug, as {@link #code(int)}: the services', and the gateway's own statuses named. */
    private static String slug(int status) {
        return switch (status) {
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> ProblemStatus.slug(status);
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
                .body(new Problem(TOO_LARGE_TYPE, status.getReason(), status.getCode(), detail, null, TOO_LARGE_CODE,
                        List.of(new FieldError("", "must be at most " + limit + " bytes"))))
                .contentType(MEDIA_TYPE);
    }

    /**
     * A 400 naming every wrong field, shaped as the services answer one ({@code VALIDATION_FAILED},
     * detail {@code "field: message; ..."}).
     */
    public static MutableHttpResponse<Problem> invalid(List<FieldError> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        return HttpResponse.<Problem>status(status)
                .body(new Problem(VALIDATION_TYPE, status.getReason(), status.getCode(), detail, null, VALIDATION_CODE,
                        List.copyOf(errors)))
                .contentType(MEDIA_TYPE);
    }

    /**
     * A 400 {@code UNKNOWN_PARAMETER} naming each query parameter the operation does not declare,
     * as the services answer one (issue 12): never ignored, so a client never takes everything for a delta.
     */
    public static MutableHttpResponse<Problem> unknownParameters(List<FieldError> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String detail = "Unknown query parameter" + (errors.size() == 1 ? " " : "s ")
                + errors.stream().map(FieldError::field).collect(Collectors.joining(", "));
        return HttpResponse.<Problem>status(status)
                .body(new Problem(VALIDATION_TYPE, status.getReason(), status.getCode(), detail, null,
                        "UNKNOWN_PARAMETER", List.copyOf(errors)))
                .contentType(MEDIA_TYPE);
    }

    /** {@link #unknownParameters(List)} for the query parameters of {@code request} not among {@code declared}, if any. */
    public static java.util.Optional<MutableHttpResponse<Problem>> undeclaredParameters(
            io.micronaut.http.HttpRequest<?> request, java.util.Set<String> declared) {
        List<FieldError> unknown = request.getParameters().names().stream()
                .filter(name -> !declared.contains(name)).sorted()
                .map(name -> new FieldError(name, "is not a parameter of this operation")).toList();
        return unknown.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(unknownParameters(unknown));
    }
}
