package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * A service's scope as the erasure tests need one: pupil {@code p-1} is involved in incident
 * {@code i-1}, pupil {@code sar-1} in {@code i-30}; pupil {@code held-1} in a safeguarding incident kept until 2040-01-01; a read model
 * erasure that fails for {@code fails-1}.
 */
@Singleton
@Requires(property = "smp.test.erasure-scope", value = "true")
class TestErasureScope implements ErasureScope {

    final List<String> erased = new CopyOnWriteArrayList<>();

    @Override
    public List<ErasureHold> holds(ErasureSubject subject, LocalDate today) {
        if (subject.subjectId().equals("held-1")) {
            return List.of(new ErasureHold("SAFEGUARDING_RECORD", "INCIDENT:i-9", LocalDate.of(2040, 1, 1),
                    "a safeguarding record is kept until the pupil's date of birth + 25 years"));
        }
        return List.of();
    }

    @Override
    public List<SubjectRef> records(ErasureSubject subject) {
        if (subject.type() == SubjectType.PUPIL && subject.subjectId().equals("sar-1")) {
            return List.of(new SubjectRef(SubjectType.INCIDENT, "i-30"));
        }
        if (subject.type() == SubjectType.PUPIL && subject.subjectId().equals("lh-1")) {
            return List.of(new SubjectRef(SubjectType.INCIDENT, "i-40"));
        }
        return subject.type() == SubjectType.PUPIL && subject.subjectId().equals("p-1")
                ? List.of(new SubjectRef(SubjectType.INCIDENT, "i-1"), subject.ref()) : List.of();
    }

    /** Pupil {@code left-1} left two days ago; {@code held-1} too, under a hold. */
    @Override
    public List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        Instant left = Instant.now().minus(java.time.Duration.ofDays(2));
        if (retention != RetentionClass.PUPIL_RECORD || !left.isBefore(startedBefore)) {
            return List.of();
        }
        return List.of(new Expiry(TestTokens.SCHOOL, new SubjectRef(SubjectType.PUPIL, "left-1"), left),
                new Expiry(TestTokens.SCHOOL, new SubjectRef(SubjectType.PUPIL, "held-1"), left));
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        if (subject.subjectId().equals("fails-1")) {
            throw new IllegalStateException("the read model refused");
        }
        erased.add(subject.ref() + " " + records);
    }
}
