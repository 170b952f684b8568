package uk.schoolsocial.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;

/**
 * Wraps Jackson's deserializers with the rules Jackson has no switch for: an object is an object
 * (no scalar, array or {@code null} body), text meets {@link InputRules#textProblem}, dates and
 * instants are written one way and lie in {@link InputRules}' ranges ({@link StrictDates}), and
 * arrays hold no {@code null}. Each refusal is an {@link InputRefused} whose path names the field.
 */
final class StrictDeserializers extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (deserializer instanceof BeanDeserializerBase) {
            return new ObjectOnly(deserializer);
        }
        if (type == String.class) {
            return new CheckedText(deserializer);
        }
        if (type == LocalDate.class) {
            return new StrictDates.CheckedDate(deserializer);
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
            return new StrictDates.CheckedInstant(deserializer);
        }
        return deserializer;
    }

    @Override
    public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                                                       BeanDescription description, JsonDeserializer<?> deserializer) {
        return type.getContentType().getRawClass() == byte.class ? new Base64Only(deserializer) : deserializer;
    }

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                            BeanDescription description,
                                                            JsonDeserializer<?> deserializer) {
        return new NoNullElements(deserializer);
    }

    static final String BASE64_MESSAGE = "must be base64 text";

    static InputRefused refused(JsonParser parser, String reason, Class<?> type) {
        return new InputRefused(parser, reason, type);
    }

    /** A JSON object, or nothing: no {@code false}, {@code 42}, {@code "x"} or {@code [{...}]} for an object. */
    static final class ObjectOnly extends DelegatingDeserializer {

        ObjectOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ObjectOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.START_OBJECT) && !parser.hasToken(JsonToken.FIELD_NAME)
                    && !parser.hasToken(JsonToken.END_OBJECT)) {
                throw refused(parser, "must be a JSON object", handledType());
            }
            return super.deserialize(parser, context);
        }

        /** A body of {@code null} is no body; a field set to {@code null} is absent, as if not sent. */
        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            JsonParser parser = context.getParser();
            if (parser != null && parser.getParsingContext().inRoot()) {
                throw refused(parser, "must be a JSON object", handledType());
            }
            return super.getNullValue(context);
        }
    }

    /** A JSON string, without control characters or lone surrogates. */
    static final class CheckedText extends DelegatingDeserializer {

        CheckedText(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedText(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw refused(parser, "must be a string", String.class);
            }
            Object value = super.deserialize(parser, context);
            if (value instanceof String text) {
                String problem = InputRules.textProblem(text).orElse(null);
                if (problem != null) {
                    throw refused(parser, problem, String.class);
                }
            }
            return value;
        }
    }

    /** Bytes are base64 text ({@code format: byte}), not an array of numbers. */
    static final class Base64Only extends DelegatingDeserializer {

        Base64Only(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Base64Only(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw refused(parser, BASE64_MESSAGE, byte[].class);
            }
            try {
                return super.deserialize(parser, context);
            } catch (com.fasterxml.jackson.databind.exc.InvalidFormatException | IllegalArgumentException notBase64) {
                throw refused(parser, BASE64_MESSAGE, byte[].class);
            }
        }
    }

    /**
     * An array holds values: {@code [null]} is refused, naming the element by its index, also where
     * the contract's {@code uniqueItems} makes it a set, which keeps no order.
     */
    static final class NoNullElements extends DelegatingDeserializer {

        NoNullElements(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NoNullElements(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.START_ARRAY)) {
                return super.deserialize(parser, context);
            }
            TokenBuffer array = context.bufferAsCopyOfValue(parser);
            try (JsonParser elements = array.asParserOnFirstToken()) {
                int index = 0;
                for (JsonToken token = elements.nextToken(); token != null && token != JsonToken.END_ARRAY;
                     token = elements.nextToken()) {
                    if (token == JsonToken.VALUE_NULL) {
                        InputRefused refusal = refused(parser, "must not be null", Object.class);
                        refusal.prependPath(new ArrayList<>(), index);
                        throw refusal;
                    }
                    elements.skipChildren();
                    index++;
                }
            }
            try (JsonParser replay = array.asParserOnFirstToken()) {
                return super.deserialize(replay, context);
            }
        }
    }
}
