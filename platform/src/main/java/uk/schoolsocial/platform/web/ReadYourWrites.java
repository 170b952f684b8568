package uk.schoolsocial.platform.web;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import uk.schoolsocial.platform.axon.ProjectionCommits;
import uk.schoolsocial.platform.axon.RequestEvents;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * Read models are fed by streaming processors, a few milliseconds behind the events. A command
 * endpoint that answers with the record waits here until its projection has caught up with the
 * version the command produced, so the client reads its own write. It reads again as soon as a
 * processor of this JVM commits a transaction that handled one of the request's events
 * ({@link ProjectionCommits#watch}), and otherwise after a back-off doubling to 50 ms, which covers a
 * read model fed by a processor on another instance (issue 13). The back-off starts at 25 ms when the
 * request's own events are watched, since this JVM's processors wake it as they commit them and another
 * instance's find them only at their next poll (at 1 client a back-off from 2 ms read the record seven
 * times per command), and at 2 ms when every commit of the JVM is watched.
 * <p>
 * If a processor parked one of the events the request's commands appended (issue 11), the record
 * may never get there until an operator retries it: the caller is told so at once, with a 500
 * {@code PROJECTION_FAILED}, instead of after the whole wait. The event may have been parked by
 * another processor than the one feeding this read model, so the wait goes on for {@link #GRACE}
 * after the parked event is seen before giving up.
 */
public final class ReadYourWrites {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** How often the dead-letter queue is asked about the request's events while waiting. */
    private static final Duration PARKED_CHECK_EVERY = Duration.ofMillis(100);
    static final Duration GRACE = Duration.ofMillis(500);
    private static final long WATCHED_FIRST_PAUSE_MS = 25;

    private ReadYourWrites() {
    }

    public static <T> T await(Supplier<Optional<T>> reader, ToLongFunction<T> version, long atLeast) {
        Supplier<Optional<T>> caughtUp = () -> reader.get().filter(view -> version.applyAsLong(view) >= atLeast);
        // Most records are there at the first look: only a miss watches the request's events.
        Optional<T> already = caughtUp.get();
        if (already.isPresent()) {
            return already.get();
        }
        Optional<RequestEvents> appended = RequestEvents.ofCurrentRequest();
        try (ProjectionCommits.Watch commits = ProjectionCommits.watch(
                appended.map(RequestEvents::eventIds).orElse(Set.of()))) {
            return await(caughtUp, atLeast, appended, commits);
        }
    }

    /** Reads {@code caughtUp} until it has the record at version {@code atLeast}, a parked event, or the limit. */
    private static <T> T await(Supplier<Optional<T>> caughtUp, long atLeast, Optional<RequestEvents> appended,
                               ProjectionCommits.Watch commits) {
        long start = System.nanoTime();
        long deadline = start + LIMIT.toNanos();
        long nextParkedCheck = start + PARKED_CHECK_EVERY.toNanos() / 4;
        long giveUpAt = Long.MAX_VALUE;
        String parkedBy = null;
        long pause = commits.watchesEvents() ? WATCHED_FIRST_PAUSE_MS : 2;
        while (true) {
            long commitsSeen = commits.count();
            Optional<T> current = caughtUp.get();
            if (current.isPresent()) {
                return current.get();
            }
            long now = System.nanoTime();
            if (parkedBy != null && now - giveUpAt >= 0) {
                throw new DomainException(PlatformError.PROJECTION_FAILED, "The change was stored, but the record"
                        + " showing it could not be updated: processor " + parkedBy + " set the event aside after"
                        + " an error. Operators are alerted; the record catches up once they have fixed it."
                        + " Do not send the change again.");
            }
            if (now - deadline > 0) {
                throw new IllegalStateException("Read model did not reach version " + atLeast + " within " + LIMIT);
            }
            if (parkedBy == null && appended.isPresent() && now - nextParkedCheck >= 0) {
                parkedBy = appended.get().parkedBy().orElse(null);
                if (parkedBy != null) {
                    giveUpAt = now + GRACE.toNanos();
                }
                nextParkedCheck = now + PARKED_CHECK_EVERY.toNanos();
            }
            try {
                commits.awaitAfter(commitsSeen, TimeUnit.MILLISECONDS.toNanos(pause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
