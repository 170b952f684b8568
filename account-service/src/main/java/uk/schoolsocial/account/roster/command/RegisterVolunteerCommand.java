package uk.schoolsocial.account.roster.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-1, ACC-5: a volunteer or parent who helps run an account is registered so they can administer it. */
public record RegisterVolunteerCommand(@TargetAggregateIdentifier RosterId rosterId, String volunteerId,
                                       String forename, String surname) {
}
