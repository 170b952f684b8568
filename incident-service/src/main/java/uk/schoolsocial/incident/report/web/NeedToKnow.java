package uk.schoolsocial.incident.report.web;

import java.util.Optional;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.Roles;

/**
 * INC-7: who sees what of an incident. The DSL and SLT see every case file of their school; anyone
 * else who may report sees only the status of their own reports. Roles that may not report at all
 * (AUDITOR, INTEGRATION) never get here: {@code @Secured} refuses them.
 */
enum NeedToKnow {
    CASE_FILE,
    OWN_STATUS;

    static NeedToKnow of(Actor actor) {
        return actor.hasAnyRole(Roles.DSL, Roles.SLT) ? CASE_FILE : OWN_STATUS;
    }

    /** The reporter filter of a list: none for the case file, the caller for their own reports. */
    String reporterFilter(Actor actor) {
        return this == CASE_FILE ? null : actor.id();
    }

    /** The incident if the caller may see it at all; empty (answered 404) for someone else's report. */
    Optional<IncidentView> filter(IncidentView view, Actor actor) {
        return this == CASE_FILE || view.reporterId().equals(actor.id()) ? Optional.of(view) : Optional.empty();
    }
}
