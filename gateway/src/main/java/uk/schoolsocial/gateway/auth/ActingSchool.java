package uk.schoolsocial.gateway.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;

import java.util.List;
import java.util.Optional;

/**
 * The school a request of the audit API acts for (decision 7): the caller's own, or the one its
 * {@code school} parameter names when the caller may act for it ({@link Caller#actingFor}).
 */
public final class ActingSchool {

    private ActingSchool() {
    }

    /** What the request may do: act as this caller, or be answered with this refusal. */
    public sealed interface Outcome {

        /** Act as {@code caller}, whose school is the one the request acts for. */
        record Acting(Caller caller) implements Outcome {
        }

        /** 400 for more than one school, 403 for one the caller may not act for. */
        record Refused(MutableHttpResponse<?> response) implements Outcome {
        }
    }

    public static Outcome of(Caller caller, HttpRequest<?> request) {
        List<String> requested = request.getParameters().getAll(Caller.SCHOOL_PARAMETER);
        if (requested.size() > 1) {
            return new Outcome.Refused(Problems.invalid(List.of(new FieldError(Caller.SCHOOL_PARAMETER,
                    "name one school, not " + requested.size()))));
        }
        String school = requested.isEmpty() ? null : requested.get(0);
        Optional<Caller> acting = caller.actingFor(school);
        return acting.<Outcome>map(Outcome.Acting::new).orElseGet(() ->
                new Outcome.Refused(Problems.response(HttpStatus.FORBIDDEN, Caller.notGranted(school))));
    }
}
