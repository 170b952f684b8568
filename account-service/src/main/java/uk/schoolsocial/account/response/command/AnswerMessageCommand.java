package uk.schoolsocial.account.response.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * ACC-8: an administrator of the account, or SLT, records that a logged message was answered.
 *
 * @param slt             whether the actor holds the SLT role
 * @param answeredAt      when the answer went out; null for now
 * @param expectedVersion from {@code If-Match}; null for whatever the current version
 */
public record AnswerMessageCommand(@TargetAggregateIdentifier MessageId messageId, String schoolId, String accountId,
                                   String actorId, boolean slt, Instant answeredAt, String answer,
                                   @TargetAggregateVersion Long expectedVersion) {
}
