package uk.schoolsocial.account.declaration.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-10: SLT approves or refuses the exception, with a reason. */
public record DecideRelationshipCommand(@TargetAggregateIdentifier DeclarationId declarationId, String schoolId,
                                        String actorId, boolean approve, String reason) {
}
