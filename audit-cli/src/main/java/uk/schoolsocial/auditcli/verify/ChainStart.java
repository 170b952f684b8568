package uk.schoolsocial.auditcli.verify;

import uk.schoolsocial.auditcli.UsageException;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Break;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Problem;
import uk.schoolsocial.auditcli.verify.OfflineVerifier.Start;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.events.ChainWalk;

/**
 * Where the chain of an export file starts: the empty chain for a file from seq 1, the kept
 * checkpoint's hash for a file that continues it, otherwise the manifest's (unsigned)
 * {@code previousChainHash}; and the kept checkpoint, signed by the pinned key, to meet on the way.
 */
final class ChainStart {

    /** The walk to take and from where, or why there is none ({@code keptFailed}: the kept checkpoint does not hold). */
    record Anchor(ChainWalk walk, Start start, Break why, boolean keptFailed) {
    }

    private ChainStart() {
    }

    /**
     * @throws UsageException when the kept checkpoint is of another service, or neither right before the
     *                        file nor inside it
     */
    static Anchor of(ExportManifest manifest, KeptCheckpoint kept, byte[] publicKey) {
        String service = manifest.service();
        long fromSeq = manifest.fromSeq();
        long toSeq = manifest.toSeq();
        byte[] previous = manifest.previous();
        if (kept != null) {
            if (!kept.service().equals(service)) {
                throw new UsageException("The kept checkpoint is of service '" + kept.service()
                        + "', the file of '" + service + "'.");
            }
            if (kept.size() != fromSeq - 1 && (kept.size() < fromSeq || kept.size() > toSeq)) {
                throw new UsageException("The kept checkpoint (size " + kept.size() + ") is neither right before"
                        + " the file (seq " + fromSeq + " to " + toSeq + ") nor inside it: download from seq "
                        + (kept.size() + 1) + ", or a range that contains seq " + kept.size() + ".");
            }
            if (!kept.signedBy(publicKey)) {
                return broken(new Break(Problem.CHECKPOINT_SIGNATURE_INVALID, kept.size(), null, kept.globalIndex(),
                        null, "The kept checkpoint cannot be trusted: " + kept.whyNotSignedBy(publicKey) + "."), true);
            }
        }
        if (fromSeq == 1 && (previous == null || !AuditChain.same(previous, AuditChain.GENESIS))) {
            return broken(new Break(Problem.START_MISMATCH, 1L, null, null, null, "The file starts at seq 1, so the"
                    + " chain before it must be the empty chain (32 zero bytes), but the manifest says "
                    + (previous == null ? "nothing" : AuditChain.hex(previous)) + "."), false);
        }
        byte[] chain;
        Start start;
        if (kept != null && kept.size() == fromSeq - 1) {
            chain = AuditChain.unhex(kept.chainHash());
            if (previous == null || !AuditChain.same(previous, chain)) {
                return broken(new Break(Problem.NOT_CONTINUING, fromSeq, null, null, null, "The file does not"
                        + " continue the kept checkpoint: it says the chain before seq " + fromSeq + " was "
                        + (previous == null ? "nothing" : AuditChain.hex(previous)) + ", the kept checkpoint of"
                        + " size " + kept.size() + " says " + kept.chainHash() + ". Something before seq "
                        + fromSeq + " was rewritten since the checkpoint was kept, or the file is of another log."),
                        true);
            }
            start = Start.KEPT_CHECKPOINT;
        } else if (fromSeq == 1) {
            chain = AuditChain.GENESIS;
            start = Start.GENESIS;
        } else if (previous == null) {
            return broken(new Break(Problem.MALFORMED, fromSeq, null, null, null, "The manifest has no"
                    + " previousChainHash for a range that starts at seq " + fromSeq + ": the service's chain does"
                    + " not reach seq " + (fromSeq - 1) + "."), false);
        } else {
            chain = previous;
            start = Start.MANIFEST;
        }
        ChainWalk walk = new ChainWalk(chain, fromSeq - 1);
        return new Anchor(kept == null ? walk : walk.against(kept.size(), kept.globalIndex(), kept.chainHash()), start,
                null, false);
    }

    private static Anchor broken(Break why, boolean keptFailed) {
        return new Anchor(null, null, why, keptFailed);
    }
}
