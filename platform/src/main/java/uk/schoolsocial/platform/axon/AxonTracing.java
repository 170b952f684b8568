package uk.schoolsocial.platform.axon;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DefaultCommandBusSpanFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DefaultDeadlineManagerSpanFactory;
import org.axonframework.eventhandling.DefaultEventBusSpanFactory;
import org.axonframework.eventhandling.DefaultEventProcessorSpanFactory;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.slf4j.MDC;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.platform.web.RequestLogContext;

/**
 * Issue 14: Axon's work in the trace of the request that caused it, and its log lines marked with
 * the request's ids.
 * <ul>
 *   <li>Spans: Axon's OpenTelemetry span factory on Micronaut's {@link OpenTelemetry} (exported over
 *       OTLP where {@code otel.traces.exporter} says so, docs/operations.md). A command's dispatch
 *       and handling, the aggregate's load, the events' publication and each event processor's
 *       handling of them are spans; the trace context travels in the messages' metadata
 *       ({@code traceparent}), so an event handled later by a streaming processor, or a command a
 *       process manager sends, is a child in the same trace rather than a new trace with a link
 *       (within {@link #SAME_TRACE_LIMIT} of the event; a replay starts traces of its own).</li>
 *   <li>Log lines: while a handler runs, the MDC holds the correlation id, school and actor of the
 *       message (the ids the request put in its metadata, never names), as a request's lines do
 *       ({@link RequestLogContext}); deadlines too.</li>
 * </ul>
 */
@Singleton
class AxonTracing {

    /** An event older than this when handled starts a trace of its own (linked), e.g. on a replay. */
    static final java.time.Duration SAME_TRACE_LIMIT = java.time.Duration.ofMinutes(2);

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final SpanFactory spans;

    AxonTracing(OpenTelemetry openTelemetry) {
        this.spans = OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("axon"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }

    void configure(Configurer configurer) {
        configurer.configureSpanFactory(c -> spans)
                .registerComponent(CommandBusSpanFactory.class, c -> DefaultCommandBusSpanFactory.builder()
                        .spanFactory(spans).distributedInSameTrace(true).build())
                .registerComponent(EventBusSpanFactory.class, c -> DefaultEventBusSpanFactory.builder()
                        .spanFactory(spans).build())
                .registerComponent(DeadlineManagerSpanFactory.class, c -> DefaultDeadlineManagerSpanFactory.builder()
                        .spanFactory(spans).build())
                .registerComponent(EventProcessorSpanFactory.class, c -> DefaultEventProcessorSpanFactory.builder()
                        .spanFactory(spans).distributedInSameTrace(true)
                        .distributedInSameTraceTimeLimit(SAME_TRACE_LIMIT).build());
        configurer.eventProcessing().registerDefaultHandlerInterceptor((c, processor) -> new LogContext<>());
    }

    CommandBusSpanFactory commandBusSpans(Configuration configuration) {
        return configuration.getComponent(CommandBusSpanFactory.class);
    }

    EventBusSpanFactory eventBusSpans(Configuration configuration) {
        return configuration.getComponent(EventBusSpanFactory.class);
    }

    DeadlineManagerSpanFactory deadlineSpans(Configuration configuration) {
        return configuration.getComponent(DeadlineManagerSpanFactory.class);
    }

    /** The message's ids in the MDC while its handler runs; what was there before is put back. */
    static final class LogContext<T extends org.axonframework.messaging.Message<?>> implements MessageHandlerInterceptor<T> {

        @Override
        public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
            Map<String, String> before = MDC.getCopyOfContextMap();
            try {
                Map<String, ?> metaData = unitOfWork.getMessage().getMetaData();
                put(RequestLogContext.CORRELATION_ID, metaData.get(AuditMetadata.CORRELATION_ID));
                put(RequestLogContext.SCHOOL, metaData.get(AuditMetadata.SCHOOL_ID));
                put(RequestLogContext.ACTOR, metaData.get(AuditMetadata.ACTOR_ID));
                return chain.proceed();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(new HashMap<>(before));
                }
            }
        }

        private static void put(String key, Object value) {
            if (value != null && PLAIN.matcher(value.toString()).matches()) {
                MDC.put(key, value.toString());
            }
        }
    }
}
