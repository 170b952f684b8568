package uk.schoolsocial.platform.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where in a request the value {@link InputErrors} refuses stands, written as the client wrote it:
 * the path in the body ({@code holidays[0].firstDay}), the parameter's name in the query, path or
 * header, the line and column of a syntax error. Kept apart from what the refusal says because
 * Jackson and Micronaut each record the place in their own way.
 */
final class InputPaths {

    private InputPaths() {
    }

    /** The path of the value in the body: {@code records[2].surname}, empty for the body itself. */
    static String field(JsonMappingException mapping) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The path where a parser stands, for errors raised while reading tokens (a field given twice). */
    static String field(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return "";
        }
        Deque<JsonStreamContext> contexts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
            contexts.push(context);
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext context : contexts) {
            if (context.inArray()) {
                field.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
            } else if (context.inObject() && context.getCurrentName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(context.getCurrentName());
            }
        }
        return field.toString();
    }

    /** Where in the text of the body a syntax error lies, for the client to find it: empty if unknown. */
    static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The name the client gives a parameter: the query, path or header name, not the Java one. */
    static String name(Argument<?> argument) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        for (Class<? extends java.lang.annotation.Annotation> kind : List.of(QueryValue.class, PathVariable.class,
                Header.class, CookieValue.class)) {
            if (annotations.hasAnnotation(kind)) {
                return annotations.stringValue(kind).orElse(argument.getName());
            }
        }
        return argument.getName();
    }
}
