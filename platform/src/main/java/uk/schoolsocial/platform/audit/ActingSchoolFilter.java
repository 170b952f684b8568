package uk.schoolsocial.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.error.Problems;
import uk.schoolsocial.platform.identity.CurrentActor;

/**
 * The {@code school} parameter of the audit API names the school a request acts for (audit.yaml).
 * The gateway grants it (the caller's own school, or one their token grants across a trust) and
 * mints the internal token for that school; a request whose token is for another school than the
 * one it names is refused here, so it never reads one school's trail while asking for another's.
 */
@ServerFilter(ActingSchoolFilter.PATH_ROOT + "**")
public class ActingSchoolFilter implements Ordered {

    /** Where the audit API's paths begin. */
    public static final String PATH_ROOT = "/api/v1/audit/";
    /** The query parameter naming the school a request of the audit API acts for. */
    public static final String PARAMETER = "school";

    private final Problems problems;

    ActingSchoolFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> requireTheTokensSchool(HttpRequest<?> request) {
        String requested = request.getParameters().get(PARAMETER);
        Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
        if (requested == null || caller.isEmpty()) {
            return null;
        }
        String school = CurrentActor.of(caller.get()).schoolId();
        if (requested.equals(school)) {
            return null;
        }
        return problems.respond(request, new DomainException(PlatformError.FORBIDDEN, "This request acts for school '"
                + school + "', not '" + requested + "'"));
    }
}
