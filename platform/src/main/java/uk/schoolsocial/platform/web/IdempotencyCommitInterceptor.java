package uk.schoolsocial.platform.web;

import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * Marks the idempotency record of a keyed request committed in the transaction that commits the
 * request's events (decision 8), so that a retry can never run again a command whose events are
 * stored. Axon runs an event bus's dispatch interceptors as the unit of work prepares its commit,
 * just before the events are appended, inside the command's transaction. The command carries the
 * request's claim in its metadata ({@link #claimOfCurrentRequest()}); a claim that no longer holds
 * the key (released, or taken over once its lease ran out) refuses the commit, and the command
 * rolls back.
 */
@Singleton
public final class IdempotencyCommitInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    /** Command metadata: the claim of the keyed request that sent it. No correlation provider copies it to events. */
    public static final String CLAIM = "idempotencyClaim";
    private static final String COMMITTED = IdempotencyCommitInterceptor.class.getName() + ".committed";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyCommitInterceptor.class);

    private final IdempotencyStore store;

    IdempotencyCommitInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    /** The metadata that ties a command to the keyed request being served; empty for any other. */
    public static Map<String, String> claimOfCurrentRequest() {
        return ServerRequestContext.currentRequest().flatMap(IdempotencyFilter::claimOf)
                .map(claim -> Map.of(CLAIM, claim)).orElse(Map.of());
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            commit(CurrentUnitOfWork.get().root(), events);
        }
        return (index, event) -> event;
    }

    private void commit(UnitOfWork<?> unit, List<? extends EventMessage<?>> events) {
        Object claim = unit.getMessage() == null ? null : unit.getMessage().getMetaData().get(CLAIM);
        if (claim == null || unit.resources().containsKey(COMMITTED)) {
            return;
        }
        // The record the request changed is the aggregate of its first event; its version, that aggregate's last.
        List<DomainEventMessage<?>> changes = events.stream().filter(DomainEventMessage.class::isInstance)
                .<DomainEventMessage<?>>map(DomainEventMessage.class::cast).toList();
        String record = changes.isEmpty() ? null : changes.get(0).getAggregateIdentifier();
        Long version = changes.stream().filter(event -> event.getAggregateIdentifier().equals(record))
                .map(DomainEventMessage::getSequenceNumber).reduce(Math::max).orElse(null);
        if (!store.commit(claim.toString(), record, version)) {
            LOG.warn("{} outlived the lease on its Idempotency-Key, which a retry took over; it rolls back",
                    unit.getMessage().getPayloadType().getSimpleName());
            throw new DomainException(PlatformError.IDEMPOTENCY_KEY_IN_PROGRESS, "Another request with this"
                    + " Idempotency-Key took over after this one outlived its lease; this one changed nothing");
        }
        unit.resources().put(COMMITTED, Boolean.TRUE);
    }
}
