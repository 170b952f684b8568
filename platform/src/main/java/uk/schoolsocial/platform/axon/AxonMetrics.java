package uk.schoolsocial.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.LoggerFactory;

/**
 * Axon's figures on the service's Micrometer registry, scraped at {@code /prometheus} (issue 14,
 * docs/operations.md):
 * <ul>
 *   <li>Axon's own monitors (axon-micrometer), tagged by message type: command handling time and
 *       outcome per command ({@code commandBus_*{payloadType}}), events handled and their latency per
 *       processor ({@code eventProcessor_*{processorName,payloadType}}), events appended
 *       ({@code eventStore_*}).</li>
 *   <li>{@value #LAG_EVENTS}: per streaming processor, how many positions its token is behind the
 *       head of the stream it reads: the head's global index minus the lowest position of its segments'
 *       tokens in the token store. Read from the store, not from the processor, so it is known on every
 *       instance and while the processor is stopped by a failure (it then holds no segment).</li>
 *   <li>{@value #LAG_SECONDS}: 0 when it is at the head; otherwise now minus the later of the
 *       timestamp of the last event it handled and the last time it was seen at the head: an upper
 *       bound of how long its oldest waiting event has waited, which grows while it is stuck.</li>
 *   <li>{@value #DEAD_LETTERS}: events parked per processor ({@link DeadLetterQueues}).</li>
 * </ul>
 * The lag gauges are NaN until the processor has stored its first token.
 */
@Singleton
class AxonMetrics {

    static final String LAG_EVENTS = "axon.processor.lag.events";
    static final String LAG_SECONDS = "axon.processor.lag.seconds";
    static final String DEAD_LETTERS = "axon.processor.dead.letters";
    static final String PROCESSOR_TAG = "processor";
    /** One count of the dead-letter table serves every processor's gauge within a scrape. */
    private static final Duration COUNTS_KEPT = Duration.ofSeconds(2);

    private final MeterRegistry registry;
    private final ParkedEvents parked;
    private final Clock clock;
    private final DataSource pool;
    /** Per processor: the timestamp of the last event it handled, and when it was last seen at the head. */
    private final Map<String, Instant> lastHandled = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAtHead = new ConcurrentHashMap<>();
    private volatile Counts counts = new Counts(Map.of(), Instant.MIN);

    AxonMetrics(MeterRegistry registry, ParkedEvents parked, Clock clock, DataSource dataSource) {
        this.registry = registry;
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.parked = parked;
        this.clock = clock;
    }

    /** Registers Axon's monitors and, once the configuration starts, the gauges of its processors. */
    void configure(Configurer configurer) {
        new GlobalMetricRegistry(registry).registerWithConfigurerWithDefaultTags(configurer);
        configurer.eventProcessing().registerDefaultHandlerInterceptor((c, processor) -> recordingHandled(processor));
        configurer.onInitialize(c -> c.onStart(() -> bind(c)));
    }

    private MessageHandlerInterceptor<EventMessage<?>> recordingHandled(String processor) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            lastHandled.merge(processor, unitOfWork.getMessage().getTimestamp(),
                    (before, now) -> now.isAfter(before) ? now : before);
            return result;
        };
    }

    private void bind(Configuration configuration) {
        Instant started = clock.instant();
        configuration.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            Tags tags = Tags.of(PROCESSOR_TAG, name);
            Gauge.builder(DEAD_LETTERS, () -> parkedCounts().getOrDefault(name, 0L)).tags(tags)
                    .description("Events parked in the processor's dead-letter queue").register(registry);
            if (processor instanceof StreamingEventProcessor) {
                StreamableMessageSource<?> source = sourceOf(processor);
                if (source == null) {
                    return;
                }
                Serializer serializer = configuration.serializer();
                lastAtHead.put(name, started);
                Gauge.builder(LAG_EVENTS, () -> eventsBehind(name, source, serializer)).tags(tags)
                        .description("Positions of the stream the processor has not handled yet").register(registry);
                Gauge.builder(LAG_SECONDS, () -> secondsBehind(name, source, serializer)).tags(tags).baseUnit("seconds")
                        .description("How long the processor's oldest waiting event has waited, at most")
                        .register(registry);
            }
        });
    }

    private double eventsBehind(String name, StreamableMessageSource<?> source, Serializer serializer) {
        OptionalLong position = lowestPosition(name, serializer);
        if (position.isEmpty()) {
            return Double.NaN;
        }
        TrackingToken head = source.createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        return Math.max(0, headPosition - position.getAsLong());
    }

    private double secondsBehind(String name, StreamableMessageSource<?> source, Serializer serializer) {
        double behind = eventsBehind(name, source, serializer);
        Instant now = clock.instant();
        if (Double.isNaN(behind)) {
            return behind;
        }
        if (behind == 0) {
            lastAtHead.put(name, now);
            return 0;
        }
        Instant since = lastAtHead.get(name);
        Instant handled = lastHandled.get(name);
        if (handled != null && handled.isAfter(since)) {
            since = handled;
        }
        return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }

    /** The lowest position of the processor's segments in the token store; empty before it stored one. */
    private OptionalLong lowestPosition(String processor, Serializer serializer) {
        OptionalLong lowest = OptionalLong.empty();
        try (Connection connection = pool.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT token_type, token FROM token_entry WHERE processor_name = ?")) {
            read.setString(1, processor);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    byte[] token = rows.getBytes(2);
                    // A segment without a token has handled nothing: the store's first position is 1.
                    long position = 0;
                    if (type != null && token != null) {
                        TrackingToken stored = serializer.deserialize(
                                new SimpleSerializedObject<>(token, byte[].class, type, null));
                        position = stored.position().orElse(0);
                    }
                    lowest = OptionalLong.of(lowest.isPresent() ? Math.min(lowest.getAsLong(), position) : position);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the token store", e);
        }
        return lowest;
    }

    private Map<String, Long> parkedCounts() {
        Counts known = counts;
        Instant now = clock.instant();
        if (known.at().plus(COUNTS_KEPT).isBefore(now)) {
            known = new Counts(parked.countsByProcessor(), now);
            counts = known;
        }
        return known.byProcessor();
    }

    /**
     * The stream a pooled processor reads (the service's own store or another service's): Axon 4 does
     * not expose it, and a processor registered by a service names its source only in that service's
     * configuration, so it is read from the processor itself. Null (no lag gauges, logged) if Axon
     * changes the field.
     */
    private static StreamableMessageSource<?> sourceOf(Object processor) {
        if (!(processor instanceof PooledStreamingEventProcessor)) {
            return null;
        }
        try {
            Field field = PooledStreamingEventProcessor.class.getDeclaredField("messageSource");
            field.setAccessible(true);
            return (StreamableMessageSource<?>) field.get(processor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(AxonMetrics.class).warn("No lag gauges: cannot read the source of processor {}: {}",
                    ((PooledStreamingEventProcessor) processor).getName(), e.toString());
            return null;
        }
    }

    private record Counts(Map<String, Long> byProcessor, Instant at) {
    }
}
