package uk.schoolsocial.account.application.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-1: a member of staff applies for an official account with a business case. */
public record SubmitApplicationCommand(@TargetAggregateIdentifier ApplicationId applicationId, ProposedCase proposal) {
}
