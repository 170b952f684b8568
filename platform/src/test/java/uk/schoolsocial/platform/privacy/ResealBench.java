package uk.schoolsocial.platform.privacy;

import io.micronaut.context.ApplicationContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;
import uk.schoolsocial.platform.audit.ChainVerifier;
import uk.schoolsocial.platform.audit.Verification;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * The cost of the attested reseal (decision 9, point 3), run by hand ({@code bench/reseal-run.sh}),
 * never by {@code ./mvnw verify}: a store of {@code bench.events} events written in plaintext, as a
 * version before sealing wrote them, against the same store written sealed. Times the start of a
 * service on each (the first start on the plaintext store seals every event and attests it), a
 * second start on the resealed store (nothing left to do), and a verification of each chain.
 */
class ResealBench {

    record Noted(String schoolId, String pupilId, String incidentId,
                 @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                         sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
                 String name,
                 @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                         sealedUnder = SubjectType.PUPIL, keyFrom = "pupilId")
                 LocalDate dateOfBirth,
                 @PersonalData(whose = Whose.THIRD_PARTY, retention = RetentionClass.INCIDENT_RECORD,
                         sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
                 String narrative,
                 int count) {
    }

    private static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int SUBJECTS = Integer.getInteger("bench.subjects", 500);
    private static final int BATCH = 500;
    private static final String TEXT = "A parent posted a photograph of the Year 6 trip with a comment naming a"
            + " member of staff; two other parents replied. Screenshots were taken before it was removed.";

    @Test
    void run() throws Exception {
        List<Double> resealStarts = new ArrayList<>();
        List<Double> sealedStarts = new ArrayList<>();
        List<Double> againStarts = new ArrayList<>();
        List<Double> verifyResealed = new ArrayList<>();
        List<Double> verifySealed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, Object> plainDb = TestDatabase.newSchema("reseal_bench_plain");
            Map<String, Object> sealedDb = TestDatabase.newSchema("reseal_bench_sealed");
            String plainSchema = PlatformAxonContext.schemaOf(plainDb);
            ApplicationContext.run(PlatformAxonContext.properties(plainDb)).close(); // the schema, migrated
            for (int from = 0; from < EVENTS; from += BATCH) {
                PlaintextStore.append(plainSchema, batch(from));
            }
            try (ApplicationContext sealed = ApplicationContext.run(PlatformAxonContext.properties(sealedDb))) {
                EventStore store = sealed.getBean(EventStore.class);
                for (int from = 0; from < EVENTS; from += BATCH) {
                    store.publish(batch(from));
                }
            }

            long start = System.nanoTime();
            ApplicationContext resealed = ApplicationContext.run(PlatformAxonContext.properties(plainDb));
            resealStarts.add(seconds(start));
            start = System.nanoTime();
            Verification verification = resealed.getBean(ChainVerifier.class).verify(null);
            verifyResealed.add(seconds(start));
            if (!verification.intact() || verification.resealedEvents() != EVENTS) {
                throw new IllegalStateException("the resealed store does not verify: " + verification);
            }
            resealed.close();
            start = System.nanoTime();
            ApplicationContext.run(PlatformAxonContext.properties(plainDb)).close();
            againStarts.add(seconds(start));

            start = System.nanoTime();
            try (ApplicationContext sealed = ApplicationContext.run(PlatformAxonContext.properties(sealedDb))) {
                sealedStarts.add(seconds(start));
                start = System.nanoTime();
                if (!sealed.getBean(ChainVerifier.class).verify(null).intact()) {
                    throw new IllegalStateException("the sealed store does not verify");
                }
                verifySealed.add(seconds(start));
            }
        }
        double reseal = median(resealStarts);
        double sealed = median(sealedStarts);
        System.out.printf(Locale.ROOT, "%nReseal bench (decision 9, point 3): %d events, %d subjects, %d rounds%n"
                        + "  start on the plaintext store (reseals): %.2f s, rounds %s%n"
                        + "  start on the same store written sealed: %.2f s, rounds %s%n"
                        + "  reseal cost: %.2f s, %.0f events/s%n"
                        + "  second start on the resealed store: %.2f s, rounds %s%n"
                        + "  verification: resealed store %.2f s, sealed store %.2f s (ratio %.2f)%n",
                EVENTS, SUBJECTS, ROUNDS, reseal, resealStarts, sealed, sealedStarts, reseal - sealed,
                EVENTS / (reseal - sealed), median(againStarts), againStarts, median(verifyResealed),
                median(verifySealed), median(verifyResealed) / median(verifySealed));
    }

    private static List<EventMessage<?>> batch(int from) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = from; i < Math.min(EVENTS, from + BATCH); i++) {
            int subject = i % SUBJECTS;
            events.add(GenericEventMessage.asEventMessage(new Noted("bench-school", "p-" + subject, "i-" + subject,
                            "Zoë Marchetti " + subject, LocalDate.of(2014, 3, 9), TEXT, i))
                    .andMetaData(PlatformAxonContext.audit("bench-school")));
        }
        return events;
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
