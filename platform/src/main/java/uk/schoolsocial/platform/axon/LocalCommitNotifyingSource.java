package uk.schoolsocial.platform.axon;

import java.time.Duration;
import java.time.Instant;
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

/**
 * The service's own event store as the source of its streaming processors, with streams that
 * announce new events. Axon's embedded store gives its streams no availability callback, so an
 * idle pooled processor looks for new events only every 500 ms, and every command that answers
 * with its read model waited that long. Here each commit that appends events wakes the
 * processors at once. Events appended by another instance of the service (issue 13) are found by
 * waking the processors every {@code smp.axon.other-instances-poll} as well (500 ms by default, the
 * interval of Axon's own idle poll), so a command answered by one instance waits at most about that
 * long for a read model fed by a processor running on the other.
 */
final class LocalCommitNotifyingSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore store;
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
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
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unit -> notifyListeners());
        } else {
            notifyListeners();
        }
    }

    private void notifyListeners() {
        listeners.forEach(Runnable::run);
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
        private volatile Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            if (callback != null) {
                listeners.remove(callback);
            }
            callback = newCallback;
            listeners.add(newCallback);
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
