package uk.schoolsocial.platform.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refusal raised outside the command bus (queries, web layer). */
@Singleton
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {

    private final Problems problems;

    DomainExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
        return problems.respond(request, exception);
    }
}
