package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.events.privacy.ErasureGround;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.platform.error.ErrorDetails;

/**
 * The retention schedule (AUD-4, UK GDPR Art. 5(1)(e)): every {@code smp.privacy.retention.interval}
 * (on Micronaut's scheduler, never a sleeping thread) it asks the service's scopes which records'
 * retention clocks are running, applies each school's period ({@link RetentionPeriods}), and erases
 * each one past it with ground {@code RETENTION_EXPIRED}, by the system, through the same command as
 * a person's erasure: a record under a hold is kept and reported. What it did is recorded per school
 * ({@code GET /api/v1/privacy/{service}/retention}). One instance at a time runs it (a database lock).
 */
@Singleton
public class RetentionSchedule extends AbstractHealthIndicator<Map<String, Object>> {

    static final String SYSTEM_ACTOR = "system:retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    private static final String LOCK = "school-social-retention";

    private final ErasureScopes scopes;
    private final RetentionPeriods periods;
    private final CommandGateway commands;
    private final DataSource pool;
    private final Clock clock;
    private final boolean enabled;
    private volatile Instant lastSuccess;
    private volatile Instant failingSince;
    private volatile String lastError;

    RetentionSchedule(ErasureScopes scopes, RetentionPeriods periods, CommandGateway commands, DataSource dataSource,
                      Clock clock, @Value("${smp.privacy.retention.enabled:true}") boolean enabled) {
        this.scopes = scopes;
        this.periods = periods;
        this.commands = commands;
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
        this.enabled = enabled;
    }

    /** What one run did, per school. */
    public record Outcome(Map<String, Integer> erased, Map<String, List<String>> held) {
    }

    @Scheduled(initialDelay = "${smp.privacy.retention.interval:1h}", fixedDelay = "${smp.privacy.retention.interval:1h}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            run();
            lastSuccess = clock.instant();
            failingSince = null;
            lastError = null;
        } catch (RuntimeException e) {
            // retried at the next interval; /health is DOWN (retentionSchedule) until a run succeeds
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            lastError = e.getClass().getSimpleName();
            LOG.warn("The retention schedule could not run ({}); it runs again at the next interval, see /health",
                    lastError);
        }
    }

    /** DOWN while the last scheduled run failed: expired personal data is then kept past its period. */
    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = failingSince == null ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("lastSuccess", lastSuccess == null ? null : lastSuccess.toString());
        details.put("failingSince", failingSince == null ? null : failingSince.toString());
        details.put("lastError", lastError);
        return details;
    }

    @Override
    protected String getName() {
        return "retentionSchedule";
    }

    /** One run, now; empty when another instance holds the lock. */
    public Outcome run() {
        try (Connection lock = pool.getConnection()) {
            if (!lock(lock)) {
                return new Outcome(Map.of(), Map.of());
            }
            try {
                return expire();
            } finally {
                try (PreparedStatement release = lock.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, LOCK);
                    release.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The retention schedule could not take its lock", e);
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            take.setString(1, LOCK);
            try (ResultSet row = take.executeQuery()) {
                return row.next() && row.getInt(1) == 1;
            }
        }
    }

    private Outcome expire() {
        Instant now = clock.instant();
        Map<String, Integer> erased = new TreeMap<>();
        Map<String, List<String>> held = new TreeMap<>();
        for (RetentionClass retention : RetentionClass.values()) {
            Map<String, Period> overrides = periods.overrides(retention);
            Period shortest = overrides.values().stream().min(Comparator.comparing(RetentionSchedule::approximateDays))
                    .filter(p -> approximateDays(p) < approximateDays(retention.defaultPeriod()))
                    .orElse(retention.defaultPeriod());
            for (ErasureScope.Expiry expiry : scopes.expiring(retention, minus(now, shortest))) {
                Period period = overrides.getOrDefault(expiry.schoolId(), retention.defaultPeriod());
                if (minus(now, period).isBefore(expiry.startedAt()) || periods.erased(expiry.schoolId(), expiry.subject())) {
                    continue;
                }
                erased.putIfAbsent(expiry.schoolId(), 0);
                held.putIfAbsent(expiry.schoolId(), new ArrayList<>());
                try {
                    erase(expiry);
                    erased.merge(expiry.schoolId(), 1, Integer::sum);
                } catch (CommandExecutionException refused) {
                    ErrorDetails details = refused.<ErrorDetails>getDetails().orElse(null);
                    if (details == null || !PrivacyError.ERASURE_HELD.name().equals(details.code())) {
                        throw refused;
                    }
                    details.errors().forEach(hold -> held.get(expiry.schoolId()).add(expiry.subject() + " kept: "
                            + hold.message()));
                }
            }
        }
        erased.forEach((school, count) -> periods.recordRun(school, now, count, held.getOrDefault(school, List.of())));
        if (!erased.isEmpty()) {
            LOG.info("Retention schedule: {} subjects erased, {} kept under a hold, in {} schools",
                    erased.values().stream().mapToInt(Integer::intValue).sum(),
                    held.values().stream().mapToInt(List::size).sum(), erased.size());
        }
        return new Outcome(erased, held);
    }

    private void erase(ErasureScope.Expiry expiry) {
        MetaData audit = MetaData.with(AuditMetadata.ACTOR_ID, SYSTEM_ACTOR)
                .and(AuditMetadata.ACTOR_ROLES, "SYSTEM")
                .and(AuditMetadata.SCHOOL_ID, expiry.schoolId())
                .and(AuditMetadata.CORRELATION_ID, "retention-" + UUID.randomUUID());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new EraseSubjectCommand(UUID.randomUUID().toString(),
                expiry.schoolId(), expiry.subject().type(), expiry.subject().id(), null, ErasureGround.RETENTION_EXPIRED,
                SYSTEM_ACTOR)).andMetaData(audit));
    }

    private static Instant minus(Instant now, Period period) {
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    private static long approximateDays(Period period) {
        return period.toTotalMonths() * 31 + period.getDays();
    }
}
