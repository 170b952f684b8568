package uk.schoolsocial.account.declaration.query;

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
 * The relationship declarations (ACC-10) of account-service for erasure (AUD-4): a declaration names
 * the member of staff and the person they know, sealed under the declaration's key. Erasing a member
 * of staff erases the declarations they made; an erased declaration leaves the read model. No legal
 * hold applies here (allegations about staff are incident-service's).
 */
@Singleton
public class DeclarationErasureScope implements ErasureScope {

    private final DeclarationViewRepository declarations;

    DeclarationErasureScope(DeclarationViewRepository declarations) {
        this.declarations = declarations;
    }

    @Override
    public List<SubjectRef> records(ErasureSubject subject) {
        if (subject.type() != SubjectType.STAFF) {
            return List.of();
        }
        return declarations.idsDeclaredBy(subject.schoolId(), subject.subjectId()).stream()
                .map(id -> new SubjectRef(SubjectType.DECLARATION, id)).toList();
    }

    /** DECLARATION records expire their period after the member of staff who made them left. */
    @Override
    public List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        if (retention != RetentionClass.DECLARATION) {
            return List.of();
        }
        LocalDate before = startedBefore.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        return declarations.ofLeaversBefore(before).stream()
                .map(declaration -> new Expiry(declaration.schoolId(),
                        new SubjectRef(SubjectType.DECLARATION, declaration.id()),
                        declaration.leftOn().atStartOfDay().toInstant(ZoneOffset.UTC)))
                .filter(expiry -> expiry.startedAt().isBefore(startedBefore))
                .toList();
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        if (subject.type() == SubjectType.DECLARATION) {
            declarations.erase(subject.schoolId(), subject.subjectId());
        }
        records.stream().filter(ref -> ref.type() == SubjectType.DECLARATION)
                .forEach(ref -> declarations.erase(subject.schoolId(), ref.id()));
    }
}
