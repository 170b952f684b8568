package uk.schoolsocial.gateway.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cursor of the merged change feed (issue 12): for each service, the service's own cursor the
 * gateway last asked from and how many of the changes after it were taken (as the audit history's
 * {@code SuiteCursor}). A service's feed only grows at its end ({@code ChangeLog}: one segment, so
 * entries are numbered in the order they commit), so that count is stable however many changes are
 * added, and nothing is skipped or repeated. Bound to the school it was made for.
 *
 * <p>As text: base64url (no padding) of {@code {"v":1,"f":BINDING,"p":{"account":{"c":CURSOR,"k":TAKEN}}}}.
 */
final class ChangesCursor {

    /** The contract's maximum length of the merged cursor (webhooks.yaml, {@code listSuiteChanges}). */
    static final int MAX_LENGTH = 1024;

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String binding;
    private final Map<String, Position> positions;

    private ChangesCursor(String binding, Map<String, Position> positions) {
        this.binding = binding;
        this.positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /** The start of every service's feed, for the school. */
    static ChangesCursor start(String school) {
        return new ChangesCursor(binding(school), Map.of());
    }

    Position position(String service) {
        return positions.getOrDefault(service, Position.START);
    }

    ChangesCursor advanced(Map<String, Position> moved) {
        Map<String, Position> all = new TreeMap<>(positions);
        all.putAll(moved);
        return new ChangesCursor(binding, all);
    }

    String encode() {
        ObjectNode root = JSON.createObjectNode().put("v", VERSION).put("f", binding);
        ObjectNode byService = root.putObject("p");
        positions.forEach((service, position) -> {
            ObjectNode node = byService.putObject(service);
            if (position.cursor() != null) {
                node.put("c", position.cursor());
            }
            if (position.taken() > 0) {
                node.put("k", position.taken());
            }
        });
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a cursor", e);
        }
    }

    /**
     * @param text     a cursor this gateway gave
     * @param school   the caller's school, which it must have been made for
     * @param services the services it may hold positions of
     * @throws InvalidCursorException if it is not such a cursor
     */
    static ChangesCursor decode(String text, String school, Set<String> services) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidCursorException("is longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Base64.getUrlDecoder().decode(text));
        } catch (IOException | IllegalArgumentException e) {
            throw notOurs();
        }
        if (root == null || !root.isObject() || root.path("v").asInt() != VERSION || !root.path("f").isTextual()
                || !root.path("p").isObject()) {
            throw notOurs();
        }
        if (!root.path("f").asText().equals(binding(school))) {
            throw new InvalidCursorException("was given to another school; read from the start without it");
        }
        Map<String, Position> positions = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("p").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            JsonNode cursor = node.path("c");
            JsonNode taken = node.path("k");
            if (!services.contains(entry.getKey()) || !node.isObject()
                    || !(cursor.isMissingNode() || cursor.isTextual())
                    || !(taken.isMissingNode() || taken.canConvertToInt() && taken.isIntegralNumber())
                    || taken.asInt(0) < 0 || taken.asInt(0) > ChangeFederation.SERVICE_MAX_LIMIT) {
                throw notOurs();
            }
            positions.put(entry.getKey(), new Position(cursor.isTextual() ? cursor.asText() : null, taken.asInt(0)));
        }
        return new ChangesCursor(root.path("f").asText(), positions);
    }

    private static String binding(String school) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("changes\n" + school)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidCursorException notOurs() {
        return new InvalidCursorException("is not a cursor of this feed; pass a cursor as it was given");
    }

    /**
     * How far one service's feed was read.
     *
     * @param cursor the service's own cursor the reading started from; null for its first change
     * @param taken  how many of the changes after it were taken
     */
    record Position(@Nullable String cursor, int taken) {
        static final Position START = new Position(null, 0);
    }

    /** The cursor cannot be used; the message says why, after the word "cursor". */
    static final class InvalidCursorException extends RuntimeException {
        InvalidCursorException(String message) {
            super(message);
        }
    }
}
