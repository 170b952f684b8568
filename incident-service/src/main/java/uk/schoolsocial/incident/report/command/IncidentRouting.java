package uk.schoolsocial.incident.report.command;

import java.util.List;
import uk.schoolsocial.events.incident.AssignedRole;
import uk.schoolsocial.events.incident.IncidentCategory;
import uk.schoolsocial.events.incident.InvolvedPerson;
import uk.schoolsocial.events.incident.InvolvedPersonRole;
import uk.schoolsocial.events.incident.RoutingReason;

/**
 * INC-2: where a report goes the moment it is made. The categories decide; a pupil named among the
 * people involved turns bullying and an image without consent into a safeguarding concern.
 *
 * <table>
 *   <caption>INC-2 routing</caption>
 *   <tr><th>category</th><th>people involved</th><th>role</th><th>reason</th></tr>
 *   <tr><td>PUPIL_CONTACT_WITH_STAFF</td><td>any</td><td>DSL</td><td>PUPIL_CONTACT_WITH_STAFF</td></tr>
 *   <tr><td>EXTREMISM_OR_RADICALISATION</td><td>any</td><td>DSL</td><td>SAFEGUARDING_CONCERN</td></tr>
 *   <tr><td>BULLYING_OR_HARASSMENT, IMAGE_WITHOUT_CONSENT</td><td>a PUPIL</td><td>DSL</td><td>SAFEGUARDING_CONCERN</td></tr>
 *   <tr><td>BULLYING_OR_HARASSMENT, IMAGE_WITHOUT_CONSENT</td><td>no pupil</td><td>SLT</td><td>GENERAL</td></tr>
 *   <tr><td>STAFF_CONDUCT_BREACH, ABUSIVE_POST_ABOUT_STAFF</td><td>any</td><td>SLT</td><td>ABOUT_STAFF</td></tr>
 *   <tr><td>every other category</td><td>any</td><td>SLT</td><td>GENERAL</td></tr>
 * </table>
 *
 * A report about a member of staff goes to the headteacher even when pupils are named: seed 001
 * has conduct "notified to the DSL (if by a child) or to the Headteacher (if by a staff member)",
 * and seed 004 sends any communication from children to the DSL (INC-2).
 */
final class IncidentRouting {

    /** The outcome of routing, recorded in the event. */
    record Route(AssignedRole role, RoutingReason reason) {
    }

    private static final Route PUPIL_CONTACT = new Route(AssignedRole.DSL, RoutingReason.PUPIL_CONTACT_WITH_STAFF);
    private static final Route SAFEGUARDING = new Route(AssignedRole.DSL, RoutingReason.SAFEGUARDING_CONCERN);
    private static final Route ABOUT_STAFF = new Route(AssignedRole.SLT, RoutingReason.ABOUT_STAFF);
    private static final Route GENERAL = new Route(AssignedRole.SLT, RoutingReason.GENERAL);

    private IncidentRouting() {
    }

    static Route route(IncidentCategory category, List<InvolvedPerson> people) {
        return switch (category) {
            case PUPIL_CONTACT_WITH_STAFF -> PUPIL_CONTACT;
            case EXTREMISM_OR_RADICALISATION -> SAFEGUARDING;
            case BULLYING_OR_HARASSMENT, IMAGE_WITHOUT_CONSENT -> namesAPupil(people) ? SAFEGUARDING : GENERAL;
            case STAFF_CONDUCT_BREACH, ABUSIVE_POST_ABOUT_STAFF -> ABOUT_STAFF;
            default -> GENERAL;
        };
    }

    private static boolean namesAPupil(List<InvolvedPerson> people) {
        return people.stream().anyMatch(person -> person.role() == InvolvedPersonRole.PUPIL);
    }
}
