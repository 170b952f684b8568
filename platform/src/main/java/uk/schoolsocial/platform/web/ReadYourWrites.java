package uk.schoolsocial.platform.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read models are fed by streaming processors, a few milliseconds behind the events. A command
 * endpoint that answers with the record waits here until its projection has caught up with the
 * version the command produced, so the client reads its own write.
 */
public final class ReadYourWrites {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private ReadYourWrites() {
    }

    public static <T> T await(Supplier<Optional<T>> reader, ToLongFunction<T> version, long atLeast) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long pause = 2;
        while (true) {
            Optional<T> current = reader.get().filter(view -> version.applyAsLong(view) >= atLeast);
            if (current.isPresent()) {
                return current.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Read model did not reach version " + atLeast + " within " + LIMIT);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
