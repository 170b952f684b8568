package uk.schoolsocial.auditcli.verify;

import uk.schoolsocial.auditcli.verify.OfflineVerifier.Break;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Result;

/** The human report of an offline verification. */
public final class VerifyReport {

    private VerifyReport() {
    }

    public static String render(Result result, String pinnedKeyId) {
        StringBuilder out = new StringBuilder();
        out.append("Offline verification of ").append(result.file()).append('\n');
        long positions = result.service() == null ? 0 : Math.max(0, result.toSeq() - result.fromSeq() + 1);
        if (result.service() != null) {
            row(out, "service", result.service() + (result.schoolId() == null ? "" : " (exported for school "
                    + result.schoolId() + ")"));
            row(out, "range", "seq " + result.fromSeq() + " to " + result.toSeq() + " (" + positions + " position"
                    + (positions == 1 ? "" : "s") + ")");
        }
        row(out, "events checked", result.checked() + " of " + positions + ": " + result.whole()
                + " whole (entry hash recomputed), " + result.redacted()
                + " redacted (entry hash taken as given, chained and signed)");
        if (result.resealed() > 0) {
            row(out, "resealed", result.resealed() + " whole line" + (result.resealed() == 1 ? "" : "s")
                    + " rewritten by the service to seal personal data stored in plaintext, each named by a reseal"
                    + " attestation later in the file signed by the pinned key (the chain keeps the original hashes)");
        }
        if (result.start() != null) {
            row(out, "chain from", switch (result.start()) {
                case GENESIS -> "the empty chain (32 zero bytes): the file starts at seq 1";
                case KEPT_CHECKPOINT -> "the kept checkpoint of size " + result.kept().size()
                        + ": the file starts right after it";
                case MANIFEST -> "the manifest's previousChainHash for seq " + (result.fromSeq() - 1)
                        + " (not signed: the signed checkpoint at the end vouches for the range only)";
            });
        }
        row(out, "pinned key", pinnedKeyId);
        if (result.end() != null) {
            row(out, "signed end", "checkpoint of size " + result.end().size() + ", chain " + result.end().chainHash()
                    + ", issued " + result.end().issuedAt() + " with key " + result.end().keyId()
                    + (result.intact() ? ": signature valid" : ""));
        }
        if (result.kept() != null) {
            row(out, "kept checkpoint", "size " + result.kept().size() + " (issued " + result.kept().issuedAt() + "): "
                    + switch (result.keptOutcome()) {
                        case CONTINUED -> "the file continues it";
                        case MATCHED -> "the chain at seq " + result.kept().size() + " matches it";
                        case FAILED -> "does NOT hold";
                        case NOT_REACHED -> "not reached (the file breaks first)";
                        case NOT_GIVEN -> "not given";
                    });
        }
        Break first = result.firstBreak();
        if (first == null) {
            row(out, "result", "OK: every line hashes into the chain and the chain ends at the checkpoint the"
                    + " pinned key signed");
        } else {
            StringBuilder where = new StringBuilder(first.problem().name());
            if (first.seq() != null) {
                where.append(" at seq ").append(first.seq());
            }
            StringBuilder also = new StringBuilder();
            if (first.line() != null) {
                also.append("line ").append(first.line());
            }
            if (first.globalIndex() != null) {
                also.append(also.isEmpty() ? "" : ", ").append("global index ").append(first.globalIndex());
            }
            if (first.eventId() != null) {
                also.append(also.isEmpty() ? "" : ", ").append("event ").append(first.eventId());
            }
            if (!also.isEmpty()) {
                where.append(" (").append(also).append(')');
            }
            row(out, "first break", where.toString());
            row(out, "", first.detail());
            row(out, "result", "FAILED");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("  %-16s %s%n", label, value));
    }
}
