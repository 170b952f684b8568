package uk.schoolsocial.events.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that holds personal data (AUD-4). The code is the record of processing:
 * {@code docs/personal-data.md} is rendered from these annotations, and a test fails when an event
 * gains a text field that carries neither this nor {@link NotPersonalData}.
 *
 * <p>The field is stored sealed (AES-GCM) under the key of the subject named by {@link #sealedUnder()}
 * and {@link #keyFrom()}, so destroying that key erases it from every stored event while the chain,
 * which hashes the stored bytes, still verifies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** Whose data it is: the people it describes or may describe. */
    Whose[] whose();

    /** How long it is kept, and from when. */
    RetentionClass retention();

    /** Whose key seals it. */
    SubjectType sealedUnder();

    /**
     * The component of the event (the outermost record, for a component of a nested record) whose
     * value is the id of the {@link #sealedUnder()} subject.
     */
    String keyFrom();
}
