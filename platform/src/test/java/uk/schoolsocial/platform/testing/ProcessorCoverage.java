package uk.schoolsocial.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.modelling.saga.AbstractSagaManager;

/**
 * Issue 11 for a whole service: every streaming processor that runs event handlers, those a
 * service configures itself and those reading another service's events included, parks what it
 * cannot handle in a dead-letter queue (sagas, which Axon 4 cannot dead-letter, stop and retry).
 */
public final class ProcessorCoverage {

    private ProcessorCoverage() {
    }

    /** Asserts it, and that {@code expected} are among the processors checked. */
    public static void everyStreamingProcessorParks(Configuration axon, String... expected) {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor && !runsSagas(processor.getValue())) {
                assertTrue(processing.sequencedDeadLetterProcessor(processor.getKey()).isPresent(),
                        processor.getKey() + " has no dead-letter queue: a failed event would be skipped");
                checked.add(processor.getKey());
            }
        }
        assertEquals(List.of(), Stream.of(expected).filter(name -> !checked.contains(name)).toList(),
                "expected streaming processors not found among " + checked);
    }

    private static boolean runsSagas(EventProcessor processor) {
        return processor instanceof AbstractEventProcessor p && invokers(p.eventHandlerInvoker())
                .anyMatch(AbstractSagaManager.class::isInstance);
    }

    private static Stream<EventHandlerInvoker> invokers(EventHandlerInvoker invoker) {
        return invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates().stream().flatMap(ProcessorCoverage::invokers) : Stream.of(invoker);
    }
}
