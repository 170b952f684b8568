package uk.schoolsocial.account.declaration.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ACC-10: a member of staff declares a pre-existing link with a pupil or parent. */
public record DeclareRelationshipCommand(@TargetAggregateIdentifier DeclarationId declarationId, String schoolId,
                                         String staffId, String relatedTo, String personName, String nature,
                                         String details) {
}
