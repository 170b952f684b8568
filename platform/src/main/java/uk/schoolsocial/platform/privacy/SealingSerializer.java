package uk.schoolsocial.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The serializer of events and snapshots when personal data is sealed (AUD-4, decision 9): Jackson
 * as everywhere, with the {@code @PersonalData} fields of an event sealed on the way to the store
 * and opened on the way back ({@link Sealing}). Aggregates, projections and the as-of rebuild see
 * plaintext while a subject's key exists and {@code null} once it is destroyed; the store, and so
 * the audit chain, which hashes the stored bytes, holds only ciphertext.
 */
public final class SealingSerializer implements Serializer {

    private final JacksonSerializer jackson;
    private final ObjectMapper mapper;
    private final Sealing sealing;

    public SealingSerializer(JacksonSerializer jackson, SubjectKeys keys) {
        this.jackson = jackson;
        this.mapper = jackson.getObjectMapper();
        this.sealing = new Sealing(keys, mapper);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !sealing.seals(object.getClass())) {
            return jackson.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = jackson.serialize(object, byte[].class);
        try {
            ObjectNode tree = (ObjectNode) mapper.readTree(plain.getData());
            sealing.seal(object.getClass(), tree);
            byte[] sealed = mapper.writeValueAsBytes(tree);
            return new SimpleSerializedObject<>(getConverter().convert(sealed, byte[].class, expectedRepresentation),
                    expectedRepresentation, plain.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = SerializedType.isEmptyType(serializedObject.getType()) ? Void.class
                : jackson.classForType(serializedObject.getType());
        if (type == UnknownSerializedType.class || !sealing.seals(type)) {
            return jackson.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject, JsonNode.class).getData();
        if (tree instanceof ObjectNode object) {
            ObjectNode opened = object.deepCopy();
            sealing.open(type, opened);
            tree = opened;
        }
        return jackson.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    /**
     * The personal fields of a stored event type as stable text ({@code path:SUBJECT_TYPE:keyFrom;...});
     * empty for a type with none, or one this code does not know.
     */
    public String classification(String payloadType, String payloadRevision) {
        Class<?> type = jackson.classForType(new SimpleSerializedType(payloadType, payloadRevision));
        if (type == UnknownSerializedType.class) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Sealing.Field field : sealing.fieldsOf(type)) {
            text.append(field.name()).append(':').append(field.personal().sealedUnder()).append(':')
                    .append(field.personal().keyFrom()).append(';');
        }
        return text.toString();
    }

    /**
     * A stored payload with the personal fields it holds in plaintext sealed (decision 9, point 3),
     * or null when it holds none: every one is sealed already, erased, or absent.
     */
    public byte[] sealPlaintext(String payloadType, String payloadRevision, byte[] payload) {
        Class<?> type = jackson.classForType(new SimpleSerializedType(payloadType, payloadRevision));
        if (type == UnknownSerializedType.class || !sealing.seals(type)) {
            return null;
        }
        try {
            JsonNode stored = mapper.readTree(payload);
            if (!(stored instanceof ObjectNode object)) {
                return null;
            }
            ObjectNode sealed = object.deepCopy();
            sealing.seal(type, sealed);
            return sealed.equals(object) ? null : mapper.writeValueAsBytes(sealed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
