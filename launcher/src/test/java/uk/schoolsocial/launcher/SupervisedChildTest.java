package uk.schoolsocial.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 11: how a supervised child is restarted, and when it is given up on. Real child JVMs. */
class SupervisedChildTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<SupervisedChild> supervised = new ArrayList<>();
    private LogRecorder log;
    private Path logs;

    @BeforeEach
    void setUp() throws IOException {
        log = LogRecorder.of(SupervisedChild.class);
        logs = TestFiles.newDirectory("supervised");
    }

    @AfterEach
    void stopAll() {
        for (ChildProcess process : supervised.stream().map(SupervisedChild::stop).toList()) {
            process.requestStop();
            process.awaitStop(Duration.ofSeconds(10));
        }
        scheduler.shutdownNow();
        log.close();
    }

    @Test
    void aChildThatKeepsDyingAtOnceIsGivenUpOnWhileTheOthersRunOn() {
        RestartPolicy policy = new RestartPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(60), 3);
        AtomicInteger launches = new AtomicInteger();
        SupervisedChild crasher = supervise("crasher", CrashingDeployable.class, policy, launches);
        SupervisedChild steady = supervise("steady", SilentDeployable.class, policy, new AtomicInteger());
        long steadyPid = steady.current().pid();

        crasher.watch();
        steady.watch();
        await().atMost(Duration.ofSeconds(60)).until(crasher::isGivenUp);

        assertEquals(4, launches.get(), "the first start and three restarts");
        String givenUp = log.find("Giving up on crasher: crasher (pid " + crasher.current().pid() + ") exited with code 3",
                "none of its last 3 restarts stayed up 60.0 s", "The rest of the suite keeps running");
        assertTrue(givenUp.contains("boom: cannot connect to the database"), givenUp);
        log.find("crasher (pid ", "restarting it in 0.2 s (attempt 3 of 3)");
        assertEquals(steadyPid, steady.current().pid());
        assertTrue(steady.current().isAlive());
    }

    @Test
    void aChildThatStayedUpLongEnoughIsRestartedAfterTheFirstDelayAgain() throws InterruptedException {
        RestartPolicy policy = new RestartPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(1), 5);
        SupervisedChild child = supervise("sleeper", SilentDeployable.class, policy, new AtomicInteger());
        child.watch();

        ChildProcess first = child.current();
        Thread.sleep(policy.stableAfter().toMillis()); // up long enough to count as recovered
        ChildProcess second = killAndAwaitRestart(child, first);
        ChildProcess third = killAndAwaitRestart(child, second);
        Thread.sleep(policy.stableAfter().toMillis());
        killAndAwaitRestart(child, third);

        log.find("sleeper (pid " + first.pid() + ") exited with code 137", "(attempt 1 of 5)");
        log.find("sleeper (pid " + second.pid() + ") exited with code 137", "(attempt 2 of 5)");
        log.find("sleeper (pid " + third.pid() + ") exited with code 137", "(attempt 1 of 5)");
    }

    private static ChildProcess killAndAwaitRestart(SupervisedChild child, ChildProcess process) {
        process.handle().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> child.current() != process);
        return child.current();
    }

    private SupervisedChild supervise(String name, Class<?> main, RestartPolicy policy, AtomicInteger launches) {
        SupervisedChild child = new SupervisedChild(name, restart -> {
            launches.incrementAndGet();
            return ChildProcess.start(name, URI.create("http://127.0.0.1:1"), TestFiles.javaCommand(main), Map.of(),
                    logs.resolve(name + ".log"), restart, false);
        }, policy, scheduler);
        supervised.add(child);
        child.start();
        return child;
    }
}
