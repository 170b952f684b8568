package uk.schoolsocial.gateway.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Turns every error Micronaut answers (401 from the security filter, 404, 400 for bad JSON, ...)
 * into {@code application/problem+json}. Being an {@link ErrorResponseProcessor} bean, it displaces
 * Micronaut's default, which would answer HTML to browsers and its own JSON shape to others.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problemResponse = (MutableHttpResponse<Problem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problemResponse;
        }
        HttpStatus status = response.getStatus();
        return problemResponse.body(Problems.of(status, detail(context, status))).contentType(Problems.MEDIA_TYPE);
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        if (context.getRootCause().orElse(null) instanceof AuthorizationException denied) {
            return denied.isForbidden()
                    ? "The caller's token does not allow this request."
                    : "This request needs a valid bearer token (Authorization: Bearer ...).";
        }
        String messages = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return messages.isBlank() ? status.getReason() : messages;
    }
}
