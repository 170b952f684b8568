package uk.schoolsocial.gateway.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.identity.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every merged read checks alike before it asks any service: the caller's role, and the query
 * parameters as the contracts define them.
 */
public final class PageParameters {

    private PageParameters() {
    }

    /**
     * The answer refusing the request before any service is asked: 403 with {@code forbidden} for a
     * caller with none of the {@code readers}' roles, or 400 naming each parameter not among
     * {@code declared}; empty when neither.
     */
    public static Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request, Caller caller, Set<Role> readers,
                                                          String forbidden, Set<String> declared) {
        if (caller.roles().stream().noneMatch(readers::contains)) {
            return Optional.<MutableHttpResponse<?>>of(Problems.response(HttpStatus.FORBIDDEN, forbidden));
        }
        return Problems.undeclaredParameters(request, declared).map(refused -> (MutableHttpResponse<?>) refused);
    }

    /**
     * {@code limit}: {@code fallback} when absent; a whole number from 1 to {@code max}, else an
     * error naming the range.
     */
    public static int limit(HttpParameters parameters, int fallback, int max, List<FieldError> errors) {
        String value = single(parameters, "limit", errors);
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + max));
        return fallback;
    }

    /**
     * A single-valued parameter: absent is null; given twice or given empty ({@code from=}) is an
     * error (issue 11), never read as absent, so a client never gets a page it did not ask for.
     */
    @Nullable
    public static String single(HttpParameters parameters, String name, List<FieldError> errors) {
        List<String> values = parameters.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given once"));
            return null;
        }
        if (values.get(0).isEmpty()) {
            errors.add(new FieldError(name, "must not be empty; leave the parameter out instead"));
            return null;
        }
        return values.get(0);
    }
}
