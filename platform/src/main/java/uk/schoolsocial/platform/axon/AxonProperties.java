package uk.schoolsocial.platform.axon;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Tunables of the Axon runtime of a service ({@code smp.axon.*}).
 *
 * @param batchSize        events per processor transaction; the knob that matters for replay speed
 * @param segments         initial token segments of each pooled streaming processor
 * @param processorThreads worker threads of each pooled streaming processor
 * @param gapTimeoutMillis how long the JDBC engine waits for a gap in global indexes to fill
 *                         (AxonFramework issue 4829: keep every transaction far shorter than this)
 * @param deadlinePoll     how often the persistent deadline scheduler polls its table
 * @param otherInstancesPoll how often idle processors look for events another instance of the service
 *                         appended (issue 13); this instance's own commits wake them at once
 * @param deadlineHeartbeat how often an instance running a deadline says so; after four missed
 *                         heartbeats another instance runs the deadline again (an instance that
 *                         died while running it, issue 13)
 */
@ConfigurationProperties("smp.axon")
public record AxonProperties(int batchSize, int segments, int processorThreads, int gapTimeoutMillis,
                             Duration deadlinePoll, Duration otherInstancesPoll, Duration deadlineHeartbeat) {

    public AxonProperties {
        batchSize = batchSize > 0 ? batchSize : 100;
        segments = segments > 0 ? segments : 1;
        processorThreads = processorThreads > 0 ? processorThreads : 1;
        gapTimeoutMillis = gapTimeoutMillis > 0 ? gapTimeoutMillis : 60_000;
        deadlinePoll = deadlinePoll != null ? deadlinePoll : Duration.ofSeconds(5);
        otherInstancesPoll = otherInstancesPoll != null && otherInstancesPoll.toMillis() > 0 ? otherInstancesPoll
                : Duration.ofMillis(500);
        deadlineHeartbeat = deadlineHeartbeat != null && deadlineHeartbeat.toMillis() > 0 ? deadlineHeartbeat
                : Duration.ofSeconds(30);
    }
}
