package uk.schoolsocial.consent.consent.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.platform.error.FieldError;

/**
 * CON-6: what makes a roster entry impossible, beyond the contract's types: a pupil born in the
 * future (issue 11: {@code 20160314} was read as a birth in the year 57167). The web layer checks
 * every entry of a push before any is recorded, naming {@code pupils[i].dateOfBirth}; the
 * aggregate checks each command.
 */
public final class RosterRules {

    private RosterRules() {
    }

    /** The broken rules of one entry, by field name within the entry; none when it is possible. */
    public static List<FieldError> check(LocalDate dateOfBirth, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (dateOfBirth != null && dateOfBirth.isAfter(today)) {
            errors.add(new FieldError("dateOfBirth", "must not be in the future"));
        }
        return errors;
    }
}
