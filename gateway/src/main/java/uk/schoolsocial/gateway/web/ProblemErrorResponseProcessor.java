package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import uk.schoolsocial.gateway.auth.TokenRefusals;
import uk.schoolsocial.platform.error.Problem;

import java.util.stream.Collectors;

/**
 * Turns every error Micronaut answers (401 from the security filter, 404, 400 for bad JSON, ...)
 * into {@code application/problem+json}. Being an {@link ErrorResponseProcessor} bean, it displaces
 * Micronaut's default, which would answer HTML to browsers and its own JSON shape to others.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private final TokenRefusals refusals;

    ProblemErrorResponseProcessor(TokenRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problemResponse = (MutableHttpResponse<Problem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problemResponse;
        }
        HttpStatus status = response.getStatus();
        if (context.getRootCause().orElse(null) instanceof AuthorizationException denied && !denied.isForbidden()) {
            // 401: say which rule the token broke, by a code of its own (TOKEN_AUDIENCE, ...).
            TokenRefusals.Refused refused = refusals.of(context.getRequest());
            return problemResponse.body(Problems.of(status, refused.refusal().name(), refused.detail()))
                    .contentType(Problems.MEDIA_TYPE);
        }
        return problemResponse.body(Problems.of(status, detail(context, status))).contentType(Problems.MEDIA_TYPE);
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        if (context.getRootCause().orElse(null) instanceof AuthorizationException) {
            return "The caller's token does not allow this request.";
        }
        String messages = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return messages.isBlank() ? status.getReason() : messages;
    }
}
