package uk.schoolsocial.platform.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bean validation of a request (the constraints generated from the OpenAPI document): every
 * invalid field, by its name in the request, with a reason a person can act on.
 */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    /** The OpenAPI pattern for "contains something other than white space". */
    static final String NON_BLANK = "[\\s\\S]*\\S[\\s\\S]*";

    private final Problems problems;

    ConstraintViolationHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), message(v)))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return problems.respond(request, new DomainException(PlatformError.VALIDATION_FAILED, detail, errors));
    }

    /** {@code submitApplication.request.aim} names the field {@code aim}; a header or query parameter keeps its name. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(node -> names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName()));
        if (names.size() > 2) {
            return String.join(".", names.subList(2, names.size()));
        }
        return names.get(names.size() - 1);
    }

    private static String message(ConstraintViolation<?> violation) {
        Object regexp = violation.getConstraintDescriptor().getAttributes().get("regexp");
        if (NON_BLANK.equals(regexp)) {
            return "must not be blank";
        }
        if (violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull) {
            return "is required";
        }
        return violation.getMessage();
    }
}
