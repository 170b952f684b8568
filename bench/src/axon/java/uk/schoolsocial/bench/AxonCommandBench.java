package uk.schoolsocial.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.report.command.ReportIncidentCommand;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.platform.web.ReadYourWrites;

/**
 * Issue 13, phase 2: Axon's command path without HTTP. Starts incident-service's Micronaut context in
 * this JVM (no HTTP server: the context only, with its Flyway, Axon configuration, processors and
 * pools, on the schema that DATASOURCES_DEFAULT_URL names), then sends the command that
 * {@code POST /api/v1/incidents} sends (IncidentsController.reportIncident: the same command built the
 * same way, with the audit metadata CommandSender adds) through the CommandGateway bean with
 * {@code sendAndWait}, in a closed loop at 1 and 8 clients. Then again followed by the controller's
 * wait for its read model ({@code ReadYourWrites.await} on IncidentViewRepository, version 1), which
 * is the whole of the endpoint's work except HTTP, JSON, security and the filters.
 * <p>
 * Not compiled by Maven: bench/command-run.sh compiles it against the service jar it measures (so a
 * jar from before a change runs a phase compiled against its own classes), and the other benches
 * build without incident-service. Argument: the results file of CommandBench.
 */
public final class AxonCommandBench {

    private AxonCommandBench() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            IncidentViewRepository views = context.getBean(IncidentViewRepository.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            CommandBench.Probe probe = withChainLock(CommandBench.probes(null), meters);
            CommandBench.measure("2a Axon sendAndWait", index -> () -> send(commands, index), probe, results);
            CommandBench.measure("2b Axon + read-your-writes", index -> () -> {
                IncidentId id = send(commands, index);
                ReadYourWrites.await(() -> views.findById(id.value()), IncidentView::version, 1);
            }, probe, results);
        }
    }

    /** As IncidentsController.reportIncident and CommandSender.send build and send it. */
    private static IncidentId send(CommandGateway commands, int client) {
        IncidentId id = IncidentId.create();
        ReportIncidentCommand command = new ReportIncidentCommand(id, CommandBench.SCHOOL, "bench-staff-" + client,
                IncidentCategory.valueOf("PUPIL_CONTACT_WITH_STAFF"),
                "A Year 9 pupil sent a friend request to a teacher's personal account.",
                Instant.parse("2026-11-20T18:30:00Z"), "Instagram", "Direct message", false,
                List.of(new InvolvedPerson(InvolvedPersonRole.valueOf("PUPIL"), null, "Year 9 pupil"),
                        new InvolvedPerson(InvolvedPersonRole.valueOf("STAFF"), "staff-1", null)));
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR_ID, "bench-staff-" + client)
                .and(AuditMetadata.ACTOR_ROLES, "STAFF")
                .and(AuditMetadata.SCHOOL_ID, CommandBench.SCHOOL)
                .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        return id;
    }

    private static CommandBench.Probe withChainLock(CommandBench.Probe database, MeterRegistry meters) {
        return () -> {
            Map<String, Double> values = new LinkedHashMap<>(database.read());
            Timer lock = meters.find("smp.audit.chain.lock.wait").timer();
            if (lock != null) {
                values.put("chainLocks", (double) lock.count());
                values.put("chainLockWaitMs", lock.totalTime(TimeUnit.MILLISECONDS));
            }
            Timer hold = meters.find("smp.audit.chain.lock.hold").timer();
            if (hold != null) {
                values.put("chainLockHoldMs", hold.totalTime(TimeUnit.MILLISECONDS));
            }
            return values;
        };
    }
}
