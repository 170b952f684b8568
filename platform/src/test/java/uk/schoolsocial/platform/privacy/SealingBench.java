package uk.schoolsocial.platform.privacy;

import io.micronaut.context.ApplicationContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * The cost of sealing personal data (AUD-4), run by hand ({@code bench/sealing-run.sh}), never by
 * {@code ./mvnw verify} (its name does not end in Test): appends through Axon's event store, each in
 * its own transaction and chained, of an event with four personal fields, against the same event
 * with none, in alternating rounds on one database; then a full read of each set back through the
 * serializer (what a replay does). Prints the figures and the ratios.
 */
class SealingBench {

    record Plain(String schoolId, String pupilId, String incidentId, String name, LocalDate dateOfBirth,
                 String narrative, String description, int count) {
    }

    private static final String SEALED_UNDER_PUPIL = "pupilId";
    private static final String SCHOOL = "bench-school";

    // A subject's key belongs to its school (AUD-4): an event with personal data names it.
    record Sealed(String schoolId, String pupilId, String incidentId,
                  @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                          sealedUnder = SubjectType.PUPIL, keyFrom = SEALED_UNDER_PUPIL)
                  String name,
                  @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD,
                          sealedUnder = SubjectType.PUPIL, keyFrom = SEALED_UNDER_PUPIL)
                  LocalDate dateOfBirth,
                  @PersonalData(whose = Whose.THIRD_PARTY, retention = RetentionClass.INCIDENT_RECORD,
                          sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
                  String narrative,
                  @PersonalData(whose = Whose.THIRD_PARTY, retention = RetentionClass.INCIDENT_RECORD,
                          sealedUnder = SubjectType.INCIDENT, keyFrom = "incidentId")
                  String description,
                  int count) {
    }

    private static final int EVENTS = Integer.getInteger("bench.events", 2000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int SUBJECTS = Integer.getInteger("bench.subjects", 200);
    private static final String TEXT = "A parent posted a photograph of the Year 6 trip with a comment naming a"
            + " member of staff; two other parents replied. Screenshots were taken before it was removed.";

    @Test
    void run() {
        try (ApplicationContext context = ApplicationContext.run(
                PlatformAxonContext.properties(TestDatabase.newSchema("sealing_bench")))) {
            EventStore store = context.getBean(EventStore.class);
            append(store, 200, i -> plain(i));             // warm-up
            append(store, 200, i -> sealed(i, "warm"));
            List<Double> plainRates = new ArrayList<>();
            List<Double> sealedRates = new ArrayList<>();
            List<Double> newKeyRates = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                plainRates.add(append(store, EVENTS, SealingBench::plain));
                String prefix = "r" + round;
                sealedRates.add(append(store, EVENTS, i -> sealed(i % SUBJECTS, prefix))); // keys reused
                newKeyRates.add(append(store, EVENTS, i -> sealed(i, prefix + "n")));    // a new key per event
            }
            long total = 400L + 3L * ROUNDS * EVENTS;
            long start = System.nanoTime();
            long[] counts = new long[2];
            store.openStream(null).asStream().limit(total).forEach(event -> {
                Object payload = event.getPayload();
                counts[payload instanceof Sealed ? 1 : 0]++;
            });
            double replaySeconds = (System.nanoTime() - start) / 1e9;
            double plainMedian = median(plainRates);
            double sealedMedian = median(sealedRates);
            double newKeyMedian = median(newKeyRates);
            System.out.printf(Locale.ROOT, "%nSealing bench (AUD-4): %d events x %d rounds, %d subjects for reused keys%n"
                            + "  appends/s plain %.0f, sealed (keys reused) %.0f (ratio %.2f), sealed (new key each) %.0f (ratio %.2f)%n"
                            + "  rounds: plain %s, sealed %s, new-key %s%n"
                            + "  full read of the store: %d plain + %d sealed events in %.2f s (%.0f events/s)%n",
                    EVENTS, ROUNDS, SUBJECTS, plainMedian, sealedMedian, sealedMedian / plainMedian, newKeyMedian,
                    newKeyMedian / plainMedian, rounded(plainRates), rounded(sealedRates), rounded(newKeyRates),
                    counts[0], counts[1], replaySeconds, (counts[0] + counts[1]) / replaySeconds);
            readRatio(store, total);
        }
    }

    /** Reads the plain and the sealed events apart, to give the ratio of deserialising them. */
    private static void readRatio(EventStore store, long total) {
        for (int pass = 0; pass < 2; pass++) {
            long plainNanos = 0;
            long sealedNanos = 0;
            long plain = 0;
            long sealed = 0;
            for (var iterator = store.openStream(null).asStream().limit(total).iterator(); iterator.hasNext(); ) {
                var event = iterator.next();
                long before = System.nanoTime();
                Object payload = event.getPayload();
                long took = System.nanoTime() - before;
                if (payload instanceof Sealed) {
                    sealedNanos += took;
                    sealed++;
                } else if (payload instanceof Plain) {
                    plainNanos += took;
                    plain++;
                }
            }
            System.out.printf(Locale.ROOT, "  read pass %d: deserialise plain %.1f us/event, sealed %.1f us/event (ratio %.2f)%n",
                    pass + 1, plainNanos / 1e3 / plain, sealedNanos / 1e3 / sealed,
                    (sealedNanos / (double) sealed) / (plainNanos / (double) plain));
        }
    }

    private static Object plain(int i) {
        return new Plain(SCHOOL, "p-" + i, "i-" + i, "Zoë Marchetti " + i, LocalDate.of(2014, 3, 9), TEXT,
                "the man in the red coat", i);
    }

    private static Object sealed(int i, String prefix) {
        return new Sealed(SCHOOL, prefix + "-p-" + i, prefix + "-i-" + i, "Zoë Marchetti " + i,
                LocalDate.of(2014, 3, 9), TEXT, "the man in the red coat", i);
    }

    private static double append(EventStore store, int count, IntFunction<Object> event) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) { // each publish is its own transaction, chained
            store.publish(GenericEventMessage.asEventMessage(event.apply(i))
                    .andMetaData(PlatformAxonContext.audit(SCHOOL)));
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }
}
