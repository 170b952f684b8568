package uk.schoolsocial.events;

/**
 * One walk along a service's chain (AUD-3), position by position: the one both verifiers use, the
 * service's on its stored rows ({@code platform/audit/ChainVerifier}) and the auditor's on the lines
 * of an export ({@code audit-cli}'s {@code OfflineVerifier}). For each position it recomputes the
 * entry hash from the stored fields when they are at hand ({@link #rewritten}), links the chained
 * entry hash to the chain so far, compares the result with the chain hash stated for that position
 * and, at the size of a trusted checkpoint, with the checkpoint. What a break means, and what else
 * must hold (row order, deleted rows, the manifest), each verifier says in its own words.
 */
public final class ChainWalk {

    /** What one {@link #append} found. */
    public enum Step {
        /** Linked, and the stated chain hash is the computed one. */
        LINKED,
        /** Linked at the trusted checkpoint's size, and the chain there is the checkpoint's. */
        CHECKPOINT_MATCHED,
        /** The stated chain hash is not SHA-256(chain so far || entry hash); the walk stays where it was. */
        CHAIN_MISMATCH,
        /** Linked at the trusted checkpoint's size, but the chain or global index there is not the checkpoint's. */
        CHECKPOINT_MISMATCH
    }

    private byte[] chain;
    private long size;
    private long globalIndex = -1;
    private long checkpointSize = -1;
    private long checkpointGlobalIndex;
    private byte[] checkpointChain;
    private byte[] computed;

    /** A walk from the chain hash {@code start} of the first {@code startSize} positions (genesis and 0 for the whole chain). */
    public ChainWalk(byte[] start, long startSize) {
        this.chain = start.clone();
        this.size = startSize;
    }

    /** Also compare the chain at {@code size} with a trusted checkpoint's global index and chain hash (hex). */
    public ChainWalk against(long size, long globalIndex, String chainHashHex) {
        this.checkpointSize = size;
        this.checkpointGlobalIndex = globalIndex;
        this.checkpointChain = AuditChain.unhex(chainHashHex);
        return this;
    }

    /**
     * The entry hash of {@code stored} recomputed, when it is not {@code chained}: the event's stored
     * fields were changed after it was chained. Null when they still hash to what was chained.
     */
    public static byte[] rewritten(byte[] chained, AuditChain.StoredEvent stored) {
        byte[] recomputed = AuditChain.entryHash(stored);
        return AuditChain.same(recomputed, chained) ? null : recomputed;
    }

    /**
     * Appends the position {@code seq} (the next one), chained with {@code entryHash}, stored at
     * {@code globalIndex}, whose chain hash is stated as {@code statedChainHash}.
     */
    public Step append(long seq, long globalIndex, byte[] entryHash, byte[] statedChainHash) {
        byte[] next = AuditChain.link(chain, entryHash);
        computed = next;
        if (!AuditChain.same(next, statedChainHash)) {
            return Step.CHAIN_MISMATCH;
        }
        chain = next;
        size = seq;
        this.globalIndex = globalIndex;
        if (seq != checkpointSize) {
            return Step.LINKED;
        }
        return AuditChain.same(next, checkpointChain) && globalIndex == checkpointGlobalIndex
                ? Step.CHECKPOINT_MATCHED : Step.CHECKPOINT_MISMATCH;
    }

    /** The chain hash of the positions walked so far. */
    public byte[] chain() {
        return chain.clone();
    }

    /** The chain hash the last {@link #append} computed, also when it broke. */
    public byte[] computed() {
        return computed == null ? null : computed.clone();
    }

    /** The last position walked (the start size before the first). */
    public long size() {
        return size;
    }

    /** The global index of the last position walked; -1 before the first. */
    public long globalIndex() {
        return globalIndex;
    }
}
