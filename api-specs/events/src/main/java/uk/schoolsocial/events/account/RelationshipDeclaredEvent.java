package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ACC-10: a member of staff declares a pre-existing link with a pupil or parent that means
 * social media contact. {@code relatedTo} is PUPIL or PARENT; {@code nature} FAMILY,
 * FAMILY_FRIEND or OTHER. Visible to SLT and the DSL only.
 */
@Revision("1")
public record RelationshipDeclaredEvent(String declarationId, String schoolId, String staffId, String relatedTo,
                                        String personName, String nature, String details, Instant declaredAt) {
}
