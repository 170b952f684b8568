package uk.schoolsocial.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cursor of the merged history: for each service, how far its events were read. A service's
 * own cursor is opaque to the gateway and only ever marks the end of a page the service gave, but
 * a merged page usually takes part of a service's page; so a position is the service cursor the
 * gateway last asked from plus how many of the events after it were taken. The events after a
 * service cursor, for one school and one set of filters, are a prefix of the chain that never
 * changes (the chain only grows at its end), so that count is stable however many events are
 * added, and the cursor is bound to the school and filters it was made for.
 *
 * <p>As text: base64url (no padding) of {@code {"v":1,"f":BINDING,"p":{"account":{"c":CURSOR,"k":TAKEN}}}}.
 */
final class SuiteCursor {

    /** The spec's maximum length of a cursor (audit.yaml, {@code AuditCursor}). */
    static final int MAX_LENGTH = 1024;

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String binding;
    private final Map<String, Position> positions;

    private SuiteCursor(String binding, Map<String, Position> positions) {
        this.binding = binding;
        this.positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /** The start of every service's trail. */
    static SuiteCursor start(String binding) {
        return new SuiteCursor(binding, Map.of());
    }

    /** Where a service's events were read up to; the start of its trail if never. */
    Position position(String service) {
        return positions.getOrDefault(service, Position.START);
    }

    /** This cursor with the services' positions moved. */
    SuiteCursor advanced(Map<String, Position> moved) {
        Map<String, Position> all = new TreeMap<>(positions);
        all.putAll(moved);
        return new SuiteCursor(binding, all);
    }

    String binding() {
        return binding;
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
     * @param services the names of the services it may hold positions of
     * @throws InvalidCursorException if it is not such a cursor
     */
    static SuiteCursor decode(String text, Set<String> services) {
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
        Map<String, Position> positions = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("p").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            JsonNode cursor = node.path("c");
            JsonNode taken = node.path("k");
            if (!services.contains(entry.getKey()) || !node.isObject()
                    || !(cursor.isMissingNode() || cursor.isTextual())
                    || !(taken.isMissingNode() || taken.canConvertToInt() && taken.isIntegralNumber())
                    || taken.asInt(0) < 0 || taken.asInt(0) > AuditFederation.SERVICE_MAX_LIMIT) {
                throw notOurs();
            }
            positions.put(entry.getKey(), new Position(cursor.isTextual() ? cursor.asText() : null, taken.asInt(0)));
        }
        return new SuiteCursor(root.path("f").asText(), positions);
    }

    /**
     * What a cursor is bound to: the caller's school and the filters. A count of events taken means
     * nothing for another school or other filters, so such a cursor is refused, not misread.
     */
    static String binding(String school, @Nullable String aggregateId, @Nullable String type,
                          @Nullable Instant from, @Nullable Instant to) {
        String canonical = String.join("\n", school, String.valueOf(aggregateId), String.valueOf(type),
                String.valueOf(from), String.valueOf(to));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidCursorException notOurs() {
        return new InvalidCursorException("is not a cursor of this history; pass a nextCursor as it was given");
    }

    /**
     * How far one service's trail was read.
     *
     * @param cursor the service's own cursor the reading started from; null for its first event
     * @param taken  how many of the events after it were taken
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
