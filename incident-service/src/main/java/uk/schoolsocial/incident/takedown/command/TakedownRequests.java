package uk.schoolsocial.incident.takedown.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.TakedownAbandonedEvent;
import uk.schoolsocial.events.incident.TakedownAddressee;
import uk.schoolsocial.events.incident.TakedownConfirmedEvent;
import uk.schoolsocial.events.incident.TakedownEscalationSuggestedEvent;
import uk.schoolsocial.events.incident.TakedownRequestedEvent;
import uk.schoolsocial.incident.casefile.command.IncidentError;
import uk.schoolsocial.incident.casefile.command.StepDetails;
import uk.schoolsocial.platform.error.DomainException;

/**
 * INC-5: an incident's takedown requests, whether each is settled (removed or abandoned) and when
 * a request to a platform falls due. Part of the incident aggregate ({@code report.command.Incident}),
 * which checks tenancy (and, for a new request, that the incident is open) and schedules the deadline.
 */
public final class TakedownRequests {

    /** Takedown id to whether it is settled (removed or abandoned). */
    private final Map<String, Boolean> takedownSettled = new HashMap<>();
    /**
     * INC-5: takedown id to when a request to a platform falls due, as the request fixed it. No rule
     * reads it (the deadline carries it); it is here so the record as of any moment shows it (AUD-2).
     */
    private final Map<String, Instant> takedownDueAt = new HashMap<>();

    /**
     * INC-5: a request to a platform falls due after the school's period for that platform, or
     * {@code defaultPeriod} where it set none, fixed now so a later change does not move it.
     *
     * @return when the request falls due; null for a request to a person
     */
    public Instant request(String incidentId, String schoolId, RequestTakedownCommand command, Instant now,
                           TakedownPeriods periods, Duration defaultPeriod) {
        StepDetails.of("takedown request").require("addressee", command.addressee())
                .requireText("addressedTo", command.addressedTo()).orRefuse();
        String addressedTo = command.addressedTo().strip();
        Instant due = command.addressee() == TakedownAddressee.PLATFORM
                ? now.plus(periods.of(schoolId, addressedTo).orElse(defaultPeriod)) : null;
        apply(new TakedownRequestedEvent(incidentId, schoolId, command.takedownId(), command.addressee(),
                addressedTo, StepDetails.tidy(command.reference()), command.actorId(), now, due));
        return due;
    }

    /** INC-5: a platform that has not acted by the due time is a case for the helpline. */
    public void unanswered(String incidentId, String schoolId, String takedownId, Instant now) {
        if (Boolean.FALSE.equals(takedownSettled.get(takedownId))) {
            apply(new TakedownEscalationSuggestedEvent(incidentId, schoolId, takedownId,
                    EscalationBody.PROFESSIONALS_ONLINE_SAFETY_HELPLINE, now));
        }
    }

    public void settle(String incidentId, String schoolId, SettleTakedownCommand command, Instant now) {
        Boolean done = takedownSettled.get(command.takedownId());
        if (done == null) {
            throw new DomainException(IncidentError.UNKNOWN_TAKEDOWN, "No such takedown request on this incident");
        }
        if (done) {
            throw new DomainException(IncidentError.TAKEDOWN_SETTLED, "The takedown request is settled already");
        }
        if (command.removed()) {
            apply(new TakedownConfirmedEvent(incidentId, schoolId, command.takedownId(), command.actorId(),
                    StepDetails.tidy(command.note()), now));
        } else {
            StepDetails.of("abandonment").requireText("reason", command.note()).orRefuse();
            apply(new TakedownAbandonedEvent(incidentId, schoolId, command.takedownId(), command.actorId(),
                    command.note().strip(), now));
        }
    }

    @EventSourcingHandler
    void on(TakedownRequestedEvent event) {
        takedownSettled.put(event.takedownId(), false);
        if (event.dueAt() != null) {
            takedownDueAt.put(event.takedownId(), event.dueAt());
        }
    }

    @EventSourcingHandler
    void on(TakedownConfirmedEvent event) {
        takedownSettled.put(event.takedownId(), true);
    }

    @EventSourcingHandler
    void on(TakedownAbandonedEvent event) {
        takedownSettled.put(event.takedownId(), true);
    }
}
