package uk.schoolsocial.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import uk.schoolsocial.events.privacy.SubjectType;

/**
 * The envelope of one sealed field, {@code {"$sealed":"v1","k":"PUPIL:school-1/p-1","c":nonce+ciphertext}}:
 * made from the field's JSON value and opened again. Kept apart from {@link Sealing}, which finds the
 * fields and decides what to seal or show, so the format and its associated data (subject and path,
 * which stop a ciphertext opening elsewhere) are written down in one place.
 */
final class SealedEnvelope {

    static final String MARK = "$sealed";
    static final String VERSION = "v1";

    private final SubjectKeys keys;
    private final ObjectMapper mapper;

    SealedEnvelope(SubjectKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    /** Whether a value is an envelope; anything else was stored before sealing and is read as it is. */
    static boolean isEnvelope(JsonNode value) {
        return value.isObject() && VERSION.equals(value.path(MARK).asText(null));
    }

    /** The envelope of a field's value at path {@code where}, sealed under the subject's key. */
    ObjectNode envelope(SubjectType type, String subject, String where, JsonNode value, SecretKey key) {
        String subjectRef = type.name() + ":" + subject;
        byte[] plain;
        try {
            plain = mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot seal " + where, e);
        }
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put(MARK, VERSION);
        envelope.put("k", subjectRef);
        envelope.put("c", Base64.getEncoder().encodeToString(AesGcm.seal(key, aad(subjectRef, where), plain)));
        return envelope;
    }

    /** The value an envelope holds: JSON null when its key is destroyed (erased); tampered when it does not open. */
    JsonNode opened(ObjectNode envelope, String where) {
        String subjectRef = envelope.path("k").asText();
        int colon = subjectRef.indexOf(':');
        Optional<SecretKey> key;
        try {
            key = keys.forOpening(SubjectType.valueOf(subjectRef.substring(0, colon)), subjectRef.substring(colon + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new Sealing.SealedFieldTamperedException(where, subjectRef, e);
        }
        if (key.isEmpty()) {
            return JsonNodeFactory.instance.nullNode(); // erased
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(envelope.path("c").asText());
            return mapper.readTree(AesGcm.open(key.get(), aad(subjectRef, where), sealed));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new Sealing.SealedFieldTamperedException(where, subjectRef, e);
        }
    }

    private static byte[] aad(String subjectRef, String where) {
        return (subjectRef + "|" + where).getBytes(StandardCharsets.UTF_8);
    }
}
