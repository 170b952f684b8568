package uk.schoolsocial.auditcli.verify;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Base64;
import uk.schoolsocial.events.AuditChain;

/**
 * The JSON of the audit files (export lines, manifest, checkpoints, key.json) read into records.
 * {@link #STRICT} takes every field as the suite writes it: a number where a number belongs, text
 * where text belongs, nothing coerced ({@code "5"} is no seq, {@code 5} no event id), fields it
 * does not know ignored. {@link #LENIENT} reads what the tool only shows or passes on.
 */
final class ExportJson {

    static final ObjectMapper STRICT = strict();
    static final ObjectMapper LENIENT = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectReader LINES = STRICT.readerFor(ExportLine.class);
    /** What the tool writes (cp.json, key.json): indented. */
    static final ObjectMapper WRITER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ExportJson() {
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
                CoercionInputShape.EmptyString}) {
            mapper.coercionConfigDefaults().setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** One line as a JSON object. */
    static JsonNode tree(byte[] bytes) throws Malformed {
        if (bytes.length == 0) {
            throw new Malformed("it is blank");
        }
        try {
            JsonNode node = STRICT.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Malformed("it is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Malformed("it is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Malformed(e.getMessage());
        }
    }

    /** One line of an export, taken strictly. */
    static ExportLine line(byte[] bytes) throws Malformed {
        if (bytes.length == 0) {
            throw new Malformed("it is blank");
        }
        try {
            ExportLine line = LINES.readValue(bytes);
            if (line == null) {
                throw new Malformed("it is not a JSON object");
            }
            return line;
        } catch (JsonParseException e) {
            throw new Malformed("it is not JSON (" + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new Malformed(e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed(e.getMessage());
        }
    }

    /** {@code node} as a {@code type} record, taken strictly. */
    static <T> T read(JsonNode node, Class<T> type) throws Malformed {
        try {
            return STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new Malformed(e.getOriginalMessage());
        }
    }

    static long requiredLong(Long value, String field) throws Malformed {
        if (value == null) {
            throw new Malformed("no whole-number field '" + field + "'");
        }
        return value;
    }

    static String requiredText(String value, String field) throws Malformed {
        if (value == null) {
            throw new Malformed("no text field '" + field + "'");
        }
        return value;
    }

    /** A hash as 64 lowercase hex digits, or null when absent. */
    static byte[] hash(String hex, String field) throws Malformed {
        if (hex == null) {
            return null;
        }
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new Malformed("'" + field + "' is not 64 hex digits");
        }
        return AuditChain.unhex(hex);
    }

    static byte[] requiredHash(String hex, String field) throws Malformed {
        return hash(requiredText(hex, field), field);
    }

    static byte[] base64(String text, String field) throws Malformed {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed("'" + field + "' is not base64");
        }
    }

    /** A line or manifest field that is not what an export holds. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
