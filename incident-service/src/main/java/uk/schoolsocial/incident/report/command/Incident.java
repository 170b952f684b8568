package uk.schoolsocial.incident.report.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import uk.schoolsocial.events.incident.IncidentReportedEvent;
import uk.schoolsocial.events.incident.InvolvedPerson;

/** A social media incident, from its report (INC-1) and routing (INC-2) on. */
public class Incident {

    @AggregateIdentifier
    private String incidentId;

    protected Incident() {
        // for Axon
    }

    /** The narrative is recorded exactly as written: it may be evidence, so it is never trimmed. */
    @CommandHandler
    public Incident(ReportIncidentCommand command, Clock clock) {
        Instant now = clock.instant();
        IncidentReport.check(command, now);
        var people = command.peopleInvolved().stream().map(Incident::tidy).toList();
        IncidentRouting.Route route = IncidentRouting.route(command.category(), people);
        apply(new IncidentReportedEvent(command.incidentId().value(), command.schoolId(), command.reporterId(),
                command.category(), command.whatHappened(), command.occurredAt(), command.platform().strip(),
                command.location().strip(), command.officialAccountInvolved(), people, route.role(), route.reason(),
                now));
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
    }

    private static InvolvedPerson tidy(InvolvedPerson person) {
        return new InvolvedPerson(person.role(), blankToNull(person.rosterId()), blankToNull(person.description()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
