package uk.schoolsocial.consent.consent.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionLiftedEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.events.consent.PupilRosteredEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * One pupil of one school: their roster entry from the MIS (CON-6), their image consent per channel
 * (CON-1, CON-3) and their own objection (CON-2). Created by the roster: a pupil the MIS never
 * pushed does not exist, and consent is only taken from an adult the roster links to them.
 */
public class PupilConsent {

    @AggregateIdentifier
    private String pupilConsentId;
    private String schoolId;
    private String pupilId;
    private RosterEntry roster;
    private LocalDate leftOn;
    private boolean objected;
    private final Set<ConsentChannel> consented = EnumSet.noneOf(ConsentChannel.class);

    protected PupilConsent() {
        // for Axon
    }

    /** CON-6: a changed entry gives one event, an unchanged one none; a leaver is recorded once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RosterOutcome handle(RosterPupilCommand command, Clock clock, AcademicYears academicYears) {
        if (schoolId != null && !schoolId.equals(command.schoolId())) {
            throw new DomainException(ConsentError.NOT_FOUND, "No such pupil");
        }
        List<FieldError> impossible = RosterRules.check(command.dateOfBirth(), academicYears.today(clock));
        if (!impossible.isEmpty()) {
            throw new DomainException(ConsentError.INVALID_ROSTER_ENTRY, "The roster entry of " + command.pupilId()
                    + " cannot be true", impossible);
        }
        if (roster != null && roster.givenName() == null) {
            // AUD-4: the pupil was erased (their key destroyed, so their names read as null). The school
            // decided that; a roster push that still lists them changes nothing.
            return new RosterOutcome(AggregateLifecycle.getVersion(), false, false, false);
        }
        RosterEntry entry = RosterEntry.of(command);
        boolean added = roster == null;
        boolean changed = added || !roster.sameAs(entry);
        boolean leaving = command.leftOn() != null && leftOn == null;
        if (changed) {
            apply(new PupilRosteredEvent(command.pupilConsentId().value(), command.schoolId(), command.pupilId(),
                    entry.givenName(), entry.familyName(), entry.yearGroup(), entry.dateOfBirth(),
                    entry.parentalResponsibility(), clock.instant()));
        }
        if (leaving) {
            apply(new PupilLeftEvent(pupilConsentId, schoolId, pupilId, command.leftOn(), clock.instant()));
        }
        return new RosterOutcome(AggregateLifecycle.getVersion(), changed || leaving, leaving, added);
    }

    /** @return the version of the pupil's record after this consent; without an end, it ends with the school's year */
    @CommandHandler
    public long handle(RecordConsentCommand command, Clock clock, AcademicYears academicYears) {
        requireOwnSchool(command.schoolId());
        requireVisible(command.actorId(), command.onBehalf());
        ConsentForm.check(command, academicYears.today(clock));
        String giver = command.givenBy().strip();
        requireParentalResponsibility(giver, command.actorId(), command.onBehalf());
        if (leftOn != null) {
            throw new DomainException(ConsentError.PUPIL_LEFT, "The pupil left the school on " + leftOn);
        }
        apply(new ConsentGivenEvent(pupilConsentId, schoolId, pupilId, command.channel(), giver, command.method(),
                blankToNull(command.formReference()), command.givenOn(),
                command.validUntil() != null ? command.validUntil() : academicYears.endOn(schoolId, command.givenOn()),
                clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /** CON-3: any holder of parental responsibility withdraws, with effect at once. */
    @CommandHandler
    public long handle(WithdrawConsentCommand command, Clock clock) {
        requireOwnSchool(command.schoolId());
        requireVisible(command.actorId(), command.onBehalf());
        String adult = command.withdrawnBy() == null ? "" : command.withdrawnBy().strip();
        requireParentalResponsibility(adult, command.actorId(), command.onBehalf());
        if (!consented.contains(command.channel())) {
            throw new DomainException(ConsentError.NO_CONSENT_TO_WITHDRAW,
                    "No consent stands for " + command.channel() + " to withdraw");
        }
        apply(new ConsentWithdrawnEvent(pupilConsentId, schoolId, pupilId, command.channel(), adult, clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /** CON-2: the pupil's own objection, recorded by staff, overrides every consent. */
    @CommandHandler
    public long handle(RecordObjectionCommand command, Clock clock) {
        requireOwnSchool(command.schoolId());
        if (objected) {
            throw new DomainException(ConsentError.ALREADY_OBJECTED, "The pupil's objection is already recorded");
        }
        apply(new PupilObjectionRecordedEvent(pupilConsentId, schoolId, pupilId, command.actorId(),
                blankToNull(command.reason()), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * CON-2: lifting the pupil's objection is a decision like recording it, by the same staff and with a
     * reason; the pupil's consents count again from then on. Takedowns the objection opened stay open.
     */
    @CommandHandler
    public long handle(LiftObjectionCommand command, Clock clock) {
        requireOwnSchool(command.schoolId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainException(ConsentError.REASON_REQUIRED, "reason: must not be blank",
                    List.of(new FieldError("reason", "must not be blank")));
        }
        if (!objected) {
            throw new DomainException(ConsentError.NO_OBJECTION_TO_LIFT, "No objection of the pupil stands to lift");
        }
        apply(new PupilObjectionLiftedEvent(pupilConsentId, schoolId, pupilId, command.actorId(),
                command.reason().strip(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    private void requireOwnSchool(String school) {
        if (!school.equals(schoolId)) {
            throw new DomainException(ConsentError.NOT_FOUND, "No such pupil");
        }
    }

    /**
     * CON-1: a parent sees only the children the roster links them to; another family's pupil does
     * not exist for them, with the answer of an unknown pupil, as when they read it (issue 11: 422
     * here against 404 for an unknown id let a parent probe pupil ids).
     */
    private void requireVisible(String actorId, boolean onBehalf) {
        if (!onBehalf && !roster.hasParentalResponsibility(actorId)) {
            throw new DomainException(ConsentError.NOT_FOUND, "No such pupil");
        }
    }

    /** CON-1: a parent acts as themselves; staff act for a named adult; either way the roster must link them. */
    private void requireParentalResponsibility(String adult, String actorId, boolean onBehalf) {
        if (!onBehalf && !adult.equals(actorId)) {
            throw new DomainException(ConsentError.NOT_THE_GIVER, "A parent can only act as themselves");
        }
        if (!roster.hasParentalResponsibility(adult)) {
            throw new DomainException(ConsentError.NO_PARENTAL_RESPONSIBILITY,
                    "The roster does not link " + adult + " to this pupil with parental responsibility");
        }
    }

    @EventSourcingHandler
    void on(PupilRosteredEvent event) {
        pupilConsentId = event.pupilConsentId();
        schoolId = event.schoolId();
        pupilId = event.pupilId();
        roster = RosterEntry.of(event);
    }

    @EventSourcingHandler
    void on(PupilLeftEvent event) {
        leftOn = event.leftOn();
    }

    @EventSourcingHandler
    void on(ConsentGivenEvent event) {
        consented.add(event.channel());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawnEvent event) {
        consented.remove(event.channel());
    }

    @EventSourcingHandler
    void on(PupilObjectionRecordedEvent event) {
        objected = true;
    }

    @EventSourcingHandler
    void on(PupilObjectionLiftedEvent event) {
        objected = false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
