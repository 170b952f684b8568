package uk.schoolsocial.platform.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import uk.schoolsocial.events.AuditMetadata;

/**
 * AUD-1 for work a deadline does: when a deadline is scheduled it keeps the school and the
 * correlation id of the request that scheduled it, and names the system as the actor (nobody
 * acted when it fires), with the person whose request scheduled it as {@code scheduledBy}. The
 * events the deadline handler applies inherit this through the correlation data providers.
 */
final class DeadlineAuditInterceptor implements MessageDispatchInterceptor<DeadlineMessage<?>> {

    static final String SYSTEM_ACTOR = "system:deadline";
    static final String SYSTEM_ROLE = "SYSTEM";
    static final String SCHEDULED_BY = "scheduledBy";

    @Override
    public BiFunction<Integer, DeadlineMessage<?>, DeadlineMessage<?>> handle(List<? extends DeadlineMessage<?>> messages) {
        Map<String, Object> scheduling = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getCorrelationData() : Map.of();
        return (index, message) -> {
            Map<String, Object> audit = new HashMap<>();
            copy(scheduling, audit, AuditMetadata.SCHOOL_ID);
            copy(scheduling, audit, AuditMetadata.CORRELATION_ID);
            if (scheduling.get(AuditMetadata.ACTOR_ID) != null) {
                audit.put(SCHEDULED_BY, scheduling.get(AuditMetadata.ACTOR_ID));
            }
            audit.put(AuditMetadata.ACTOR_ID, SYSTEM_ACTOR + ":" + message.getDeadlineName());
            audit.put(AuditMetadata.ACTOR_ROLES, SYSTEM_ROLE);
            return message.andMetaData(audit);
        };
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String key) {
        if (from.get(key) != null) {
            to.put(key, from.get(key));
        }
    }
}
