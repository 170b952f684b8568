package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the parked events after a fix (issue 11, docs/operations.md), with Axon's own
 * {@link SequencedDeadLetterProcessor}: each aggregate's parked events in order, through the same
 * handlers as live events, each in a savepoint of its own. An event that goes through is removed
 * from the queue and the next one of its aggregate is tried; one that fails again stays parked with
 * the new error, and so do those behind it. Runs when an operator asks, and once at start, since a
 * fix usually arrives as a new version of the service.
 */
@Singleton
class DeadLetterRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRetry.class);
    /** Rounds over the queue: an event parked behind one while it was being retried gets its turn in the next. */
    private static final int MAX_ROUNDS = 5;

    private final Configuration axon;
    private final boolean atStart;

    DeadLetterRetry(Configuration axon, @Value("${smp.axon.retry-parked-at-start:true}") boolean atStart) {
        this.axon = axon;
        this.atStart = atStart;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        if (!atStart) {
            return;
        }
        Thread retry = new Thread(() -> {
            try {
                List<Outcome> outcomes = retry(null);
                if (outcomes.stream().anyMatch(o -> o.retried() > 0)) {
                    LOG.info("Retried the parked events at start: {}", outcomes);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not retry the parked events at start; they stay parked",
                        uk.schoolsocial.platform.privacy.LogSafe.redacted(e));
            }
        }, "dead-letter-retry");
        retry.setDaemon(true);
        retry.start();
    }

    /**
     * Retries every parked event of {@code processor}, or of every processor when null, and says
     * how many it tried, how many went through and how many are still parked.
     */
    synchronized List<Outcome> retry(String processor) {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        List<Outcome> outcomes = new ArrayList<>();
        for (String group : new TreeSet<>(processing.eventProcessors().keySet())) {
            if (processor != null && !processor.equals(group)) {
                continue;
            }
            // Sagas have none: their processors stop and retry instead.
            processing.sequencedDeadLetterProcessor(group).ifPresent(deadLetters -> outcomes.add(
                    retry(group, deadLetters, processing.deadLetterQueue(group).orElseThrow())));
        }
        return outcomes;
    }

    private static Outcome retry(String group, SequencedDeadLetterProcessor<EventMessage<?>> deadLetters,
                                 SequencedDeadLetterQueue<EventMessage<?>> queue) {
        long before = queue.size();
        long tried = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long parked = queue.size();
            if (parked == 0) {
                break;
            }
            // Each call takes the aggregate whose first parked event was touched longest ago; one that
            // fails again is touched now and goes to the back, so this tries each aggregate once.
            long sequences = queue.amountOfSequences();
            for (long i = 0; i < sequences; i++) {
                tried++;
                deadLetters.processAny();
            }
            if (queue.size() == parked) {
                break;
            }
        }
        long after = queue.size();
        return new Outcome(group, tried, Math.max(0, before - after), after);
    }

    /**
     * @param retried     aggregates (sequences) tried
     * @param processed   parked events that went through and left the queue
     * @param stillParked events parked when the retry ended
     */
    record Outcome(String processor, long retried, long processed, long stillParked) {
    }
}
