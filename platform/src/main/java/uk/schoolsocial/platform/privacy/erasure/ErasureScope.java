package uk.schoolsocial.platform.privacy.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.schoolsocial.events.privacy.RetentionClass;

/**
 * What one service holds about a data subject, for erasure (AUD-4). Each service has one bean per
 * feature that keeps personal data; the platform asks all of them. The subject's own key is always
 * destroyed; a scope adds the records about the subject whose keys go with it (the incidents a pupil
 * is involved in), the holds that forbid the erasure, and clears its read models.
 */
public interface ErasureScope {

    /**
     * The records of this scope the law keeps although the subject asks for erasure: any hold
     * refuses the whole erasure (409, naming it). Read when the erasure is decided. None by default.
     */
    default List<ErasureHold> holds(ErasureSubject subject, LocalDate today) {
        return List.of();
    }

    /**
     * Records about the subject whose free text is sealed under their own key and must go with the
     * subject (none held, since {@link #holds} refused otherwise). Not the subject itself. None by
     * default.
     */
    default List<SubjectRef> records(ErasureSubject subject) {
        return List.of();
    }

    /**
     * In the transaction of the erasure's event: leaves nothing readable of the subject, or of
     * {@code records}, in this scope's read models (set personal columns to null, delete rows that
     * are nothing but personal data). Throwing rolls the erasure back.
     */
    void eraseReadModels(ErasureSubject subject, List<SubjectRef> records);

    /** A record whose retention clock is running: since {@code startedAt} (the pupil left, the incident closed). */
    record Expiry(String schoolId, SubjectRef subject, Instant startedAt) {
    }

    /**
     * The retention schedule (AUD-4, Art. 5(1)(e)): this scope's subjects of {@code retention} whose
     * clock ({@link RetentionClass#from()}) started before {@code startedBefore}, in any school. The
     * schedule applies each school's period and erases those past it, unless a hold keeps them.
     * Subjects already erased may be returned; they are skipped. None by default.
     */
    default List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        return List.of();
    }
}
