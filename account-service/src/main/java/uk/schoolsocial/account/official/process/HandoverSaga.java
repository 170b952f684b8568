package uk.schoolsocial.account.official.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import uk.schoolsocial.account.official.command.AccountId;
import uk.schoolsocial.account.official.command.CancelHandoverCommand;
import uk.schoolsocial.account.official.command.EscalateHandoverCommand;
import uk.schoolsocial.account.official.command.OpenedHandover;
import uk.schoolsocial.account.official.command.RecordAdministratorLeftCommand;
import uk.schoolsocial.account.official.command.RescheduleHandoverCommand;
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;

/**
 * ACC-7, the handover process of one leaver in their school, from notice to departure. At notice every
 * account they administer is told and decides whether a handover is needed (it knows who is fit); each
 * handover that opens gets a persistent deadline at the end of the leaving date, so an overdue one
 * escalates to SLT even across a restart. When the leaving date ends, every account they still run is
 * told again and they stop running it. A moved leaving date moves the deadlines; a withdrawn one
 * cancels the handovers. The process ends once they have left and every handover it opened is done.
 */
public class HandoverSaga {

    static final String OVERDUE = "handover-overdue";
    static final String DEPARTED = "staff-departed";

    /** Open handovers of this leaver: handover id to the id of its deadline. */
    private Map<String, String> open = new HashMap<>();
    /** The account of each open handover (absent for processes begun before leaving dates could move). */
    private Map<String, String> accounts = new HashMap<>();
    /** The leaving date last stated; null for processes begun before notice was kept apart from leaving. */
    private LocalDate leavingDate;
    /** The id of the departure deadline, until the leaving date has ended. */
    private String departure;

    @StartSaga
    @SagaEventHandler(associationProperty = "staffId", keyName = LeaverAssociation.KEY,
            associationResolver = LeaverAssociation.class)
    void on(StaffMemberLeftEvent event, AdministeredAccounts administered, CommandGateway commands,
            DeadlineManager deadlines, LeavingDates dates) {
        if (leavingDate == null) {
            leavingDate = event.leavingDate();
            check(event.schoolId(), event.staffId(), administered, commands, deadlines);
            if (dates.endOf(leavingDate).isAfter(event.recordedAt())) {
                departure = deadlines.schedule(dates.endOf(leavingDate), DEPARTED,
                        new Departure(event.schoolId(), event.staffId(), leavingDate));
            }
        } else if (!leavingDate.equals(event.leavingDate())) {
            leavingDate = event.leavingDate();
            open.replaceAll((handoverId, deadline) -> rescheduled(handoverId, deadline, commands, deadlines));
            if (departure != null) {
                deadlines.cancelSchedule(DEPARTED, departure);
            }
            // a date moved back into the past falls due at once
            departure = deadlines.schedule(dates.endOf(leavingDate), DEPARTED,
                    new Departure(event.schoolId(), event.staffId(), leavingDate));
        }
        // the same date stated again (after a rename) changes nothing
        endIfDone();
    }

    /** The leaver is staying: their handovers are cancelled, and nothing happens at the old leaving date. */
    @SagaEventHandler(associationProperty = "staffId", keyName = LeaverAssociation.KEY,
            associationResolver = LeaverAssociation.class)
    void on(StaffLeavingWithdrawnEvent event, CommandGateway commands, DeadlineManager deadlines) {
        open.forEach((handoverId, deadline) -> {
            deadlines.cancelSchedule(OVERDUE, deadline);
            String accountId = accounts.get(handoverId);
            if (accountId != null) {
                commands.sendAndWait(new CancelHandoverCommand(new AccountId(accountId), handoverId));
            }
        });
        if (departure != null) {
            deadlines.cancelSchedule(DEPARTED, departure);
        }
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = "handoverId")
    void on(HandoverCompletedEvent event, DeadlineManager deadlines) {
        String deadline = open.remove(event.handoverId());
        accounts.remove(event.handoverId());
        if (deadline != null) {
            deadlines.cancelSchedule(OVERDUE, deadline);
        }
        endIfDone();
    }

    @DeadlineHandler(deadlineName = OVERDUE)
    void overdue(HandoverDeadline deadline, CommandGateway commands) {
        commands.sendAndWait(new EscalateHandoverCommand(new AccountId(deadline.accountId()), deadline.handoverId()));
    }

    /** The leaving date has ended: they stop running every account they still do. */
    @DeadlineHandler(deadlineName = DEPARTED)
    void departed(Departure left, AdministeredAccounts administered, CommandGateway commands,
                  DeadlineManager deadlines) {
        departure = null;
        check(left.schoolId(), left.staffId(), administered, commands, deadlines);
        endIfDone();
    }

    /** Every account the leaver runs is told; each handover that opens gets its deadline. */
    private void check(String schoolId, String staffId, AdministeredAccounts administered, CommandGateway commands,
                       DeadlineManager deadlines) {
        for (String accountId : administered.administeredBy(schoolId, staffId)) {
            OpenedHandover handover = commands.sendAndWait(new RecordAdministratorLeftCommand(new AccountId(accountId),
                    schoolId, staffId, leavingDate));
            if (handover != null) {
                SagaLifecycle.associateWith("handoverId", handover.handoverId());
                accounts.put(handover.handoverId(), handover.accountId());
                open.put(handover.handoverId(), deadlines.schedule(handover.dueAt(), OVERDUE,
                        new HandoverDeadline(handover.accountId(), handover.handoverId())));
            }
        }
    }

    /** The handover falls due when the new leaving date ends; its deadline moves with it. */
    private String rescheduled(String handoverId, String deadline, CommandGateway commands, DeadlineManager deadlines) {
        String accountId = accounts.get(handoverId);
        if (accountId == null) {
            return deadline;
        }
        Instant due = commands.sendAndWait(new RescheduleHandoverCommand(new AccountId(accountId), handoverId,
                leavingDate));
        if (due == null) {
            return deadline;
        }
        deadlines.cancelSchedule(OVERDUE, deadline);
        return deadlines.schedule(due, OVERDUE, new HandoverDeadline(accountId, handoverId));
    }

    private void endIfDone() {
        if (open.isEmpty() && departure == null) {
            SagaLifecycle.end();
        }
    }
}
