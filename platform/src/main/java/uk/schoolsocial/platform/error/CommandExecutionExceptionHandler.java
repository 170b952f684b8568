package uk.schoolsocial.platform.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command that failed: a rule's refusal carries {@link ErrorDetails} and gets its status; anything
 * else is a fault of ours, logged and answered 500 without internals.
 */
@Singleton
final class CommandExecutionExceptionHandler implements ExceptionHandler<CommandExecutionException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(CommandExecutionExceptionHandler.class);
    private final Problems problems;

    CommandExecutionExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, CommandExecutionException exception) {
        return ProblemBodyProvider.detailsOf(exception)
                .<HttpResponse<?>>map(details -> problems.respond(request, exception, details.kind().status(), details.message()))
                .orElseGet(() -> {
                    LOG.error("Command failed on {} {}", request.getMethod(), request.getPath(),
                            uk.schoolsocial.platform.privacy.LogSafe.redacted(exception));
                    return problems.respond(request, exception, 500, "Internal error");
                });
    }
}
