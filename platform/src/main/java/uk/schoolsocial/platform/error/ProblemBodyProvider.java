package uk.schoolsocial.platform.error;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Writes every error body of the service, Micronaut's own (401, 403, route not found, bean
 * validation, unreadable JSON) and the domain's, as {@code application/problem+json}: one place
 * decides the shape, so a client handles one format.
 */
@Singleton
// Micronaut's default provider steps aside when another JsonErrorResponseBodyProvider exists.
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    @Override
    public Problem body(ErrorContext context, io.micronaut.http.HttpResponse<?> response) {
        int status = response.code();
        Optional<ErrorDetails> details = context.getRootCause().flatMap(ProblemBodyProvider::detailsOf);
        List<FieldError> fields = details.map(ErrorDetails::errors).filter(e -> !e.isEmpty())
                .orElseGet(() -> fieldErrors(status, context.getErrors()));
        String code = details.map(ErrorDetails::code).orElseGet(() -> ProblemStatus.code(status, !fields.isEmpty()));
        String detail = details.map(ErrorDetails::message).orElseGet(() -> describe(context.getErrors(), status));
        String slug = details.map(d -> d.kind().slug()).orElseGet(() -> ProblemStatus.slug(status));
        return new Problem(Problem.TYPE_BASE + slug, reason(status), status, detail, context.getRequest().getPath(),
                code, fields);
    }

    static Optional<ErrorDetails> detailsOf(Throwable cause) {
        if (cause instanceof DomainException domain) {
            return Optional.of(domain.details());
        }
        if (cause instanceof CommandExecutionException execution) {
            return execution.getDetails().filter(ErrorDetails.class::isInstance).map(ErrorDetails.class::cast);
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern ALLOWED_TYPES =
            java.util.regex.Pattern.compile("Allowed types: \\[([^\\]]+)\\]");

    /** Micronaut's own refusals of a body name what they are about, as every 4xx about input does. */
    private static List<FieldError> fieldErrors(int status, List<Error> errors) {
        if (status == 413) {
            return List.of(new FieldError("", "is too large"));
        }
        if (status == 415) {
            // Micronaut names the types the operation takes ("Allowed types: [text/csv]"): JSON but for uploads
            String allowed = errors.stream().map(Error::getMessage)
                    .map(ALLOWED_TYPES::matcher).filter(java.util.regex.Matcher::find)
                    .map(found -> found.group(1)).findFirst().orElse("application/json");
            return List.of(new FieldError("Content-Type", "must be " + allowed));
        }
        return errors.stream().filter(e -> e.getPath().isPresent())
                .map(e -> new FieldError(fieldName(e.getPath().get()), e.getMessage()))
                .toList();
    }

    /** Bean validation paths look like {@code submitApplication.request.aim}: clients know the field. */
    private static String fieldName(String path) {
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String describe(List<Error> errors, int status) {
        if (status >= 500) {
            return "The service could not complete the request; it has been logged.";
        }
        return errors.stream().map(e -> e.getPath().map(p -> fieldName(p) + ": ").orElse("") + e.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static String reason(int status) {
        try {
            return HttpStatus.valueOf(status).getReason();
        } catch (IllegalArgumentException unknown) {
            return "HTTP " + status;
        }
    }
}
