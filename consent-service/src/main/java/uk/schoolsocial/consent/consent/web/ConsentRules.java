package uk.schoolsocial.consent.consent.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;

/**
 * CON-1's rules between fields of a consent request, checked in the same pass as the schema's
 * constraints so that one 400 names every bad field (the schema alone cannot say "a paper form
 * needs a reference"). Public only because Micronaut builds the annotation at run time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Constraint(validatedBy = {})
public @interface ConsentRules {

    String message() default "breaks a rule of consent";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}
