package uk.schoolsocial.platform.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Two commands raced on one aggregate and this one lost when its events were appended: 409, so
 * the client re-reads and decides again (ARCHITECTURE 4: exactly one wins).
 *
 * <p>A {@link ConflictingAggregateVersionException} is not a race but a stale {@code If-Match}: an
 * expected version below the aggregate's, which Axon's event-sourcing repository only finds when
 * the unit of work commits (its conflict resolver), outside the command's error interceptor. It is
 * the 412 {@code VERSION_MISMATCH} of every other stale or unknown version, in every service.
 */
@Singleton
final class ConflictingModificationHandler implements ExceptionHandler<ConflictingModificationException, HttpResponse<?>> {

    private final Problems problems;

    ConflictingModificationHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConflictingModificationException exception) {
        if (exception instanceof ConflictingAggregateVersionException) {
            return problems.respond(request, new DomainException(PlatformError.VERSION_MISMATCH,
                    "The record has changed since the version given in If-Match; read it again"));
        }
        return problems.respond(request, new DomainException(PlatformError.CONCURRENT_CHANGE,
                "The record was changed by another request at the same time; read it again and retry"));
    }
}
