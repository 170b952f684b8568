package uk.schoolsocial.incident.report.process;

import jakarta.inject.Singleton;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.incident.casefile.command.IncidentId;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.incident.report.command.ReassignLeaversIncidentCommand;

/**
 * When account-service reports a leaver (ACC-7, read from its event store), every open incident
 * they own goes back to SLT. The commands name the system as the actor, for the leaver's school,
 * under the correlation id of the leaving, so the trail links the two (AUD-1). Replaying a leaving
 * is harmless: the aggregate ignores incidents the leaver no longer owns.
 */
@Singleton
@ProcessingGroup(LeaverReassignment.GROUP)
public class LeaverReassignment {

    public static final String GROUP = "incident-account-leavers";
    static final String ACTOR = "system:staff-left";
    private final IncidentViewRepository views;

    LeaverReassignment(IncidentViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(StaffMemberLeftEvent event, MetaData metaData, CommandGateway commands) {
        Object correlation = metaData.getOrDefault(AuditMetadata.CORRELATION_ID, event.staffId());
        MetaData audit = MetaData.with(AuditMetadata.ACTOR_ID, ACTOR)
                .and(AuditMetadata.ACTOR_ROLES, "SYSTEM")
                .and(AuditMetadata.SCHOOL_ID, event.schoolId())
                .and(AuditMetadata.CORRELATION_ID, correlation)
                .and(AuditMetadata.REASON, "Staff member " + event.staffId() + " left on " + event.leavingDate());
        for (String incidentId : views.openOwnedBy(event.schoolId(), event.staffId())) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ReassignLeaversIncidentCommand(
                    new IncidentId(incidentId), event.schoolId(), event.staffId())).andMetaData(audit));
        }
    }
}
