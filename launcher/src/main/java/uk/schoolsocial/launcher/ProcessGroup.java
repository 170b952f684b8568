package uk.schoolsocial.launcher;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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
 * its start until it has stopped, so a launcher killed meanwhile leaves a way to find it. With
 * {@code SMP_INSTANCES} above 1 each service runs as that many processes, all started together
 * (issue 13); the gateway is told of them all.
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
    /** By process name ({@link Deployable#processName}), in start order. */
    private final Map<String, SupervisedChild> children = new LinkedHashMap<>();
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
            for (int instance = 0; instance < plan.instances(service); instance++) {
                services.add(launch(service, instance));
            }
        }
        for (ChildProcess service : services) {
            service.awaitHealthy(probe, timeout);
            LOG.info(service.name() + " is up (" + Durations.since(began) + ")");
        }
        launch(Deployable.GATEWAY, 0).awaitHealthy(probe, timeout);
        LOG.info("gateway is up (" + Durations.since(began) + ")");
        watchAll();
    }

    URI gatewayUrl() {
        return plan.baseUrl(Deployable.GATEWAY);
    }

    Map<String, URI> serviceUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        SERVICES.forEach(service -> {
            for (int instance = 0; instance < plan.instances(service); instance++) {
                urls.put(service.processName(instance), plan.baseUrl(service, instance));
            }
        });
        return urls;
    }

    /** @return the supervision of a started deployable (its first instance), with its current process */
    synchronized SupervisedChild child(Deployable deployable) {
        return child(deployable, 0);
    }

    /** @param instance from 0 */
    synchronized SupervisedChild child(Deployable deployable, int instance) {
        return children.get(deployable.processName(instance));
    }

    /**
     * Ends the supervision, then stops the gateway first, so no request reaches a service that is
     * going away.
     */
    void stop() {
        Map<String, SupervisedChild> running;
        synchronized (this) {
            stopped = true;
            running = new LinkedHashMap<>(children);
        }
        Map<String, ChildProcess> processes = new LinkedHashMap<>();
        running.forEach((name, child) -> processes.put(name, child.stop()));
        supervisor.shutdownNow();
        ChildProcess gateway = processes.remove(Deployable.GATEWAY.processName(0));
        if (gateway != null) {
            gateway.requestStop();
            gateway.awaitStop(STOP_GRACE);
        }
        processes.values().forEach(ChildProcess::requestStop);
        processes.values().forEach(service -> service.awaitStop(STOP_GRACE));
        running.keySet().forEach(records::forget);
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
    private ChildProcess launch(Deployable deployable, int instance) {
        String name = deployable.processName(instance);
        SupervisedChild child = new SupervisedChild(name,
                restart -> spawn(deployable, instance, restart), restartPolicy, supervisor);
        synchronized (this) {
            requireRunning(deployable);
            children.put(name, child);
        }
        return child.start();
    }

    /**
     * Starts under the lock, so a concurrent {@link #stop()} either sees the process or prevents
     * it. A process that cannot be recorded is stopped again: it would outlive a killed launcher.
     */
    private synchronized ChildProcess spawn(Deployable deployable, int instance, boolean restart) {
        requireRunning(deployable);
        String name = deployable.processName(instance);
        ChildProcess process = ChildProcess.start(
                name,
                plan.baseUrl(deployable, instance),
                plan.command(deployable),
                plan.environment(deployable, instance),
                dataDir.log(name),
                restart,
                echo);
        try {
            records.record(name, process.handle());
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
