package uk.schoolsocial.account.application.query;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * The applications for official accounts (ACC-1, ACC-2) for erasure (AUD-4). Their free text (aim,
 * audience, promotion, privacy reason, the reasons of a withdrawal, a decision or
 * an accepted name clash) is sealed under the
 * application's own key ({@code APPLICATION}, by application id), never under a person's: erasing an
 * application sets those columns of the application and of every revision to null and keeps its
 * ids, statuses and times. Erasing a person does not reach an application (no text of it is sealed
 * under a person). No retention clock is kept here: {@code ACCOUNT_RECORD} runs from an account's
 * closure ({@code AccountErasureScope}).
 */
@Singleton
public class ApplicationErasureScope implements ErasureScope {

    private final ApplicationViewRepository applications;
    private final ApplicationRevisionViewRepository revisions;
    private final NameClashAcceptanceViewRepository acceptances;

    ApplicationErasureScope(ApplicationViewRepository applications, ApplicationRevisionViewRepository revisions,
                            NameClashAcceptanceViewRepository acceptances) {
        this.applications = applications;
        this.revisions = revisions;
        this.acceptances = acceptances;
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        List<String> erased = new ArrayList<>();
        if (subject.type() == SubjectType.APPLICATION) {
            erased.add(subject.subjectId());
        }
        records.stream().filter(ref -> ref.type() == SubjectType.APPLICATION).forEach(ref -> erased.add(ref.id()));
        for (String id : erased) {
            applications.erase(subject.schoolId(), id);
            revisions.erase(subject.schoolId(), id);
            acceptances.erase(subject.schoolId(), id);
        }
    }
}
