package uk.schoolsocial.gateway.federation;

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
 * The cursor of a merged read (the audit history, the change feed): for each service, how far its
 * entries were read. A service's own cursor is opaque to the gateway and only ever marks the end of
 * a page the service gave, but a merged page usually takes part of a service's page; so a position
 * is the service cursor the gateway last asked from plus how many of the entries after it were
 * taken. A service's entries after its cursor only ever grow at their end (the audit chain, the
 * one-segment {@code ChangeLog}), so that count is stable however many are added, and nothing is
 * skipped or repeated. The cursor is bound to what it was made for (the school, the filters), by
 * a hash each read computes from its own terms ({@link #binding(String)}).
 *
 * <p>As text: base64url (no padding) of {@code {"v":1,"f":BINDING,"p":{"account":{"c":CURSOR,"k":TAKEN}}}}.
 */
public final class FederatedCursor {

    /** The contracts' maximum length of a merged cursor (audit.yaml {@code AuditCursor}, webhooks.yaml). */
    public static final int MAX_LENGTH = 1024;

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String binding;
    private final Map<String, Position> positions;

    private FederatedCursor(String binding, Map<String, Position> positions) {
        this.binding = binding;
        this.positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /** The start of every service's entries, bound to {@code binding}. */
    public static FederatedCursor start(String binding) {
        return new FederatedCursor(binding, Map.of());
    }

    /** Where a service's entries were read up to; the start of them if never. */
    Position position(String service) {
        return positions.getOrDefault(service, Position.START);
    }

    /** This cursor with the services' positions moved. */
    FederatedCursor advanced(Map<String, Position> moved) {
        Map<String, Position> all = new TreeMap<>(positions);
        all.putAll(moved);
        return new FederatedCursor(binding, all);
    }

    /** What the cursor was made for, as {@link #binding(String)} gave it. */
    public String binding() {
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
     * @param maxTaken the most entries a position may have taken after its service cursor (a service's
     *                 largest page)
     * @param notOurs  what to say of text that is no cursor of this read, after the word "cursor"
     * @param bound    the binding it must have, checked before its positions are read; null where the
     *                 caller checks the binding itself
     * @throws InvalidCursorException if it is not such a cursor
     */
    public static FederatedCursor decode(String text, Set<String> services, int maxTaken, String notOurs,
                                         @Nullable Bound bound) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidCursorException("is longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Base64.getUrlDecoder().decode(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCursorException(notOurs);
        }
        if (root == null || !root.isObject() || root.path("v").asInt() != VERSION || !root.path("f").isTextual()
                || !root.path("p").isObject()) {
            throw new InvalidCursorException(notOurs);
        }
        if (bound != null && !root.path("f").asText().equals(bound.binding())) {
            throw new InvalidCursorException(bound.otherwise());
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
                    || taken.asInt(0) < 0 || taken.asInt(0) > maxTaken) {
                throw new InvalidCursorException(notOurs);
            }
            positions.put(entry.getKey(), new Position(cursor.isTextual() ? cursor.asText() : null, taken.asInt(0)));
        }
        return new FederatedCursor(root.path("f").asText(), positions);
    }

    /**
     * The binding of a cursor made for {@code terms} (the school, the filters, each read's own): a
     * count of entries taken means nothing for other terms, so such a cursor is refused, not misread.
     */
    public static String binding(String terms) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(terms.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The binding a cursor must have, and what to say of one that has another, after the word "cursor".
     */
    public record Bound(String binding, String otherwise) {
    }

    /**
     * How far one service's entries were read.
     *
     * @param cursor the service's own cursor the reading started from; null for its first entry
     * @param taken  how many of the entries after it were taken
     */
    record Position(@Nullable String cursor, int taken) {
        static final Position START = new Position(null, 0);
    }

    /** The cursor cannot be used; the message says why, after the word "cursor". */
    public static final class InvalidCursorException extends RuntimeException {
        public InvalidCursorException(String message) {
            super(message);
        }
    }
}
