package uk.schoolsocial.platform.input;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.schoolsocial.platform.audit.ActingSchoolFilter;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.error.Problems;

/**
 * The input rules for query, path and header parameters (issue 11), checked before Micronaut
 * binds them: Micronaut reads {@code current=maybe} as {@code false}, and the converters generated
 * for enumerations throw on a value they do not know, which answered 500. Here a boolean is
 * exactly {@code true} or {@code false}, an enumeration one of its values (listed in the answer),
 * a single-valued parameter given once, a query parameter not empty ({@code limit=} is not
 * "no limit"), and text meets {@link InputRules#textProblem}. Numbers,
 * dates and ids are left to Micronaut, whose conversion errors {@link InputErrors} names. Every
 * broken rule is named in one 400. A body sent to an operation that reads one must be
 * {@code application/json} (else 415): Micronaut would otherwise read a form or plain text; an
 * operation that reads another type (a CSV upload, {@code text/csv}) takes exactly that one.
 * A query parameter the operation does not declare is a 400 {@code UNKNOWN_PARAMETER} naming it
 * (issue 12): Micronaut ignores it, so {@code ?updated_after=...} on a list answered everything and
 * the client believed it had a delta.
 */
@ServerFilter("/api/**")
public class ParameterRulesFilter implements Ordered {

    private final EnumValues enums;
    private final Problems problems;

    ParameterRulesFilter(EnumValues enums, Problems problems) {
        this.enums = enums;
        this.problems = problems;
    }

    /** After authentication, so an anonymous caller learns nothing about the parameters; before the rest. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() - 1;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> checkParameters(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        if (match.isEmpty() || !(match.get() instanceof MethodBasedRouteMatch<?, ?> route)) {
            return null;
        }
        if (readsBody(route) && declaresBody(request) && !consumed(route, request)) {
            String expected = expected(route);
            return problems.respond(request, new DomainException(PlatformError.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be " + expected, List.of(new FieldError(HttpHeaders.CONTENT_TYPE,
                    "must be " + expected))));
        }
        List<FieldError> unknown = unknownQueryParameters(request, route);
        if (!unknown.isEmpty()) {
            return problems.respond(request, new DomainException(PlatformError.UNKNOWN_PARAMETER,
                    "Unknown query parameter" + (unknown.size() == 1 ? " " : "s ")
                            + String.join(", ", unknown.stream().map(FieldError::field).toList())
                            + "; this operation takes " + declared(request, route), unknown));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Argument<?> argument : route.getArguments()) {
            Parameter.of(argument, request, route).ifPresent(parameter -> check(parameter, errors));
        }
        if (errors.isEmpty()) {
            return null;
        }
        return problems.respond(request, new DomainException(PlatformError.VALIDATION_FAILED,
                String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors));
    }

    private static List<FieldError> unknownQueryParameters(HttpRequest<?> request, MethodBasedRouteMatch<?, ?> route) {
        Set<String> declared = declaredQueryParameters(request, route);
        return request.getParameters().names().stream()
                .filter(name -> !declared.contains(name))
                .sorted()
                .map(name -> new FieldError(name, "is not a parameter of this operation"))
                .toList();
    }

    private static String declared(HttpRequest<?> request, MethodBasedRouteMatch<?, ?> route) {
        Set<String> declared = declaredQueryParameters(request, route);
        return declared.isEmpty() ? "no query parameters" : "only " + String.join(", ", new TreeSet<>(declared));
    }

    /**
     * The query parameters of the operation: its {@code @QueryValue} arguments, and {@code school}
     * on the audit API, which {@link ActingSchoolFilter} reads before the controller (audit.yaml).
     */
    private static Set<String> declaredQueryParameters(HttpRequest<?> request, MethodBasedRouteMatch<?, ?> route) {
        Set<String> names = new HashSet<>();
        for (Argument<?> argument : route.getArguments()) {
            AnnotationMetadata annotations = argument.getAnnotationMetadata();
            if (annotations.hasAnnotation(QueryValue.class)) {
                names.add(annotations.stringValue(QueryValue.class).orElse(argument.getName()));
            }
        }
        if (request.getPath().startsWith(ActingSchoolFilter.PATH_ROOT)) {
            names.add(ActingSchoolFilter.PARAMETER);
        }
        return names;
    }

    private static boolean readsBody(MethodBasedRouteMatch<?, ?> route) {
        for (Argument<?> argument : route.getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** JSON, unless the operation reads another type (a CSV upload): then exactly that type. */
    private static boolean consumed(MethodBasedRouteMatch<?, ?> route, HttpRequest<?> request) {
        String expected = expected(route);
        return request.getContentType().map(type -> (type.getType() + "/" + type.getSubtype())
                .equalsIgnoreCase(expected)).orElse(false);
    }

    private static String expected(MethodBasedRouteMatch<?, ?> route) {
        return route.getRouteInfo().getConsumes().stream()
                .map(type -> type.getType() + "/" + type.getSubtype())
                .filter(type -> !type.equals("application/json") && !type.equals("*/*"))
                .findFirst()
                .orElse("application/json");
    }

    private void check(Parameter parameter, List<FieldError> errors) {
        Class<?> type = parameter.elementType();
        if (!parameter.multiple() && parameter.values().size() > 1) {
            errors.add(new FieldError(parameter.name(), "must be given once"));
            return;
        }
        for (String value : parameter.values()) {
            Optional<String> problem = problem(type, value);
            if (problem.isEmpty() && value.isEmpty() && parameter.query()) {
                // Micronaut reads fromSeq= as absent: an export of everything the client did not ask for
                problem = Optional.of("must not be empty; leave the parameter out instead");
            }
            if (problem.isPresent()) {
                errors.add(new FieldError(parameter.name(), problem.get()));
                return;
            }
        }
    }

    private Optional<String> problem(Class<?> type, String value) {
        Optional<String> text = InputRules.textProblem(value);
        if (text.isPresent()) {
            return text;
        }
        if (type == Boolean.class || type == boolean.class) {
            return value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of("must be true or false");
        }
        if (type.isEnum() && !enums.of(type).contains(value)) {
            return Optional.of(enums.mustBeOneOf(type));
        }
        return Optional.empty();
    }

    /** A parameter of the route as the request gives it. */
    private record Parameter(String name, Class<?> elementType, boolean multiple, List<String> values,
                             boolean query) {

        static Optional<Parameter> of(Argument<?> argument, HttpRequest<?> request, RouteMatch<?> route) {
            AnnotationMetadata annotations = argument.getAnnotationMetadata();
            Class<?> type = argument.getType();
            boolean multiple = Collection.class.isAssignableFrom(type) || type.isArray();
            Class<?> element = type;
            if (type.isArray()) {
                element = type.getComponentType();
            } else if (multiple) {
                element = argument.getFirstTypeVariable().<Class<?>>map(Argument::getType).orElse(Object.class);
            }
            if (annotations.hasAnnotation(QueryValue.class)) {
                String name = annotations.stringValue(QueryValue.class).orElse(argument.getName());
                return Optional.of(new Parameter(name, element, multiple, request.getParameters().getAll(name), true));
            }
            if (annotations.hasAnnotation(PathVariable.class)) {
                String name = annotations.stringValue(PathVariable.class).orElse(argument.getName());
                Object value = route.getVariableValues().get(name);
                return Optional.of(new Parameter(name, element, multiple,
                        value == null ? List.of() : List.of(value.toString()), false));
            }
            if (annotations.hasAnnotation(Header.class)) {
                String name = annotations.stringValue(Header.class).orElse(argument.getName());
                return Optional.of(new Parameter(name, element, multiple, request.getHeaders().getAll(name), false));
            }
            return Optional.empty();
        }
    }
}
