package uk.schoolsocial.auditcli.verify;

import static uk.schoolsocial.auditcli.verify.ExportJson.hash;
import static uk.schoolsocial.auditcli.verify.ExportJson.requiredLong;
import static uk.schoolsocial.auditcli.verify.ExportJson.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import uk.schoolsocial.auditcli.verify.ExportJson.Malformed;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Break;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Problem;
import uk.schoolsocial.events.AuditChain;

/**
 * The last line of an export, {@code {"manifest": ...}} (platform's {@code AuditExport}): what was
 * exported, the counts, the chain before and at the end of the range, the SHA-256 of the lines, a
 * signed checkpoint of the end and the manifest's own signature. The checkpoint and the signature
 * are kept as given and checked last, against the lines.
 */
record ExportManifest(String format, String service, String schoolId, Long fromSeq, Long toSeq, Long events,
                      Long redacted, String previousChainHash, String lastChainHash, String linesSha256,
                      JsonNode checkpoint, JsonNode signature) {

    static final String FORMAT = "school-social/audit-export/v1";

    /** What the lines before the manifest add up to. */
    record Lines(long checked, long whole, long redacted, byte[] chain, String linesSha256, long lastGlobalIndex) {
    }

    /** The signed end of the file, and the first disagreement with its lines (null: none). */
    record Outcome(KeptCheckpoint end, Break why) {
    }

    /** Every field an export's manifest must hold, in the form it must hold it. */
    ExportManifest validated() throws Malformed {
        String given = requiredText(format, "format");
        if (!FORMAT.equals(given)) {
            throw new Malformed("the manifest's format is '" + given + "', this tool reads " + FORMAT);
        }
        requiredText(service, "service");
        requiredLong(fromSeq, "fromSeq");
        requiredLong(toSeq, "toSeq");
        if (fromSeq < 1) {
            throw new Malformed("the manifest's fromSeq is " + fromSeq);
        }
        requiredLong(events, "events");
        requiredLong(redacted, "redacted");
        previous();
        hash(lastChainHash, "lastChainHash");
        if (!requiredText(linesSha256, "linesSha256").matches("[0-9a-f]{64}")) {
            throw new Malformed("the manifest's linesSha256 is not 64 hex digits");
        }
        return this;
    }

    /** The chain hash before the range, as the manifest states it (not signed), or null. */
    byte[] previous() throws Malformed {
        return hash(previousChainHash, "previousChainHash");
    }

    /** Checks the manifest against the lines and the pinned key. */
    Outcome check(Lines lines, byte[] publicKey) {
        long lastSeq = fromSeq + lines.checked() - 1;
        if (toSeq > lastSeq) {
            return broken(Problem.MISSING_LINE, lastSeq + 1, "The manifest says the range ends at seq " + toSeq
                    + " but the file's lines end at seq " + lastSeq + ": the lines after it were removed.");
        }
        if (toSeq < lastSeq) {
            return broken(Problem.MANIFEST_MISMATCH, toSeq + 1, "The manifest says the range ends at seq " + toSeq
                    + " but the file's lines go on to seq " + lastSeq + ": lines were added.");
        }
        if (events != lines.whole() || redacted != lines.redacted()) {
            return broken(Problem.MANIFEST_MISMATCH, null, "The manifest counts " + events + " whole and " + redacted
                    + " redacted lines, the file holds " + lines.whole() + " and " + lines.redacted() + ".");
        }
        byte[] last = hash(lastChainHash, "lastChainHash");
        String chain = AuditChain.hex(lines.chain());
        if (last == null || !AuditChain.same(last, lines.chain())) {
            return broken(Problem.MANIFEST_MISMATCH, lastSeq, "The manifest's lastChainHash is "
                    + (last == null ? "absent" : AuditChain.hex(last)) + ", the file's chain ends at " + chain + ".");
        }
        if (!lines.linesSha256().equals(linesSha256)) {
            return broken(Problem.MANIFEST_MISMATCH, null, "The SHA-256 of the lines is " + lines.linesSha256()
                    + ", the manifest says " + linesSha256 + ": the lines are not byte for byte those the service"
                    + " exported.");
        }
        if (checkpoint == null || checkpoint.isNull()) {
            return broken(Problem.NO_CHECKPOINT, lastSeq,
                    "The manifest holds no signed checkpoint, so nothing in the file is proved.");
        }
        KeptCheckpoint end;
        try {
            end = KeptCheckpoint.from(checkpoint);
        } catch (IllegalArgumentException e) {
            return broken(Problem.MALFORMED, lastSeq, "The manifest's checkpoint is malformed: " + e.getMessage() + ".");
        }
        if (!end.service().equals(service) || end.size() != lastSeq || !end.chainHash().equals(chain)
                || (lines.checked() > 0 && end.globalIndex() != lines.lastGlobalIndex())) {
            return new Outcome(end, new Break(Problem.MANIFEST_MISMATCH, lastSeq, null, null, null,
                    "The manifest's checkpoint is of " + end.service() + " at size " + end.size() + " (global index "
                    + end.globalIndex() + ", chain " + end.chainHash() + "), the file's chain is of " + service
                    + " at size " + lastSeq + " (global index " + lines.lastGlobalIndex() + ", chain " + chain + ")."));
        }
        if (!end.signedBy(publicKey)) {
            return new Outcome(end, new Break(Problem.SIGNATURE_INVALID, end.size(), null, end.globalIndex(), null,
                    "The manifest's checkpoint cannot be trusted: " + end.whyNotSignedBy(publicKey) + "."));
        }
        byte[] message = AuditChain.exportMessage(service, schoolId, fromSeq, toSeq, lines.whole(), lines.redacted(),
                lines.linesSha256(), chain);
        boolean signed;
        try {
            signed = signature != null && signature.isTextual() && AuditChain.verifySignature(publicKey, message,
                    Base64.getDecoder().decode(signature.asText()));
        } catch (IllegalArgumentException e) {
            signed = false;
        }
        if (!signed) {
            return new Outcome(end, new Break(Problem.SIGNATURE_INVALID, lastSeq, null, null, null, "The manifest's"
                    + " own signature is " + (signature == null ? "missing" : "not valid") + " for the pinned key:"
                    + " its counts of whole and redacted lines, or its school, were changed, or it was not written"
                    + " by the suite."));
        }
        return new Outcome(end, null);
    }

    private static Outcome broken(Problem problem, Long seq, String detail) {
        return new Outcome(null, new Break(problem, seq, null, null, null, detail));
    }
}
