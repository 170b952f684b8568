package uk.schoolsocial.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import uk.schoolsocial.platform.error.Problems;

/**
 * Micronaut's handlers for requests it could not bind answer with Jackson's messages, Java class
 * names and the Java name of the argument ({@code /request}); these replace them with
 * {@link InputErrors}' refusals, as problem+json like every other error.
 */
final class InputErrorHandlers {

    private InputErrorHandlers() {
    }

    /** A body, query, path or header value that does not convert to its type. */
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static final class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

        private final InputErrors errors;
        private final Problems problems;

        Conversion(InputErrors errors, Problems problems) {
            this.errors = errors;
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            return problems.respond(request, errors.unreadable(exception.getArgument(),
                    exception.getConversionError().getCause()));
        }
    }

    /** A body that is not JSON at all, or that Jackson refused outside of argument conversion. */
    @Singleton
    @Replaces(JacksonExceptionHandler.class)
    static final class Jackson implements ExceptionHandler<JsonProcessingException, HttpResponse<?>> {

        private final InputErrors errors;
        private final Problems problems;

        Jackson(InputErrors errors, Problems problems) {
            this.errors = errors;
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonProcessingException exception) {
            return problems.respond(request, errors.unreadableBody(exception));
        }
    }

    /** As {@link Jackson}, for Micronaut's wrapper of a syntax error. */
    @Singleton
    @Replaces(JsonExceptionHandler.class)
    static final class Syntax implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {

        private final InputErrors errors;
        private final Problems problems;

        Syntax(InputErrors errors, Problems problems) {
            this.errors = errors;
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return problems.respond(request, errors.unreadableBody(exception));
        }
    }

    /** A required body or parameter that the request lacks. */
    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    static final class MissingArgument implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {

        private final InputErrors errors;
        private final Problems problems;

        MissingArgument(InputErrors errors, Problems problems) {
            this.errors = errors;
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException exception) {
            return problems.respond(request, errors.missing(exception.getArgument()));
        }
    }

    /** As {@link MissingArgument}, as the router reports it. */
    @Singleton
    @Replaces(UnsatisfiedRouteHandler.class)
    static final class MissingRouteArgument implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {

        private final InputErrors errors;
        private final Problems problems;

        MissingRouteArgument(InputErrors errors, Problems problems) {
            this.errors = errors;
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException exception) {
            return problems.respond(request, errors.missing(exception.getArgument()));
        }
    }
}
