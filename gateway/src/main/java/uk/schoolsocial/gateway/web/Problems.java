package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

    /** The media type of RFC 9457 problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String NO_TYPE = "about:blank";

    private Problems() {
    }

    /** A problem whose kind the status names fully, so its type is {@code about:blank}. */
    public static Problem of(HttpStatus status, String detail) {
        return new Problem(NO_TYPE, status.getReason(), status.getCode(), detail);
    }

    /** A response carrying {@link #of(HttpStatus, String)}. */
    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return HttpResponse.<Problem>status(status).body(of(status, detail)).contentType(MEDIA_TYPE);
    }
}
