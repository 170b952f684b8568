package uk.schoolsocial.account.roster.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * The staff roster (ACC-1, ACC-3, ACC-7) for erasure (AUD-4): an erased member of staff or volunteer
 * leaves the roster view (their names were all it held of them); a sync that still lists them changes
 * nothing. A leaver's record expires {@link RetentionClass#STAFF_RECORD} after their leaving date.
 */
@Singleton
public class StaffErasureScope implements ErasureScope {

    private final StaffMemberViewRepository members;

    StaffErasureScope(StaffMemberViewRepository members) {
        this.members = members;
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        if (subject.type() == SubjectType.STAFF) {
            members.erase(subject.schoolId(), subject.subjectId());
        }
    }

    @Override
    public List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        if (retention != RetentionClass.STAFF_RECORD) {
            return List.of();
        }
        LocalDate before = startedBefore.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        return members.leftBefore(before).stream()
                .map(member -> new Expiry(member.schoolId(), new SubjectRef(SubjectType.STAFF, member.staffId()),
                        member.leavingDate().atStartOfDay().toInstant(ZoneOffset.UTC)))
                .filter(expiry -> expiry.startedAt().isBefore(startedBefore))
                .toList();
    }
}
