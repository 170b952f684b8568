package uk.schoolsocial.account.privacy.query;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * The register of subject access requests (AUD-4, UK GDPR Art. 15) for erasure. Who asked on the
 * subject's behalf and why a request was extended are sealed under the request's own key
 * ({@code SUBJECT_ACCESS_REQUEST}, by request id): erasing a request sets both to null and keeps its
 * ids, the subject's id, its dates and status (the proof that it was answered in time). Erasing the
 * person a request is about does not reach it: nothing of it is sealed under the person's key.
 */
@Singleton
public class SubjectAccessRequestErasureScope implements ErasureScope {

    private final SubjectAccessRequestViewRepository requests;

    SubjectAccessRequestErasureScope(SubjectAccessRequestViewRepository requests) {
        this.requests = requests;
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        List<String> erased = new ArrayList<>();
        if (subject.type() == SubjectType.SUBJECT_ACCESS_REQUEST) {
            erased.add(subject.subjectId());
        }
        records.stream().filter(ref -> ref.type() == SubjectType.SUBJECT_ACCESS_REQUEST)
                .forEach(ref -> erased.add(ref.id()));
        erased.forEach(id -> requests.erase(subject.schoolId(), id));
    }
}
