package uk.schoolsocial.consent.consent.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.events.consent.ConsentMethod;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * CON-1: what a consent record needs, checked all at once so that every gap is named. The web
 * layer applies {@link #rulesBetweenFields} together with the schema's own checks, so that one
 * answer names every bad field; the aggregate applies {@link #check} to every command.
 */
public final class ConsentForm {

    private ConsentForm() {
    }

    static void check(RecordConsentCommand command, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (command.channel() == null) {
            errors.add(new FieldError("channel", "is required"));
        }
        if (command.givenBy() == null || command.givenBy().isBlank()) {
            errors.add(new FieldError("givenBy", "must not be blank"));
        }
        if (command.method() == null) {
            errors.add(new FieldError("method", "is required"));
        }
        if (command.givenOn() == null) {
            errors.add(new FieldError("givenOn", "is required"));
        }
        errors.addAll(rulesBetweenFields(command.method(), command.formReference(), command.givenOn(),
                command.validUntil(), today));
        if (!errors.isEmpty()) {
            throw new DomainException(ConsentError.INVALID_CONSENT,
                    "The consent record is incomplete or invalid: " + errors.stream().map(FieldError::field).toList(),
                    errors);
        }
    }

    /**
     * The rules that tie one field to another, or to the day: a paper form has a reference, consent
     * is not given in the future (issue 11: a date of 20260101 was read as the year 57440), and it
     * does not end before it was given. A field that is missing breaks no rule here.
     *
     * @param today the day it is at the school
     */
    public static List<FieldError> rulesBetweenFields(ConsentMethod method, String formReference, LocalDate givenOn,
                                                      LocalDate validUntil, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (givenOn != null && givenOn.isAfter(today)) {
            errors.add(new FieldError("givenOn", "must not be in the future"));
        }
        if (method == ConsentMethod.PAPER_FORM && (formReference == null || formReference.isBlank())) {
            errors.add(new FieldError("formReference", "is required for a paper form"));
        }
        if (givenOn != null && validUntil != null && validUntil.isBefore(givenOn)) {
            errors.add(new FieldError("validUntil", "must not be before givenOn"));
        }
        return errors;
    }
}
