package uk.schoolsocial.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * An opaque keyset cursor: the sort key (a time and an id as tie-breaker) of the last item of a
 * page. Stable while records are added, unlike an offset.
 */
public record Cursor(Instant at, String id) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public String encode() {
        String raw = at.toEpochMilli() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent, or null for the first page; a forged or damaged one is a 400. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0])).with(java.time.temporal.ChronoField.NANO_OF_SECOND,
                    Long.parseLong(parts[1]));
            return new Cursor(at, parts[2]);
        } catch (RuntimeException e) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The cursor is not one this service issued",
                    List.of(new FieldError("cursor", "not a cursor of this service")));
        }
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }
}
