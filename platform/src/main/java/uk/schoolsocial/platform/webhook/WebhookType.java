package uk.schoolsocial.platform.webhook;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import uk.schoolsocial.platform.identity.Roles;

/**
 * The webhook types of the whole suite (INT-1, decision 12), in one list every service knows, so a
 * subscription made once at the gateway is checked alike everywhere. Each names the roles that may
 * read the record it is about (the contracts' role rules): a subscriber gets a type only if one of
 * its roles may, so INTEGRATION never hears of an incident, a consent or an account (INC-7).
 * Only SLT and INTEGRATION subscribe.
 */
public enum WebhookType {
    STAFF_ROSTERED("staff.rostered", Roles.SLT, Roles.INTEGRATION),
    STAFF_LEFT("staff.left", Roles.SLT, Roles.INTEGRATION),
    STAFF_LEAVING_WITHDRAWN("staff.leaving-withdrawn", Roles.SLT, Roles.INTEGRATION),
    ACCOUNT_LIVE("account.live", Roles.SLT),
    ACCOUNT_SUSPENDED("account.suspended", Roles.SLT),
    ACCOUNT_REINSTATED("account.reinstated", Roles.SLT),
    ACCOUNT_CLOSED("account.closed", Roles.SLT),
    HANDOVER_OPENED("handover.opened", Roles.SLT),
    HANDOVER_COMPLETED("handover.completed", Roles.SLT),
    INCIDENT_REPORTED("incident.reported", Roles.SLT),
    INCIDENT_ASSESSED("incident.assessed", Roles.SLT),
    INCIDENT_ESCALATED("incident.escalated", Roles.SLT),
    INCIDENT_CLOSED("incident.closed", Roles.SLT),
    INCIDENT_REOPENED("incident.reopened", Roles.SLT),
    CONSENT_GIVEN("consent.given", Roles.SLT, Roles.INTEGRATION),
    CONSENT_WITHDRAWN("consent.withdrawn", Roles.SLT, Roles.INTEGRATION),
    OBJECTION_RECORDED("consent.objection-recorded", Roles.SLT, Roles.INTEGRATION),
    PUBLICATION_REGISTERED("publication.registered", Roles.SLT),
    PUBLICATION_TAKEN_DOWN("publication.taken-down", Roles.SLT);

    /** Who may subscribe at all. */
    public static final Set<String> SUBSCRIBERS = Set.of(Roles.SLT, Roles.INTEGRATION);

    private final String wireName;
    private final Set<String> readers;

    WebhookType(String wireName, String... readers) {
        this.wireName = wireName;
        this.readers = Set.of(readers);
    }

    /** As in the payload's {@code type} and a subscription's {@code eventTypes}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a subscriber with these roles may be told of this type's records. */
    public boolean readableBy(Set<String> roles) {
        return roles.stream().anyMatch(readers::contains);
    }

    public static Optional<WebhookType> of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
