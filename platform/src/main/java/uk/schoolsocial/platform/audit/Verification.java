package uk.schoolsocial.platform.audit;

/**
 * The answer of a verification (AUD-3): whether the log is complete and unaltered, how far it was
 * checked, and otherwise the first thing that breaks it.
 *
 * @param intact            every check passed
 * @param checkedEvents     chain positions recomputed
 * @param chainHash         the recomputed hash of the whole chain, when intact
 * @param checkpointMatched whether the given checkpoint is a prefix of the log (null without one)
 * @param firstBreak        what breaks it, when not intact
 * @param checkpoint        a fresh signed checkpoint of the head, when intact
 * @param resealedEvents    events whose stored bytes differ from what was chained because the service
 *                          sealed their personal fields later, each named by a signed reseal
 *                          attestation further on in the chain (decision 9, point 3)
 */
public record Verification(String service, boolean intact, long checkedEvents, String chainHash,
                           Boolean checkpointMatched, Break firstBreak, Checkpoint checkpoint, long resealedEvents) {

    /** What kind of damage, where. */
    public enum Problem {
        /** The checkpoint's signature is not the service's key. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** The log is shorter than the checkpoint: events at its end are gone. */
        TRUNCATED,
        /** The recomputed chain at the checkpoint's size is not the checkpoint's hash. */
        CHECKPOINT_MISMATCH,
        /** A stored event's bytes differ from what was chained. */
        ALTERED,
        /** A chained event's row is gone. */
        DELETED,
        /** A different event sits at a chained global index: rows were moved. */
        REORDERED,
        /** A position of the chain itself is missing. */
        CHAIN_ENTRY_MISSING,
        /** The stored chain hash is not the hash of its predecessor and entry: the chain table was edited. */
        CHAIN_ALTERED,
        /** An event row that was never chained: written around the append path. */
        UNCHAINED,
        /** The head does not point at the end of the chain. */
        HEAD_MISMATCH
    }

    /** The first break: where and what. */
    public record Break(Problem problem, Long seq, Long globalIndex, String eventId, String detail) {
    }
}
