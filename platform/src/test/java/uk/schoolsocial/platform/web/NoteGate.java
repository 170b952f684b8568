package uk.schoolsocial.platform.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a test hold the next note command inside its transaction until it opens the gate (a slow
 * command path on demand), or make the next one fail as a fault of ours would.
 */
public final class NoteGate {

    private final AtomicBoolean holdNext = new AtomicBoolean();
    private final AtomicBoolean failNext = new AtomicBoolean();
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch opened = new CountDownLatch(0);

    /** The next command waits in its handler until {@link #open()}; the ones after it pass. */
    public void holdNext() {
        held = new CountDownLatch(1);
        opened = new CountDownLatch(1);
        holdNext.set(true);
    }

    /** Waits until a command is held. */
    public boolean awaitHeld() throws InterruptedException {
        return held.await(20, TimeUnit.SECONDS);
    }

    public void open() {
        opened.countDown();
    }

    /** The next command throws, as a bug or an unavailable dependency would. */
    public void failNext() {
        failNext.set(true);
    }

    void pass() {
        if (failNext.compareAndSet(true, false)) {
            throw new IllegalStateException("A fault the test asked for");
        }
        if (holdNext.compareAndSet(true, false)) {
            held.countDown();
            try {
                if (!opened.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
