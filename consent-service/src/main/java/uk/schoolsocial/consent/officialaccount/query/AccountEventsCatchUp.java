package uk.schoolsocial.consent.officialaccount.query;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.platform.privacy.LogSafe;

/**
 * CON-4 across services: whether this service has read every event account-service had stored, and if
 * not, a bounded wait for it. The {@code official-accounts} processor finds account-service's new events
 * by polling its store, so an account that went live a moment ago may not be known live here yet; a
 * check that would refuse it asks here first, so that it is not refused on facts this service has not
 * read yet (issue 15).
 *
 * <p>The head is the highest global index of account-service's store when asked; the processor has read
 * up to it once its position reaches it. One window is left: an event committed with a lower index after
 * the processor passed that index (a gap it fills on a later poll) is not waited for.
 */
@Singleton
public class AccountEventsCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(AccountEventsCatchUp.class);
    private final BeanProvider<Configuration> axon;
    private final Duration longest;

    AccountEventsCatchUp(BeanProvider<Configuration> axon,
                         @Value("${smp.consent.account-events-wait:2s}") Duration longest) {
        this.axon = axon;
        this.longest = longest;
    }

    /**
     * @return true once every event account-service had stored when called has been handled here (at
     *         once if it already was), false if that did not happen within {@code smp.consent.account-events-wait}
     *         or account-service's store cannot be read now (then nothing tells how far it goes)
     */
    public boolean awaitHead() {
        long head;
        try {
            head = head();
        } catch (RuntimeException e) {
            LOG.warn("account-service's event store could not be read; a check cannot tell whether an account"
                    + " is live", LogSafe.redacted(e));
            return false;
        }
        long deadline = System.nanoTime() + longest.toNanos();
        long pause = 2;
        while (position() < head) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 25);
        }
        return true;
    }

    private long head() {
        TrackingToken head = axon.get().getComponent(Upstream.class).events().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Where the processor stands, if this instance processes its whole stream (one segment); else -1. */
    private long position() {
        return axon.get().eventProcessingConfiguration()
                .eventProcessor(OfficialAccountProjection.GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .filter(held -> held.size() == 1)
                .map(held -> held.values().iterator().next())
                .filter(status -> status.getSegment().getMask() == 0)
                .map(EventTrackerStatus::getCurrentPosition)
                .map(position -> position.orElse(-1))
                .orElse(-1L);
    }

    /** account-service's event store, read only, as the Axon configuration registers it. */
    public record Upstream(StreamableMessageSource<?> events) {
    }
}
