package uk.schoolsocial.platform.web;

import java.util.List;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * A record's ETag is its aggregate version (the sequence number of its last event), so an
 * {@code If-Match} becomes the expected version of the command ({@code @TargetAggregateVersion}).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header asks for, or null when the client sent none. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "If-Match must be an ETag this service issued",
                    List.of(new FieldError("If-Match", "not an ETag of this service: " + ifMatch)));
        }
    }
}
