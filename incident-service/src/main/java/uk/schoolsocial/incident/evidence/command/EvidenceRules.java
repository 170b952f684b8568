package uk.schoolsocial.incident.evidence.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Set;
import uk.schoolsocial.events.incident.EvidenceAddedEvent;
import uk.schoolsocial.incident.casefile.command.StepDetails;

/**
 * INC-1: what evidence the service keeps: screenshots, saved pages and messages, up to
 * {@link #MAX_BYTES} each.
 */
public final class EvidenceRules {

    /** The largest evidence item kept: 5 MiB. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Screenshots, PDFs of saved pages, plain text and saved e-mails. */
    public static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "message/rfc822");

    private EvidenceRules() {
    }

    /**
     * INC-1: records the item on the incident, once the incident (a member of its aggregate,
     * {@code report.command.Incident}) has checked who may add to it and that it is open.
     */
    public static void add(String incidentId, String schoolId, AddEvidenceCommand command, Instant now) {
        check(command);
        apply(new EvidenceAddedEvent(incidentId, schoolId, command.evidenceId(), command.mediaType(),
                command.sizeBytes(), command.sha256(), StepDetails.tidy(command.description()), command.actorId(),
                now));
    }

    static void check(AddEvidenceCommand command) {
        StepDetails.of("evidence")
                .check(command.mediaType() != null && MEDIA_TYPES.contains(command.mediaType()), "mediaType",
                        "must be one of " + new java.util.TreeSet<>(MEDIA_TYPES))
                .check(command.sizeBytes() > 0, "content", "must not be empty")
                .check(command.sizeBytes() <= MAX_BYTES, "content", "must be at most " + MAX_BYTES + " bytes")
                .check(command.sha256() != null && command.sha256().matches("[0-9a-f]{64}"), "sha256",
                        "must be a SHA-256 in hex")
                .orRefuse();
    }
}
