package uk.schoolsocial.account.privacy.query;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureHold;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * AUD-4: records of account-service whose text is sealed under their own key but whose read models
 * cannot yet be cleared (applications, official accounts, logged messages, subject access requests:
 * several of their columns are required by the read models and the contract). Erasing one on its own
 * is refused with a hold that says so, rather than destroying the key while a read model keeps a
 * plaintext copy. People are erased as before; these records are not about one person.
 */
@Singleton
public class RecordsNotYetErasable implements ErasureScope {

    private static final Set<SubjectType> NOT_YET = Set.of(SubjectType.APPLICATION, SubjectType.ACCOUNT,
            SubjectType.ACCOUNT_MESSAGE, SubjectType.SUBJECT_ACCESS_REQUEST);

    @Override
    public List<ErasureHold> holds(ErasureSubject subject, LocalDate today) {
        if (!NOT_YET.contains(subject.type())) {
            return List.of();
        }
        return List.of(new ErasureHold("NOT_YET_ERASABLE", subject.ref().toString(), null,
                "erasing a record of this kind on its own is not built yet (its read model keeps a copy); it is kept"));
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        // nothing: holds() refuses these subjects before an erasure is recorded
    }
}
