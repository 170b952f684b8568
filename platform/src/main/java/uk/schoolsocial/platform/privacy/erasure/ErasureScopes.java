package uk.schoolsocial.platform.privacy.erasure;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every {@link ErasureScope} of the service, asked together (AUD-4). */
@Singleton
public class ErasureScopes {

    private final List<ErasureScope> scopes;
    private final LegalHolds legalHolds;

    ErasureScopes(List<ErasureScope> scopes, LegalHolds legalHolds) {
        this.scopes = List.copyOf(scopes);
        this.legalHolds = legalHolds;
    }

    /**
     * Every hold on the subject in this service, in the order the scopes give them, then the legal
     * holds placed on the subject or on a record erasing it would take.
     */
    public List<ErasureHold> holds(ErasureSubject subject, LocalDate today) {
        List<ErasureHold> holds = new ArrayList<>();
        scopes.forEach(scope -> holds.addAll(scope.holds(subject, today)));
        List<SubjectRef> affected = new ArrayList<>();
        affected.add(subject.ref());
        affected.addAll(records(subject));
        holds.addAll(legalHolds.standing(subject.schoolId(), affected, today));
        return holds;
    }

    /** The records whose keys go with the subject's, each once, never the subject itself. */
    public List<SubjectRef> records(ErasureSubject subject) {
        Set<SubjectRef> records = new LinkedHashSet<>();
        scopes.forEach(scope -> records.addAll(scope.records(subject)));
        records.remove(subject.ref());
        return List.copyOf(records);
    }

    /** Every scope's subjects of {@code retention} whose clock started before {@code startedBefore}. */
    List<ErasureScope.Expiry> expiring(uk.schoolsocial.events.privacy.RetentionClass retention,
                                       java.time.Instant startedBefore) {
        List<ErasureScope.Expiry> expiring = new ArrayList<>();
        scopes.forEach(scope -> expiring.addAll(scope.expiring(retention, startedBefore)));
        return expiring;
    }

    void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        scopes.forEach(scope -> scope.eraseReadModels(subject, records));
    }
}
