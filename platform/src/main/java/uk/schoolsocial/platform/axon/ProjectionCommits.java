package uk.schoolsocial.platform.axon;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells a request waiting for its read model ({@code ReadYourWrites}) that an event processor of
 * this JVM has just committed, so that it looks again at once instead of sleeping out a back-off
 * (issue 13: the sleeps cost a command 171 to 207 ms at one client). Every processor's unit of work
 * counts one commit when its transaction (read model rows and token together) has committed; the
 * waiter notes the count before it reads and waits only while the count has not moved. A commit by
 * another instance of the service is not seen here: the waiter's bounded wait covers it.
 * <p>
 * One counter for the JVM: a commit of any processor wakes every waiter, which then reads its own
 * row once more. That is cheap at the rate requests wait, and needs no routing of events to requests.
 */
public final class ProjectionCommits {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition COMMITTED = LOCK.newCondition();
    private static final String REGISTERED = ProjectionCommits.class.getName();
    private static volatile long count;

    private ProjectionCommits() {
    }

    /** How many processor transactions have committed in this JVM; note it before reading. */
    public static long count() {
        return count;
    }

    /**
     * Waits until a processor commits after {@code seen} was read, or for at most {@code maxWaitNanos}.
     * Returns at once if one already has.
     */
    public static void awaitAfter(long seen, long maxWaitNanos) throws InterruptedException {
        LOCK.lock();
        try {
            long remaining = maxWaitNanos;
            while (count == seen && remaining > 0) {
                remaining = COMMITTED.awaitNanos(remaining);
            }
        } finally {
            LOCK.unlock();
        }
    }

    static void committed() {
        LOCK.lock();
        try {
            count++;
            COMMITTED.signalAll();
        } finally {
            LOCK.unlock();
        }
    }

    /** For every event processor: once per batch, counts a commit after the batch's transaction commits. */
    static MessageHandlerInterceptor<EventMessage<?>> counting() {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> root = unitOfWork.root();
            if (root.resources().putIfAbsent(REGISTERED, Boolean.TRUE) == null) {
                root.afterCommit(done -> committed());
            }
            return chain.proceed();
        };
    }
}
