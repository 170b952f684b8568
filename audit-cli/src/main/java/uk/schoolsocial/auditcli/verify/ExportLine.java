package uk.schoolsocial.auditcli.verify;

import static uk.schoolsocial.auditcli.verify.ExportJson.base64;
import static uk.schoolsocial.auditcli.verify.ExportJson.requiredHash;
import static uk.schoolsocial.auditcli.verify.ExportJson.requiredLong;
import static uk.schoolsocial.auditcli.verify.ExportJson.requiredText;

import uk.schoolsocial.auditcli.verify.ExportJson.Malformed;
import uk.schoolsocial.events.AuditChain;

/**
 * One line of an export (platform's {@code AuditExport}): a chain position with its hashes and,
 * when whole, the event's stored fields ({@code payload} and {@code metaData} base64); when
 * redacted, the hashes only ({@code missing} when the event's row is gone).
 */
record ExportLine(Long seq, Long globalIndex, String entryHash, String chainHash, String eventId,
                  String aggregateType, String aggregateId, Long sequenceNumber, String payloadType,
                  String payloadRevision, String timestamp, String payload, String metaData, Boolean redacted,
                  Boolean missing) {

    boolean isRedacted() {
        return Boolean.TRUE.equals(redacted);
    }

    boolean isMissing() {
        return Boolean.TRUE.equals(missing);
    }

    long position() throws Malformed {
        return requiredLong(seq, "seq");
    }

    long at() throws Malformed {
        return requiredLong(globalIndex, "globalIndex");
    }

    byte[] entry() throws Malformed {
        return requiredHash(entryHash, "entryHash");
    }

    byte[] chain() throws Malformed {
        return requiredHash(chainHash, "chainHash");
    }

    /** The event's row as stored, exactly what its entry hash was computed over. */
    AuditChain.StoredEvent stored() throws Malformed {
        return new AuditChain.StoredEvent(at(), requiredText(eventId, "eventId"), aggregateType, aggregateId,
                requiredLong(sequenceNumber, "sequenceNumber"), requiredText(payloadType, "payloadType"),
                payloadRevision, requiredText(timestamp, "timestamp"), base64(payload, "payload"),
                base64(metaData, "metaData"));
    }
}
