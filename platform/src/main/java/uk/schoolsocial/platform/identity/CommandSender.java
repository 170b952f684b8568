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

    /**
     * Sends the command. A reason given for it travels in the command and is stored in its event,
     * sealed with the record's personal data (AUD-4): metadata carries no free text, since nothing
     * protects metadata, and the audit API reads the reason from the event ({@code reason} or
     * {@code notes}, {@code note}).
     */
    public <R> R send(Object command) {
        Actor actor = current.get();
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR_ID, actor.id())
                .and(AuditMetadata.ACTOR_ROLES, String.join(",", new java.util.TreeSet<>(actor.roles())))
                .and(AuditMetadata.SCHOOL_ID, actor.schoolId())
                .and(AuditMetadata.CORRELATION_ID, current.correlationId())
                .mergedWith(IdempotencyCommitInterceptor.claimOfCurrentRequest());
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
