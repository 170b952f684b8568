package uk.schoolsocial.events.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component judged not to hold personal data (AUD-4), with the reason, so that the judgement
 * is written down where the field is declared and reviewed with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface NotPersonalData {

    /** Why it is not personal data. */
    String value();
}
