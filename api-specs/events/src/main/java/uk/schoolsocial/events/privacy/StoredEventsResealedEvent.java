package uk.schoolsocial.events.privacy;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.AuditChain;

/**
 * AUD-3 and AUD-4 (decision 9, point 3): the service rewrote events it had stored in plaintext
 * before personal data was sealed, sealing their personal fields, and attests each rewrite in the
 * chain itself. It names every rewritten event with the entry hash it was chained with and the
 * entry hash of its bytes as stored since, and is signed with the service's audit key
 * ({@link AuditChain#resealMessage}). A verifier accepts a stored event that differs from its
 * chained hash only when a later attestation with a valid signature names exactly that change;
 * any other difference is tampering. The event carries ids and hashes only.
 *
 * @param attestationId this attestation
 * @param service       the service whose store was rewritten
 * @param rewrites      the events rewritten, in global index order
 * @param resealedAt    when
 * @param keyId         the audit key that signed it
 * @param signature     Ed25519 over {@link AuditChain#resealMessage}, base64
 */
@Revision("1")
public record StoredEventsResealedEvent(String attestationId,
                                        @NotPersonalData("the name of a service") String service,
                                        List<Rewrite> rewrites, Instant resealedAt,
                                        @NotPersonalData("the id of the audit signing key") String keyId,
                                        @NotPersonalData("a signature over ids and hashes") String signature) {

    public StoredEventsResealedEvent {
        rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
    }

    /**
     * One rewritten event.
     *
     * @param globalIndex      where it is stored
     * @param eventId          its identifier
     * @param chainedEntryHash the entry hash it was chained with (hex)
     * @param storedEntryHash  the entry hash of its bytes as rewritten (hex)
     */
    public record Rewrite(long globalIndex, String eventId,
                          @NotPersonalData("a SHA-256 of the stored event") String chainedEntryHash,
                          @NotPersonalData("a SHA-256 of the stored event") String storedEntryHash) {
    }
}
