package uk.schoolsocial.platform.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Two commands raced on one aggregate and this one lost when its events were appended: 409, so
 * the client re-reads and decides again (ARCHITECTURE 4: exactly one wins).
 */
@Singleton
final class ConflictingModificationHandler implements ExceptionHandler<ConflictingModificationException, HttpResponse<?>> {

    private final Problems problems;

    ConflictingModificationHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConflictingModificationException exception) {
        return problems.respond(request, new DomainException(PlatformError.CONCURRENT_CHANGE,
                "The record was changed by another request at the same time; read it again and retry"));
    }
}
