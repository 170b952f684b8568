package uk.schoolsocial.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * Turns a request Micronaut or Jackson could not read into the refusal a client can act on: the
 * field by its path in the body ({@code holidays[0].firstDay}, empty for the body as a whole) or
 * the parameter by its name ({@link InputPaths}), and what it must be, enumerations with their
 * values. Nothing of Jackson, Micronaut or the Java types reaches the client.
 */
@Singleton
public final class InputErrors {

    private final EnumValues enums;

    InputErrors(EnumValues enums) {
        this.enums = enums;
    }

    /** The refusal for an argument of a route that could not be converted. */
    public DomainException unreadable(Argument<?> argument, Throwable cause) {
        if (isBody(argument)) {
            return unreadableBody(cause);
        }
        return refusal(PlatformError.VALIDATION_FAILED,
                new FieldError(InputPaths.name(argument), mustBe(argument.getType())));
    }

    /** The refusal for a body Jackson could not read. */
    public DomainException unreadableBody(Throwable cause) {
        JsonProcessingException json = find(cause, JsonProcessingException.class);
        if (json instanceof JsonMappingException mapping) {
            return refusal(PlatformError.VALIDATION_FAILED,
                    new FieldError(InputPaths.field(mapping), message(mapping)));
        }
        if (json instanceof InputCoercionException tooBig) {
            return refusal(PlatformError.VALIDATION_FAILED,
                    new FieldError(InputPaths.field(tooBig.getProcessor()),
                            "is out of range for a " + name(tooBig.getTargetType())));
        }
        if (json instanceof StreamReadException syntax) {
            String original = Objects.requireNonNullElse(syntax.getOriginalMessage(), "");
            if (original.startsWith("Duplicate field")) {
                return refusal(PlatformError.VALIDATION_FAILED,
                        new FieldError(InputPaths.field(syntax.getProcessor()), "is given more than once"));
            }
            return refusal(PlatformError.MALFORMED_REQUEST,
                    new FieldError("", "is not valid JSON" + InputPaths.at(syntax.getLocation())
                            + ": " + firstLine(original)));
        }
        return refusal(PlatformError.MALFORMED_REQUEST, new FieldError("", "is not valid JSON"));
    }

    /** The refusal for a required argument the request lacks. */
    public DomainException missing(Argument<?> argument) {
        if (isBody(argument)) {
            return refusal(PlatformError.VALIDATION_FAILED, new FieldError("", "is required (a JSON object)"));
        }
        return refusal(PlatformError.VALIDATION_FAILED, new FieldError(InputPaths.name(argument), "is required"));
    }

    private static DomainException refusal(PlatformError code, FieldError error) {
        String detail = error.field().isEmpty() ? "The request body " + error.message()
                : error.field() + ": " + error.message();
        return new DomainException(code, detail, List.of(error));
    }

    private String message(JsonMappingException mapping) {
        if (mapping instanceof InputRefused refused) {
            return refused.reason();
        }
        if (mapping instanceof PropertyBindingException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return known == null || known.isEmpty() ? "is not a field of this request"
                    : "is not a field of this request, whose fields are "
                    + String.join(", ", new TreeSet<>(known.stream().map(String::valueOf).toList()));
        }
        if (mapping instanceof InvalidNullException) {
            return "must not be null";
        }
        InputCoercionException tooBig = find(mapping, InputCoercionException.class);
        if (tooBig != null) {
            return "is out of range for a " + name(tooBig.getTargetType());
        }
        String original = Objects.requireNonNullElse(mapping.getOriginalMessage(), "");
        if (original.startsWith("Trailing token")) {
            return "must be one JSON value with nothing after it";
        }
        Class<?> target = target(mapping);
        return target == null ? "is not valid" : mustBe(target);
    }

    private static Class<?> target(JsonMappingException mapping) {
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
            return instantiation.getType().getRawClass();
        }
        if (mapping instanceof InvalidFormatException format) {
            return format.getTargetType();
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType();
        }
        return null;
    }

    /** What a value of {@code type} must look like, for the client. */
    String mustBe(Class<?> type) {
        if (type.isEnum()) {
            return enums.mustBeOneOf(type);
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be an integer" + (type == Integer.class || type == int.class
                    ? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == byte[].class) {
            return StrictDeserializers.BASE64_MESSAGE;
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return InputRules.DATE_MESSAGE;
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return InputRules.INSTANT_MESSAGE;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date or time as the contract writes it";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "must be a JSON object";
        }
        return "is not valid";
    }

    private static String name(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "32-bit integer (at most " + Integer.MAX_VALUE + ")";
        }
        if (type == Long.class || type == long.class) {
            return "64-bit integer (at most " + Long.MAX_VALUE + ")";
        }
        return "number";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static boolean isBody(Argument<?> argument) {
        return argument.getAnnotationMetadata().hasAnnotation(Body.class);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
