package uk.schoolsocial.platform.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Builds an error response through Micronaut's error processor, so every handler answers alike. */
@Singleton
public final class Problems {

    private final ErrorResponseProcessor<?> processor;

    Problems(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, Throwable cause, int status, String message) {
        ErrorContext context = ErrorContext.builder(request).cause(cause).errorMessage(message).build();
        return processor.processResponse(context, HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status)));
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, DomainException refusal) {
        return respond(request, refusal, refusal.code().kind().status(), refusal.getMessage());
    }
}
