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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        // One entry per field: an empty value can break two constraints (length and non-blank).
        Map<String, Set<String>> byField = new TreeMap<>();
        exception.getConstraintViolations().forEach(v ->
                byField.computeIfAbsent(field(v.getPropertyPath()), f -> new LinkedHashSet<>()).add(message(v)));
        List<FieldError> errors = byField.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), String.join(" and ", e.getValue())))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return problems.respond(request, new DomainException(PlatformError.VALIDATION_FAILED, detail, errors));
    }

    /**
     * {@code submitApplication.request.aim} names the field {@code aim}; a header or query parameter
     * keeps its name. Bean Validation puts a list index on the element's node, so it is moved to
     * the list's segment: {@code peopleInvolved[0].role}, as the domain names it too.
     */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(node -> {
            if (node.isInIterable() && !names.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + (position == null ? "" : position) + "]");
            }
            if (node.getName() != null) {
                names.add(node.getName());
            }
        });
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
