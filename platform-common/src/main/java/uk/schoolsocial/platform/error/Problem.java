package uk.schoolsocial.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * An RFC 9457 problem detail, as every error of the suite is answered: the services' (platform's
 * {@code ProblemBodyProvider}) and the gateway's own alike, so a client reads one shape.
 *
 * @param type     a URI naming the kind of problem, {@link #TYPE_BASE} and a slug ({@link ProblemStatus})
 * @param title    the status' short, human-readable summary
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request
 * @param instance the path of the request, where the service that answers knows it; absent from the
 *                 gateway's own answers
 * @param code     a stable machine-readable code ({@code VALIDATION_FAILED})
 * @param errors   every wrong field of the request, when the problem is about its content
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, @Nullable String instance,
                      @Nullable String code, @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The base of every problem type, the services' and the gateway's alike. */
    public static final String TYPE_BASE = "https://schoolsocial.uk/problems/";
}
