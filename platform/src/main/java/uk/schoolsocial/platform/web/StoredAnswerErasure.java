package uk.schoolsocial.platform.web;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * How {@link IdempotencyStore#forgetAnswersMentioning} finds and clears the stored answers that
 * mention an erased subject (AUD-4). Apart from the store because it runs in the erasure's
 * transaction and matches the answers' bodies, where everything else in the store is a short
 * statement about one key.
 */
final class StoredAnswerErasure {

    private StoredAnswerErasure() {
    }

    /** See {@link IdempotencyStore#forgetAnswersMentioning}. */
    static int forget(Connection transaction, String school, String id) throws SQLException {
        String pattern = "%" + likeEscaped(quoted(id)) + "%";
        int changed = 0;
        try (PreparedStatement forget = transaction.prepareStatement("DELETE FROM idempotency_record"
                + " WHERE school_id = ? AND committed_at IS NULL AND response_status IS NOT NULL AND response_body LIKE ?");
             PreparedStatement drop = transaction.prepareStatement("UPDATE idempotency_record SET response_status = NULL,"
                     + " response_type = NULL, response_body = NULL, response_location = NULL, response_etag = NULL,"
                     + " lease_until = LEAST(lease_until, NOW(6))"
                     + " WHERE school_id = ? AND committed_at IS NOT NULL AND response_body LIKE ?")) {
            for (PreparedStatement statement : List.of(forget, drop)) {
                statement.setString(1, school);
                statement.setBytes(2, pattern.getBytes(StandardCharsets.UTF_8));
                changed += statement.executeUpdate();
            }
        }
        return changed;
    }

    /** The id as a JSON string, as an answer's body holds it. */
    private static String quoted(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Matched literally by LIKE, whose escape character is MariaDB's default backslash. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
