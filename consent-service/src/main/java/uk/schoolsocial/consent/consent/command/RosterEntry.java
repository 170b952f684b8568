package uk.schoolsocial.consent.consent.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import uk.schoolsocial.events.consent.PupilRosteredEvent;

/** What the roster says about a pupil (CON-6), compared as a whole so that an unchanged push adds nothing. */
record RosterEntry(String givenName, String familyName, String yearGroup, LocalDate dateOfBirth,
                   List<String> parentalResponsibility) {

    static RosterEntry of(RosterPupilCommand command) {
        return new RosterEntry(command.givenName().strip(), command.familyName().strip(), command.yearGroup().strip(),
                command.dateOfBirth(), command.parentalResponsibility().stream()
                .map(String::strip).filter(id -> !id.isEmpty()).distinct().sorted().toList());
    }

    static RosterEntry of(PupilRosteredEvent event) {
        return new RosterEntry(event.givenName(), event.familyName(), event.yearGroup(), event.dateOfBirth(),
                event.parentalResponsibility());
    }

    boolean hasParentalResponsibility(String adultId) {
        return adultId != null && parentalResponsibility.contains(adultId.strip());
    }

    boolean sameAs(RosterEntry other) {
        return Objects.equals(this, other);
    }
}
