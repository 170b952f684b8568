package uk.schoolsocial.account.official.process;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import uk.schoolsocial.account.official.command.AccountId;
import uk.schoolsocial.account.official.command.EscalateHandoverCommand;
import uk.schoolsocial.account.official.command.OpenedHandover;
import uk.schoolsocial.account.official.command.RecordAdministratorLeftCommand;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;

/**
 * ACC-7, the handover process of one leaver: every account they administer is told of the
 * departure and decides whether a handover is needed (it knows who is fit); each handover that
 * opens gets a persistent deadline, so an overdue one escalates to SLT even across a restart. The
 * process ends when every handover it opened is done (transfer or closure).
 */
public class HandoverSaga {

    static final String OVERDUE = "handover-overdue";

    /** Open handovers of this leaver: handover id to the id of its deadline. */
    private Map<String, String> open = new HashMap<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "staffId")
    void on(StaffMemberLeftEvent event, AdministeredAccounts accounts, CommandGateway commands,
            DeadlineManager deadlines) {
        for (String accountId : accounts.administeredBy(event.schoolId(), event.staffId())) {
            OpenedHandover handover = commands.sendAndWait(new RecordAdministratorLeftCommand(new AccountId(accountId),
                    event.schoolId(), event.staffId(), event.leavingDate()));
            if (handover != null) {
                SagaLifecycle.associateWith("handoverId", handover.handoverId());
                open.put(handover.handoverId(), deadlines.schedule(handover.dueAt(), OVERDUE,
                        new HandoverDeadline(handover.accountId(), handover.handoverId())));
            }
        }
        if (open.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = "handoverId")
    void on(HandoverCompletedEvent event, DeadlineManager deadlines) {
        String deadline = open.remove(event.handoverId());
        if (deadline != null) {
            deadlines.cancelSchedule(OVERDUE, deadline);
        }
        if (open.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE)
    void overdue(HandoverDeadline deadline, CommandGateway commands) {
        commands.sendAndWait(new EscalateHandoverCommand(new AccountId(deadline.accountId()), deadline.handoverId()));
    }
}
