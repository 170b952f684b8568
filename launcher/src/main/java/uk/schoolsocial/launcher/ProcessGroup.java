package uk.schoolsocial.launcher;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * The services and the gateway as child JVMs. Services start together, since none needs another
 * to start; the gateway starts once they are healthy, so its first request finds them up. Once
 * all are up, each is {@linkplain SupervisedChild supervised}: one that dies is started again
 * while the others run on (issue 11). Every process is {@linkplain ProcessRecords recorded} from
 * its start until it has stopped, so a launcher killed meanwhile leaves a way to find it.
 */
final class ProcessGroup {

    private static final Logger LOG = Logger.getLogger(ProcessGroup.class.getName());
    private static final List<Deployable> SERVICES =
            List.of(Deployable.ACCOUNT, Deployable.INCIDENT, Deployable.CONSENT);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ChildLaunchPlan plan;
    private final DataDirectory dataDir;
    private final ProcessRecords records;
    private final boolean echo;
    private final RestartPolicy restartPolicy;
    private final ScheduledExecutorService supervisor =
            Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "supervisor");
                thread.setDaemon(true); // never what keeps a JVM alive; the owner stops the group
                return thread;
            });
    private final Map<Deployable, SupervisedChild> children = new EnumMap<>(Deployable.class);
    private boolean stopped;

    ProcessGroup(ChildLaunchPlan plan, DataDirectory dataDir, ProcessRecords records, boolean echo,
            RestartPolicy restartPolicy) {
        this.plan = plan;
        this.dataDir = dataDir;
        this.records = records;
        this.echo = echo;
        this.restartPolicy = restartPolicy;
    }

    /** @throws SuiteStartException when a process dies or stays unhealthy past {@code timeout} */
    void start(HealthProbe probe, Duration timeout) throws InterruptedException {
        long began = System.nanoTime();
        List<ChildProcess> services = new ArrayList<>();
        for (Deployable service : SERVICES) {
            services.add(launch(service));
        }
        for (ChildProcess service : services) {
            service.awaitHealthy(probe, timeout);
            LOG.info(service.name() + " is up (" + Durations.since(began) + ")");
        }
        launch(Deployable.GATEWAY).awaitHealthy(probe, timeout);
        LOG.info("gateway is up (" + Durations.since(began) + ")");
        watchAll();
    }

    URI gatewayUrl() {
        return plan.baseUrl(Deployable.GATEWAY);
    }

    Map<String, URI> serviceUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        SERVICES.forEach(service -> urls.put(service.moduleName(), plan.baseUrl(service)));
        return urls;
    }

    /** @return the supervision of a started deployable, with its current process */
    synchronized SupervisedChild child(Deployable deployable) {
        return children.get(deployable);
    }

    /**
     * Ends the supervision, then stops the gateway first, so no request reaches a service that is
     * going away.
     */
    void stop() {
        Map<Deployable, SupervisedChild> running;
        synchronized (this) {
            stopped = true;
            running = new EnumMap<>(children);
        }
        Map<Deployable, ChildProcess> processes = new EnumMap<>(Deployable.class);
        running.forEach((deployable, child) -> processes.put(deployable, child.stop()));
        supervisor.shutdownNow();
        ChildProcess gateway = processes.remove(Deployable.GATEWAY);
        if (gateway != null) {
            gateway.requestStop();
            gateway.awaitStop(STOP_GRACE);
        }
        processes.values().forEach(ChildProcess::requestStop);
        processes.values().forEach(service -> service.awaitStop(STOP_GRACE));
        running.keySet().forEach(deployable -> records.forget(deployable.moduleName()));
    }

    private synchronized void watchAll() {
        if (stopped) {
            throw new SuiteStartException("The suite was stopped while starting");
        }
        children.values().forEach(SupervisedChild::watch);
    }

    /**
     * Registered under the lock, started outside it: the child's own lock is taken before this
     * one on a restart, never after, so the two cannot deadlock.
     */
    private ChildProcess launch(Deployable deployable) {
        SupervisedChild child = new SupervisedChild(deployable.moduleName(),
                restart -> spawn(deployable, restart), restartPolicy, supervisor);
        synchronized (this) {
            requireRunning(deployable);
            children.put(deployable, child);
        }
        return child.start();
    }

    /**
     * Starts under the lock, so a concurrent {@link #stop()} either sees the process or prevents
     * it. A process that cannot be recorded is stopped again: it would outlive a killed launcher.
     */
    private synchronized ChildProcess spawn(Deployable deployable, boolean restart) {
        requireRunning(deployable);
        ChildProcess process = ChildProcess.start(
                deployable.moduleName(),
                plan.baseUrl(deployable),
                plan.command(deployable),
                plan.environment(deployable),
                dataDir.log(deployable.moduleName()),
                restart,
                echo);
        try {
            records.record(deployable.moduleName(), process.handle());
        } catch (RuntimeException e) {
            process.requestStop();
            process.awaitStop(Duration.ZERO);
            throw e;
        }
        return process;
    }

    private void requireRunning(Deployable deployable) {
        if (stopped) {
            throw new SuiteStartException("The suite was stopped while starting " + deployable.moduleName());
        }
    }
}
