package uk.schoolsocial.launcher;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

/**
 * The services and the gateway as child JVMs. Services start together, since none needs another
 * to start; the gateway starts once they are healthy, so its first request finds them up.
 */
final class ProcessGroup {

    private static final Logger LOG = Logger.getLogger(ProcessGroup.class.getName());
    private static final List<Deployable> SERVICES =
            List.of(Deployable.ACCOUNT, Deployable.INCIDENT, Deployable.CONSENT);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ChildLaunchPlan plan;
    private final DataDirectory dataDir;
    private final boolean echo;
    private final List<ChildProcess> services = new ArrayList<>();
    private ChildProcess gateway;
    private boolean stopped;

    ProcessGroup(ChildLaunchPlan plan, DataDirectory dataDir, boolean echo) {
        this.plan = plan;
        this.dataDir = dataDir;
        this.echo = echo;
    }

    /** @throws SuiteStartException when a process dies or stays unhealthy past {@code timeout} */
    void start(HealthProbe probe, Duration timeout) throws InterruptedException {
        long began = System.nanoTime();
        for (Deployable service : SERVICES) {
            launch(service);
        }
        for (ChildProcess service : List.copyOf(services)) {
            service.awaitHealthy(probe, timeout);
            LOG.info(service.name() + " is up (" + Durations.since(began) + ")");
        }
        launch(Deployable.GATEWAY).awaitHealthy(probe, timeout);
        LOG.info("gateway is up (" + Durations.since(began) + ")");
    }

    URI gatewayUrl() {
        return plan.baseUrl(Deployable.GATEWAY);
    }

    Map<String, URI> serviceUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        SERVICES.forEach(service -> urls.put(service.moduleName(), plan.baseUrl(service)));
        return urls;
    }

    /** Stops the gateway first, so no request reaches a service that is going away. */
    void stop() {
        ChildProcess runningGateway;
        List<ChildProcess> runningServices;
        synchronized (this) {
            stopped = true;
            runningGateway = gateway;
            runningServices = List.copyOf(services);
        }
        if (runningGateway != null) {
            runningGateway.requestStop();
            runningGateway.awaitStop(STOP_GRACE);
        }
        runningServices.forEach(ChildProcess::requestStop);
        runningServices.forEach(service -> service.awaitStop(STOP_GRACE));
    }

    /** @return why a process ended, or empty when {@link #stop()} ended it */
    Optional<String> awaitUnexpectedExit() throws InterruptedException {
        List<ChildProcess> all;
        synchronized (this) {
            all = new ArrayList<>(services);
            Optional.ofNullable(gateway).ifPresent(all::add);
        }
        try {
            CompletableFuture.anyOf(all.stream().map(ChildProcess::onExit).toArray(CompletableFuture[]::new))
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a process exit could not be observed", e);
        }
        synchronized (this) {
            if (stopped) {
                return Optional.empty();
            }
        }
        return all.stream().filter(child -> !child.isAlive()).findFirst().map(ChildProcess::exitReport);
    }

    /** Starts under the lock, so a concurrent {@link #stop()} either sees the child or prevents it. */
    private synchronized ChildProcess launch(Deployable deployable) {
        if (stopped) {
            throw new SuiteStartException("The suite was stopped while starting " + deployable.moduleName());
        }
        ChildProcess child =
                ChildProcess.start(
                        deployable.moduleName(),
                        plan.baseUrl(deployable),
                        plan.command(deployable),
                        plan.environment(deployable),
                        dataDir.log(deployable.moduleName()),
                        echo);
        if (deployable == Deployable.GATEWAY) {
            gateway = child;
        } else {
            services.add(child);
        }
        return child;
    }
}
