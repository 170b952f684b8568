package uk.schoolsocial.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One launcher per data directory at a time (issue 11). Holding this lock is what tells a launcher
 * that the processes recorded in {@code run/} are orphans: the system releases the lock when its
 * holder dies, SIGKILL included, so a lock that can be taken means the launcher that wrote the
 * records is gone. Without it, a second launcher on the same directory would take the first one's
 * running children for orphans and stop them; now it is refused.
 *
 * <p>Within one JVM the lock is kept in a set as well: the system's file locks belong to the
 * process, and opening and closing the file a second time would release the first holder's lock.
 */
final class LauncherLock implements AutoCloseable {

    private static final Set<Path> HELD_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel channel;

    private LauncherLock(Path root, FileChannel channel) {
        this.root = root;
        this.channel = channel;
    }

    /** @throws SuiteStartException when another launcher, or a suite in this JVM, holds it */
    static LauncherLock acquire(DataDirectory dir) {
        if (!HELD_BY_THIS_JVM.add(dir.root())) {
            throw inUse(dir, "A suite started in this JVM is running");
        }
        try {
            return lock(dir);
        } catch (RuntimeException e) {
            HELD_BY_THIS_JVM.remove(dir.root());
            throw e;
        }
    }

    /** Releases the lock; the launcher's records are gone by now or name its leftovers. */
    @Override
    public void close() {
        try {
            channel.close(); // releases the lock
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + root, e);
        } finally {
            HELD_BY_THIS_JVM.remove(root);
        }
    }

    private static LauncherLock lock(DataDirectory dir) {
        Path file = dir.launcherLock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() == null) {
                    throw inUse(dir, "Another launcher (" + holder(channel) + ") is running the suite");
                }
                channel.truncate(0).write(ByteBuffer.wrap(
                        ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
                return new LauncherLock(dir.root(), channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** @return what the holder wrote into the file: its pid, for the person to find it by */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(64);
        channel.read(content, 0);
        String text = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "pid unknown" : text;
    }

    private static SuiteStartException inUse(DataDirectory dir, String who) {
        return new SuiteStartException(who + " from " + dir.root()
                + ". Stop it first, or give this one another data directory (SMP_DATA_DIR).");
    }
}
