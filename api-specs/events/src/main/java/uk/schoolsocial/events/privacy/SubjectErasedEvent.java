package uk.schoolsocial.events.privacy;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * AUD-4 (UK GDPR Art. 17): the school erased a data subject's personal data from this service. The
 * subject's key, and the keys of the records about them that no hold keeps ({@code erasedRecords}),
 * were destroyed in this event's transaction, and the service's read models were cleared of them:
 * from then on every API, export and rebuild shows their personal fields as erased. The event itself
 * carries ids and the ground only, never what was erased.
 *
 * @param erasureId     this erasure
 * @param subjectType   a person ({@code PUPIL}, {@code PARENT}, {@code STAFF}) or a record
 * @param subjectId     the subject's id in the school (the MIS id of a person, the id of a record)
 * @param ground        the legal ground
 * @param erasedRecords the records about the subject whose keys went with it, as {@code TYPE:id}
 * @param erasedBy      who decided (SLT), or {@code system} for the retention schedule
 * @param erasedAt      when
 */
@Revision("1")
public record SubjectErasedEvent(String erasureId, String schoolId, SubjectType subjectType, String subjectId,
                                 ErasureGround ground,
                                 @NotPersonalData("record ids and types (TYPE:id) whose keys were destroyed; they name nobody")
                                 List<String> erasedRecords,
                                 String erasedBy, Instant erasedAt) {

    public SubjectErasedEvent {
        erasedRecords = erasedRecords == null ? List.of() : List.copyOf(erasedRecords);
    }
}
