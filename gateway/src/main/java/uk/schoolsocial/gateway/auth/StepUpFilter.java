package uk.schoolsocial.gateway.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.error.Problem;

import java.util.Optional;

/**
 * Refuses the most sensitive operations ({@link SensitiveOperations}) to a caller of a school that
 * requires multi-factor sign-in ({@link StepUpPolicy}) whose token does not show one, before any
 * service is asked: 401 with RFC 9470's challenge ({@code error="insufficient_user_authentication"},
 * and {@code acr_values} when configured) and the problem {@code STEP_UP_REQUIRED}. The client signs
 * the user in again with multi-factor authentication and retries with the new token.
 */
@Filter("/api/**")
final class StepUpFilter implements HttpServerFilter {

    static final String CODE = "STEP_UP_REQUIRED";
    private static final String TYPE = "https://schoolsocial.uk/problems/step-up-required";
    private static final String DESCRIPTION = "A sign-in with multi-factor authentication is required";

    private final StepUpPolicy policy;

    StepUpFilter(StepUpPolicy policy) {
        this.policy = policy;
    }

    @Override
    public int getOrder() {
        // After security and the caller's rate limit, before the proxy (SECURITY.after()).
        return ServerFilterPhase.SECURITY.after() - 5;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return chain.proceed(request);
        }
        Optional<SensitiveOperations.Operation> operation = SensitiveOperations.of(request.getMethod(), request.getPath());
        Caller caller = Caller.of(authentication.get());
        if (operation.isEmpty() || !operation.get().gates(caller) || !policy.requiredFor(caller.school())
                || policy.satisfiedBy(SignInAssurance.of(authentication.get()))) {
            return chain.proceed(request);
        }
        return Mono.just(refusal(caller.school()));
    }

    private MutableHttpResponse<?> refusal(String school) {
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        String challenge = BearerChallenge.REALM + ", error=\"insufficient_user_authentication\", error_description=\""
                + DESCRIPTION + "\"" + (policy.acrValues().isEmpty() ? ""
                : ", acr_values=\"" + String.join(" ", policy.acrValues()) + "\"");
        Problem problem = new Problem(TYPE, status.getReason(), status.getCode(), "School '" + school
                + "' requires a sign-in with multi-factor authentication for this operation, and the token does"
                + " not show one (amr). Sign in again with multi-factor authentication and retry with the new token.",
                null, CODE, null);
        return HttpResponse.status(status).body(problem).contentType(Problems.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
}
