package uk.schoolsocial.platform.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.platform.privacy.LogSafe;

/**
 * A failure no other handler knows (every more specific handler, Micronaut's own included, wins):
 * a fault of ours, answered 500 without internals and logged with the values its messages quote
 * taken out (AUD-4: a database's "Duplicate entry 'name'" must not put a name in the log). Without
 * it Micronaut would log the raw message.
 */
@Singleton
final class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private final Problems problems;

    UnexpectedErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), LogSafe.redacted(exception));
        return problems.respond(request, exception, 500, "Internal error");
    }
}
