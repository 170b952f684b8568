package uk.schoolsocial.platform.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The audit chain's figures at {@code /prometheus} (issue 14, docs/operations.md):
 * <ul>
 *   <li>{@code smp_audit_chain_length}: events chained so far, read from the chain's head (AUD-3);
 *       it rises with every committed append and never falls.</li>
 *   <li>{@code smp_audit_chain_lock_wait_seconds}: how long each append waited for the chain's
 *       head, which serialises appends (decision 6): when it grows, writers queue behind each
 *       other.</li>
 *   <li>{@code smp_audit_chain_lock_hold_seconds}: how long each append held the head, from taking
 *       it to the end of its transaction (commit or rollback): what every other writer of the
 *       service waits behind (issue 13).</li>
 * </ul>
 */
@Singleton
public class ChainMetrics {

    private final Timer lockWait;
    private final Timer lockHold;

    ChainMetrics(MeterRegistry registry, DataSource dataSource) {
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        Gauge.builder("smp.audit.chain.length", () -> length(pool))
                .description("Events in the audit chain (the head's sequence number)").register(registry);
        this.lockWait = Timer.builder("smp.audit.chain.lock.wait")
                .description("Time an append waited for the audit chain's head").publishPercentileHistogram()
                .register(registry);
        this.lockHold = Timer.builder("smp.audit.chain.lock.hold")
                .description("Time an append held the audit chain's head, until its transaction ended")
                .publishPercentileHistogram().register(registry);
    }

    /** What the service's store records each append's wait on. */
    public Timer lockWait() {
        return lockWait;
    }

    /** What the service's store records each append's hold of the head on. */
    public Timer lockHold() {
        return lockHold;
    }

    private static double length(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return EventChainWriter.head(connection).seq();
        } catch (SQLException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
