package uk.schoolsocial.consent.publication.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import io.micronaut.context.BeanProvider;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.consent.consent.query.PupilConsentProjection;
import uk.schoolsocial.consent.officialaccount.query.OfficialAccountProjection;
import uk.schoolsocial.platform.axon.AxonInfrastructure;

/**
 * The two processors that feed the {@link PublicationCheckIndex} and where they stand.
 * <ul>
 * <li><b>Trusted only while complete.</b> The index is fed only by the processors of this instance.
 * It answers a check only while this instance processes the whole stream of both feeding processors
 * ({@code pupil-consents}, {@code official-accounts}: one segment each, claimed here) and has itself
 * seen every event up to where they stand (a {@link CheckIndexStreamReader} reads every event of each of
 * those streams). Otherwise, say another instance holds or held a segment, or a
 * processor runs several segments, the check reads the read model, and if this instance holds the
 * streams again but missed events, the index reloads from the read model first. One window remains:</li>
 * <li><b>Still ours in the token store.</b> A segment taken over by another instance (after this one
 * failed to extend its claim for the claim timeout, a long pause say) would count as held here until this
 * instance's processor notices, at its next token update, while the other instance feeds only its own
 * index. So each check that the index could answer first reads the owner of both segments in
 * {@code token_entry} (one primary-key read of two rows): the index answers only while both name this
 * instance. An instance that takes a segment over commits its token, owner included, with the rows it
 * projects, so a change answered 2xx before the check began sends a check on the other instance to the
 * read model (issue 13: several instances of the service).</li>
 * </ul>
 */
final class FeedingProcessors {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationCheckIndex.class);
    private static final long CLAIM_WAIT_MILLIS = 3_000;

    final Stream ownEvents = new Stream(PupilConsentProjection.GROUP);
    final Stream accountEvents = new Stream(OfficialAccountProjection.GROUP);
    /** Lazily: the Axon configuration is built after the projections that feed this index. */
    private final BeanProvider<Configuration> axon;
    /** The service's own schema, where {@code token_entry} says which instance holds a segment. */
    private final DataSource tokens;
    private final AtomicBoolean warned = new AtomicBoolean();

    FeedingProcessors(BeanProvider<Configuration> axon, DataSource tokens) {
        this.axon = axon;
        this.tokens = tokens;
    }

    enum Standing { CAUGHT_UP, BEHIND, NOT_HERE }

    /**
     * Whether {@code token_entry} names this instance as the owner of both feeding processors' segment:
     * another instance may have taken one over without this one's processor having noticed yet.
     */
    boolean claimedHere() {
        try (Connection connection = tokens.getConnection();
             PreparedStatement owners = connection.prepareStatement("SELECT owner FROM token_entry"
                     + " WHERE processor_name IN (?, ?) AND segment = 0")) {
            owners.setString(1, ownEvents.name);
            owners.setString(2, accountEvents.name);
            int ours = 0;
            try (ResultSet rows = owners.executeQuery()) {
                while (rows.next()) {
                    if (AxonInfrastructure.NODE_ID.equals(rows.getString(1))) {
                        ours++;
                    }
                }
            }
            return ours == 2;
        } catch (SQLException e) {
            LOG.warn("Could not read the owners of the publication check's segments; the check reads the read model",
                    uk.schoolsocial.platform.privacy.LogSafe.redacted(e));
            return false;
        }
    }

    /** At start the processors claim their segment within moments; loading after that saves a second load. */
    void awaitClaims() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLAIM_WAIT_MILLIS);
        while ((standing(ownEvents) == Standing.NOT_HERE || standing(accountEvents) == Standing.NOT_HERE)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Standing standing(Stream stream) {
        EventTrackerStatus whole = wholeStream(stream);
        if (whole == null) {
            return Standing.NOT_HERE;
        }
        return position(whole) <= stream.seen() ? Standing.CAUGHT_UP : Standing.BEHIND;
    }

    long position(Stream stream) {
        EventTrackerStatus whole = wholeStream(stream);
        return whole == null ? -1 : position(whole);
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1);
    }

    /** The status of the processor's one segment if this instance processes the whole stream, else null. */
    private EventTrackerStatus wholeStream(Stream stream) {
        StreamingEventProcessor processor = processor(stream);
        if (processor == null) {
            return null;
        }
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        if (held.size() != 1) {
            return null;
        }
        EventTrackerStatus status = held.values().iterator().next();
        if (status.getSegment().getMask() != 0) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("Processor {} runs several segments; the publication check reads the read model",
                        stream.name);
            }
            return null;
        }
        return status;
    }

    private StreamingEventProcessor processor(Stream stream) {
        StreamingEventProcessor found = stream.processor;
        if (found == null) {
            found = axon.get().eventProcessingConfiguration()
                    .eventProcessor(stream.name, StreamingEventProcessor.class).orElse(null);
            stream.processor = found;
        }
        return found;
    }

    /** One feeding processor and the furthest position of its stream that the index has seen. */
    static final class Stream {
        private final String name;
        private final AtomicLong seen = new AtomicLong(-1);
        private volatile StreamingEventProcessor processor;

        Stream(String name) {
            this.name = name;
        }

        long seen() {
            return seen.get();
        }

        void read(TrackingToken token) {
            if (token != null) {
                token.position().ifPresent(position -> seen.accumulateAndGet(position, Math::max));
            }
        }

        void caughtUpTo(long position) {
            seen.accumulateAndGet(position, Math::max);
        }
    }
}
