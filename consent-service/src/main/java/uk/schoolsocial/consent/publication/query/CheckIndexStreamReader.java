package uk.schoolsocial.consent.publication.query;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Sees every event of one processor that feeds the {@link PublicationCheckIndex} (its handler takes any
 * message), in the processor's transaction, so that {@link PublicationCheckIndex#trusted()} can tell
 * whether the index missed any. The Axon configuration puts each of the two readers in its processor.
 */
public final class CheckIndexStreamReader {
    private final FeedingProcessors.Stream stream;

    CheckIndexStreamReader(FeedingProcessors.Stream stream) {
        this.stream = stream;
    }

    @EventHandler
    void read(EventMessage<?> event, TrackingToken token) {
        stream.read(token);
    }
}
