package uk.schoolsocial.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own event store as the source of its streaming processors, with streams that
 * announce new events. Axon's embedded store gives its streams no availability callback, so an
 * idle pooled processor looks for new events only every 500 ms, and every command that answers
 * with its read model waited that long. Here each commit that appends events wakes the
 * processors at once. Events appended by another instance of the service (issue 13) are found by
 * waking the processors every {@code smp.axon.other-instances-poll} as well (500 ms by default, the
 * interval of Axon's own idle poll), so a command answered by one instance waits at most about that
 * long for a read model fed by a processor running on the other.
 *
 * <p>A commit wakes only the processors that handle at least one of its events' payload types
 * (issue 13: every processor's coordinator read the table in its own transaction after every
 * command, a fifth of the database's round trips per command, most for processors that then skipped
 * what they read). A processor's coordinator tells its stream which types it has no handler for
 * (Axon's {@link BlockingStream#skipMessagesWithPayloadTypeOf}); a commit of only such events leaves
 * that processor asleep, and it reads them (and skips them, advancing its token) when a commit of a
 * type it handles or the poll above wakes it. No event is left unread: only when it is read changes.
 */
final class LocalCommitNotifyingSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCommitNotifyingSource.class);

    private final EventStore store;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "other-instances-poll");
        thread.setDaemon(true);
        return thread;
    });

    LocalCommitNotifyingSource(EventStore store, Duration otherInstancesPoll) {
        this.store = store;
        long every = otherInstancesPoll.toMillis();
        poll.scheduleWithFixedDelay(this::notifyListeners, every, every, TimeUnit.MILLISECONDS);
    }

    /** Ends the poll; with the configuration. */
    void stop() {
        poll.shutdownNow();
    }

    /** Called by the event store as events are appended; the listeners run once they are committed. */
    void appended(List<? extends EventMessage<?>> events) {
        Set<Class<?>> types = new HashSet<>();
        events.forEach(event -> types.add(event.getPayloadType()));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unit -> notifyListeners(types));
        } else {
            notifyListeners(types);
        }
    }

    private void notifyListeners() {
        listeners.forEach(Listener::run);
    }

    private void notifyListeners(Set<Class<?>> appendedTypes) {
        listeners.forEach(listener -> {
            if (listener.handlesAny(appendedTypes)) {
                listener.run();
            }
        });
    }

    /** A stream's availability callback with the payload types its processor said it skips. */
    private static final class Listener {

        private final Runnable callback;
        private final Set<Class<?>> skipped;

        Listener(Runnable callback, Set<Class<?>> skipped) {
            this.callback = callback;
            this.skipped = skipped;
        }

        boolean handlesAny(Set<Class<?>> types) {
            return !skipped.containsAll(types);
        }

        /**
         * Wakes the stream's processor. A failure (a coordinator's executor refusing work while it stops)
         * is logged and does not reach the committing command or end the poll: the poll is what reads the
         * events of skipped types and of other instances, and a processor not woken now is by the next one.
         */
        void run() {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not wake an event processor after a commit ({}); it reads at its next wake or poll",
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new NotifyingStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final Set<Class<?>> skipped = ConcurrentHashMap.newKeySet();
        private volatile Listener callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            if (callback != null) {
                listeners.remove(callback);
            }
            callback = new Listener(newCallback, skipped);
            listeners.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skipped.add(ignoredMessage.getPayloadType());
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                listeners.remove(callback);
            }
            delegate.close();
        }
    }
}
