package uk.schoolsocial.incident.escalation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.events.incident.EscalationBody;
import uk.schoolsocial.events.incident.EscalationRecordedEvent;
import uk.schoolsocial.events.incident.EscalationResponseRecordedEvent;
import uk.schoolsocial.incident.casefile.command.IncidentError;
import uk.schoolsocial.incident.casefile.command.StepDetails;
import uk.schoolsocial.platform.error.DomainException;

/**
 * INC-4: an incident's escalations to outside bodies and whether each was answered. Part of the
 * incident aggregate ({@code report.command.Incident}), which checks tenancy (and, for a new
 * escalation, that the incident is open) before it asks.
 */
public final class Escalations {

    private final Set<EscalationBody> escalatedTo = new HashSet<>();
    /** Escalation id to whether the body's response is recorded. */
    private final Map<String, Boolean> escalationAnswered = new HashMap<>();

    public void record(String incidentId, String schoolId, RecordEscalationCommand command, Instant now) {
        StepDetails.of("escalation").require("body", command.body()).require("escalatedAt", command.escalatedAt())
                .check(command.escalatedAt() == null || !command.escalatedAt().isAfter(now.plus(StepDetails.CLOCK_SKEW)),
                        "escalatedAt", "must not be in the future")
                .orRefuse();
        apply(new EscalationRecordedEvent(incidentId, schoolId, command.escalationId(), command.body(),
                command.escalatedAt(), command.actorId(), StepDetails.tidy(command.externalReference()),
                StepDetails.tidy(command.details()), now));
    }

    public void recordResponse(String incidentId, String schoolId, RecordEscalationResponseCommand command,
                               Instant now) {
        Boolean done = escalationAnswered.get(command.escalationId());
        if (done == null) {
            throw new DomainException(IncidentError.UNKNOWN_ESCALATION, "No such escalation on this incident");
        }
        if (done) {
            throw new DomainException(IncidentError.ESCALATION_ANSWERED, "The response is recorded already");
        }
        StepDetails.of("response").requireText("response", command.response()).orRefuse();
        apply(new EscalationResponseRecordedEvent(incidentId, schoolId, command.escalationId(), command.response(),
                StepDetails.tidy(command.externalReference()), command.actorId(), now));
    }

    /** Whether the incident was ever escalated to {@code body}. */
    public boolean includes(EscalationBody body) {
        return escalatedTo.contains(body);
    }

    @EventSourcingHandler
    void on(EscalationRecordedEvent event) {
        escalatedTo.add(event.body());
        escalationAnswered.put(event.escalationId(), false);
    }

    @EventSourcingHandler
    void on(EscalationResponseRecordedEvent event) {
        escalationAnswered.put(event.escalationId(), true);
    }
}
