package uk.schoolsocial.account.response.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.account.MessageChannel;
import uk.schoolsocial.events.account.MessageType;

/**
 * ACC-8: an administrator of the account, or SLT, logs a comment, query or complaint the account
 * received at {@code receivedAt}.
 *
 * @param slt whether the actor holds the SLT role
 */
public record LogMessageCommand(@TargetAggregateIdentifier MessageId messageId, String schoolId, String accountId,
                                String actorId, boolean slt, MessageType type, MessageChannel channel,
                                String summary, Instant receivedAt) {
}
