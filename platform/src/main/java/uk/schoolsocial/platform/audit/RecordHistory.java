package uk.schoolsocial.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import uk.schoolsocial.events.AuditMetadata;

/**
 * Any record of the service as it stood at an instant, rebuilt from its events by the aggregate's
 * own event sourcing handlers (not read from a read model), and its timeline in plain words (AUD-2).
 */
@Singleton
public class RecordHistory {

    private final Configuration axon;
    private final EventStore events;
    private final Map<String, AggregateModel<?>> models = new HashMap<>();

    RecordHistory(Configuration axon, EventStore events) {
        this.axon = axon;
        this.events = events;
    }

    /** The record rebuilt from its events up to and including {@code asOf}; empty if it had none yet, or is another school's. */
    public Optional<RecordState> asOf(String schoolId, String aggregateId, Instant asOf) {
        List<DomainEventMessage<?>> history = history(schoolId, aggregateId);
        List<DomainEventMessage<?>> upTo = history.stream().filter(e -> !e.getTimestamp().isAfter(asOf)).toList();
        if (upTo.isEmpty()) {
            return Optional.empty();
        }
        DomainEventMessage<?> last = upTo.get(upTo.size() - 1);
        String type = last.getType();
        AggregateModel<?> model = model(type);
        JsonNode state = model == null ? null : rebuild(model, upTo);
        return Optional.of(new RecordState(type, aggregateId, asOf, last.getSequenceNumber(), upTo.size(),
                history.size(), last.getTimestamp(), state));
    }

    /** Every event of the record, oldest first, in words; empty if unknown or another school's. */
    public Optional<Timeline> timeline(String schoolId, String aggregateId) {
        List<DomainEventMessage<?>> history = history(schoolId, aggregateId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (DomainEventMessage<?> event : history) {
            String actor = string(event.getMetaData().get(AuditMetadata.ACTOR_ID));
            String roles = string(event.getMetaData().get(AuditMetadata.ACTOR_ROLES));
            String reason = Reasons.of(event.getPayload(), string(event.getMetaData().get(AuditMetadata.REASON)));
            String what = words(event.getPayloadType().getSimpleName());
            String text = event.getTimestamp() + ": " + what + " by " + actor
                    + (roles == null || roles.isBlank() ? "" : " (" + roles.replace(",", ", ") + ")")
                    + (reason == null || reason.isBlank() ? "." : ", because: " + reason);
            entries.add(new TimelineEntry(event.getSequenceNumber(), event.getTimestamp(), event.getPayloadType()
                    .getSimpleName(), what, actor, roles, reason, text));
        }
        return Optional.of(new Timeline(aggregateId, history.get(0).getType(), entries));
    }

    private List<DomainEventMessage<?>> history(String schoolId, String aggregateId) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        DomainEventStream stream = events.readEvents(aggregateId);
        stream.forEachRemaining(all::add);
        if (all.isEmpty() || !schoolId.equals(string(all.get(0).getMetaData().get(AuditMetadata.SCHOOL_ID)))) {
            return List.of();
        }
        return all;
    }

    private synchronized AggregateModel<?> model(String type) {
        if (models.isEmpty()) {
            for (AggregateConfiguration<?> aggregate : axon.findModules(AggregateConfiguration.class)) {
                Class<?> clazz = aggregate.aggregateType();
                // The configuration's resolvers: handlers take components such as the Clock as parameters.
                models.put(clazz.getSimpleName(), AnnotatedAggregateMetaModelFactory.inspectAggregate(clazz,
                        axon.parameterResolverFactory(), axon.handlerDefinition(clazz)));
            }
        }
        return models.get(type);
    }

    private <T> JsonNode rebuild(AggregateModel<T> model, List<DomainEventMessage<?>> upTo) {
        try {
            var constructor = model.entityClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            T root = constructor.newInstance();
            // No event bus: applying historic events publishes nothing.
            EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, (org.axonframework.eventhandling.EventBus) null,
                    org.axonframework.eventsourcing.NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(upTo.stream()));
            return RecordStateWriter.state(aggregate.getAggregateRoot());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot rebuild a " + model.entityClass().getSimpleName(), e);
        }
    }

    /** {@code ApplicationSubmittedEvent} → {@code Application submitted}. */
    static String words(String eventType) {
        String name = eventType.endsWith("Event") ? eventType.substring(0, eventType.length() - 5) : eventType;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                text.append(' ').append(Character.toLowerCase(c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** A record as it stood: its type, version and the fields its events had given it. */
    public record RecordState(String aggregateType, String aggregateId, Instant asOf, long version,
                              int eventsApplied, int eventsInTotal, Instant lastChangedAt, JsonNode state) {
    }

    /** A record's timeline: what kind of record, and its events in words. */
    public record Timeline(String aggregateId, String aggregateType, List<TimelineEntry> entries) {
    }

    /** One line of a record's timeline. */
    public record TimelineEntry(long sequenceNumber, Instant occurredAt, String eventType, String what,
                                String actorId, String actorRoles, String reason, String text) {
    }
}
