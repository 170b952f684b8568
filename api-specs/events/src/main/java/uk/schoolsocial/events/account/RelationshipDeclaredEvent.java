package uk.schoolsocial.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import uk.schoolsocial.events.privacy.NotPersonalData;
import uk.schoolsocial.events.privacy.PersonalData;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.events.privacy.Whose;

/**
 * ACC-10: a member of staff declares a pre-existing link with a pupil or parent that means
 * social media contact. {@code relatedTo} is PUPIL or PARENT; {@code nature} FAMILY,
 * FAMILY_FRIEND or OTHER. Visible to SLT and the DSL only.
 */
@Revision("1")
public record RelationshipDeclaredEvent(
        String declarationId,
        String schoolId,
        String staffId,
        @NotPersonalData("PUPIL or PARENT")
        String relatedTo,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT},
                retention = RetentionClass.DECLARATION, sealedUnder = SubjectType.DECLARATION, keyFrom = "declarationId")
        String personName,
        @NotPersonalData("FAMILY, FAMILY_FRIEND or OTHER")
        String nature,
        @PersonalData(whose = {Whose.STAFF, Whose.PUPIL, Whose.PARENT},
                retention = RetentionClass.DECLARATION, sealedUnder = SubjectType.DECLARATION, keyFrom = "declarationId")
        String details,
        Instant declaredAt) {
}
