package uk.schoolsocial.account.roster.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.events.account.StaffMemberRosteredEvent;
import uk.schoolsocial.events.account.VolunteerRegisteredEvent;

/**
 * Keeps {@code staff_member_view}. Runs in a subscribing processor, in the transaction of the
 * roster command, because ACC-1 and ACC-3 check other commands against it (set-based validation):
 * a look-up that lagged behind would let an application name a leaver. Upserts, so a rebuild by
 * re-applying the events gives the same rows.
 */
@Singleton
@ProcessingGroup(RosterProjection.GROUP)
public class RosterProjection {

    public static final String GROUP = "account-roster";
    private final StaffMemberViewRepository members;

    RosterProjection(StaffMemberViewRepository members) {
        this.members = members;
    }

    @EventHandler
    void on(StaffMemberRosteredEvent event) {
        var before = members.findById(StaffMemberView.key(event.schoolId(), event.staffId()));
        upsert(StaffMemberView.of(event.schoolId(), event.staffId(), StaffMemberView.STAFF, event.forename(),
                event.surname(), event.source(), event.recordedAt(), before.orElse(null)), before.isPresent());
    }

    @EventHandler
    void on(VolunteerRegisteredEvent event) {
        var before = members.findById(StaffMemberView.key(event.schoolId(), event.volunteerId()));
        upsert(StaffMemberView.of(event.schoolId(), event.volunteerId(), StaffMemberView.VOLUNTEER, event.forename(),
                event.surname(), "HAND", event.registeredAt(), before.orElse(null)), before.isPresent());
    }

    @EventHandler
    void on(StaffMemberLeftEvent event) {
        members.findById(StaffMemberView.key(event.schoolId(), event.staffId()))
                .ifPresent(member -> members.update(member.leaving(event.leavingDate(), event.recordedAt())));
    }

    @EventHandler
    void on(StaffLeavingWithdrawnEvent event) {
        members.findById(StaffMemberView.key(event.schoolId(), event.staffId()))
                .ifPresent(member -> members.update(member.leaving(null, event.recordedAt())));
    }

    private void upsert(StaffMemberView view, boolean exists) {
        if (view.forename() == null || view.surname() == null) {
            return; // AUD-4: stored erased (the member was erased): not on the roster (StaffErasureScope)
        }
        if (exists) {
            members.update(view);
        } else {
            members.save(view);
        }
    }
}
