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

    private static final String NO_TYPE = "about:blank";
    /** The services' type of a bad request (platform's {@code ErrorKind.INVALID}), for the same code. */
    private static final String VALIDATION_TYPE = "https://schoolsocial.uk/problems/validation";
    private static final String VALIDATION_CODE = "VALIDATION_FAILED";
    private static final String TOO_LARGE_TYPE = "https://schoolsocial.uk/problems/payload-too-large";
    private static final String TOO_LARGE_CODE = "PAYLOAD_TOO_LARGE";

    private Problems() {
    }

    /** A problem whose kind the status names fully, so its type is {@code about:blank}. */
    public static Problem of(HttpStatus status, String detail) {
        return new Problem(NO_TYPE, status.getReason(), status.getCode(), detail, null, null);
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
}
