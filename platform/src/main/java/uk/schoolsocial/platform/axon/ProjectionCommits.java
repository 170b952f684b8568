package uk.schoolsocial.platform.axon;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells a request waiting for its read model ({@code ReadYourWrites}) that an event processor of
 * this JVM has just committed, so that it looks again at once instead of sleeping out a back-off
 * (issue 13: the sleeps cost a command 171 to 207 ms at one client). Every processor's unit of work,
 * once its transaction (read model rows and token together) has committed, wakes the requests that
 * watch an event it handled ({@link #watch}); the waiter notes the count of its watch before it reads
 * and waits only while that count has not moved. A commit by another instance of the service is not
 * seen here: the waiter's bounded wait covers it.
 * <p>
 * A request watches the events its own commands appended, so a commit wakes only the requests whose
 * events it carried (at 8 clients the first version, which woke every waiter on every commit, made each
 * request read its row 16 times). A wait with no events to watch (outside an HTTP request) counts
 * every commit of the JVM.
 */
public final class ProjectionCommits {

    private static final String HANDLED = ProjectionCommits.class.getName();
    private static final Watch EVERY_COMMIT = new Watch(List.of());
    private static final Map<String, Watch> WATCHED = new ConcurrentHashMap<>();

    private ProjectionCommits() {
    }

    /**
     * Watches the commits of the processor transactions that handle any of {@code eventIds}, until
     * closed; with no ids, every commit of the JVM. Open it before the read it may have to repeat.
     * An event has one watcher: a second watch of the same event takes it over, and the first one
     * falls back to its bounded wait (an event is appended by one request, which waits once at a time).
     */
    public static Watch watch(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return EVERY_COMMIT;
        }
        Watch watch = new Watch(List.copyOf(eventIds));
        eventIds.forEach(id -> WATCHED.put(id, watch));
        return watch;
    }

    static void committed(Set<String> handled) {
        for (String eventId : handled) {
            Watch watch = WATCHED.get(eventId);
            if (watch != null) {
                watch.committed();
            }
        }
        EVERY_COMMIT.committed();
    }

    /** For every event processor: notes each event it handles, and once per batch, after its commit, wakes their watchers. */
    static MessageHandlerInterceptor<EventMessage<?>> counting() {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> root = unitOfWork.root();
            Set<String> handled = root.getOrComputeResource(HANDLED, key -> {
                Set<String> ids = new HashSet<>();
                root.afterCommit(done -> committed(ids));
                return ids;
            });
            handled.add(unitOfWork.getMessage().getIdentifier());
            return chain.proceed();
        };
    }

    /** Commits seen by one waiter: those of the events it watches, or every commit of the JVM. */
    public static final class Watch implements AutoCloseable {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition committed = lock.newCondition();
        private final List<String> eventIds;
        private volatile long count;

        private Watch(List<String> eventIds) {
            this.eventIds = eventIds;
        }

        /** Whether it watches the events of a request (which this JVM's processors' commits wake), not every commit. */
        public boolean watchesEvents() {
            return !eventIds.isEmpty();
        }

        /** How many watched commits there were; note it before reading. */
        public long count() {
            return count;
        }

        /** Waits until a watched commit comes after {@code seen}, for at most {@code maxWaitNanos}. */
        public void awaitAfter(long seen, long maxWaitNanos) throws InterruptedException {
            lock.lock();
            try {
                long remaining = maxWaitNanos;
                while (count == seen && remaining > 0) {
                    remaining = committed.awaitNanos(remaining);
                }
            } finally {
                lock.unlock();
            }
        }

        private void committed() {
            lock.lock();
            try {
                count++;
                committed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Stops watching; the JVM-wide watch is never closed. */
        @Override
        public void close() {
            eventIds.forEach(id -> WATCHED.remove(id, this));
        }
    }
}
