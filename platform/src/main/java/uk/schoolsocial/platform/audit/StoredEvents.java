package uk.schoolsocial.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import uk.schoolsocial.events.AuditChain;

/** Reads rows of the event table, selected as {@link EventChainWriter#STORED_COLUMNS}, exactly as stored. */
final class StoredEvents {

    private StoredEvents() {
    }

    static AuditChain.StoredEvent read(ResultSet row) throws SQLException {
        return read(row, 1);
    }

    /** The ten stored columns starting at column {@code first}. */
    static AuditChain.StoredEvent read(ResultSet row, int first) throws SQLException {
        return new AuditChain.StoredEvent(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), row.getLong(first + 4), row.getString(first + 5), row.getString(first + 6),
                row.getString(first + 7), row.getBytes(first + 8), row.getBytes(first + 9));
    }

    /** {@code uk.schoolsocial.events.account.ApplicationSubmittedEvent} → {@code ApplicationSubmittedEvent}. */
    static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }
}
