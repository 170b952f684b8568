package uk.schoolsocial.account.official.process;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;

/**
 * ACC-7: a leaver's handover process is theirs in their school: staff ids are the MIS's and only
 * unique within a school, so the process is found by {@code <schoolId>/<staffId>}.
 */
public class LeaverAssociation implements AssociationResolver {

    static final String KEY = "leaver";

    static String of(String schoolId, String staffId) {
        return schoolId + "/" + staffId;
    }

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        // every event it resolves is named below
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message,
                              MessageHandlingMember<T> handler) {
        Object payload = message.getPayload();
        if (payload instanceof StaffMemberLeftEvent left) {
            return of(left.schoolId(), left.staffId());
        }
        if (payload instanceof StaffLeavingWithdrawnEvent withdrawn) {
            return of(withdrawn.schoolId(), withdrawn.staffId());
        }
        throw new IllegalArgumentException("No leaver in " + payload.getClass().getSimpleName());
    }
}
