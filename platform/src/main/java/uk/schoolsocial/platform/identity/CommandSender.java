package uk.schoolsocial.platform.identity;

import jakarta.inject.Singleton;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.platform.web.IdempotencyCommitInterceptor;

/**
 * Sends a command for the current request with the audit metadata of AUD-1 (actor, roles,
 * school, correlation id, reason) and the request's idempotency claim, if it holds one (decision
 * 8), and waits for its events to be committed.
 */
@Singleton
public class CommandSender {

    private final CommandGateway commands;
    private final CurrentActor current;

    CommandSender(CommandGateway commands, CurrentActor current) {
        this.commands = commands;
        this.current = current;
    }

    public <R> R send(Object command) {
        return send(command, null);
    }

    /** As {@link #send(Object)}, recording why the actor did it. */
    public <R> R send(Object command, String reason) {
        Actor actor = current.get();
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR_ID, actor.id())
                .and(AuditMetadata.ACTOR_ROLES, String.join(",", new java.util.TreeSet<>(actor.roles())))
                .and(AuditMetadata.SCHOOL_ID, actor.schoolId())
                .and(AuditMetadata.CORRELATION_ID, current.correlationId())
                .mergedWith(IdempotencyCommitInterceptor.claimOfCurrentRequest());
        if (reason != null && !reason.isBlank()) {
            metaData = metaData.and(AuditMetadata.REASON, reason);
        }
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
