package uk.schoolsocial.consent.consent.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import uk.schoolsocial.consent.api.model.ConsentHistoryEntry;
import uk.schoolsocial.consent.api.model.ConsentHistoryEntryType;
import uk.schoolsocial.consent.api.model.ConsentSheet;
import uk.schoolsocial.consent.api.model.ConsentSheetRow;
import uk.schoolsocial.consent.api.model.PublicationChannel;
import uk.schoolsocial.consent.api.model.SigningMethod;
import uk.schoolsocial.events.AuditMetadata;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionLiftedEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.events.consent.PupilRosteredEvent;

/** The consent history (from the pupil's events) and the consent sheet, to API model and CSV. */
final class ConsentReadsMapper {

    private ConsentReadsMapper() {
    }

    /** One history entry per event of the pupil's record; names and date of birth stay out of it. */
    static Optional<ConsentHistoryEntry> toEntry(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        ConsentHistoryEntry entry;
        if (payload instanceof PupilRosteredEvent rostered) {
            entry = entry(event, ConsentHistoryEntryType.ROSTERED, rostered.rosteredAt());
            entry.setYearGroup(rostered.yearGroup());
        } else if (payload instanceof PupilLeftEvent left) {
            entry = entry(event, ConsentHistoryEntryType.LEFT, left.recordedAt());
            entry.setLeavingDate(left.leftOn());
        } else if (payload instanceof ConsentGivenEvent given) {
            entry = entry(event, ConsentHistoryEntryType.CONSENT_GIVEN, given.recordedAt());
            entry.setChannel(channel(given.channel()));
            entry.setAdult(given.givenBy());
            entry.setMethod(SigningMethod.fromValue(given.method().name()));
            entry.setFormReference(given.formReference());
            entry.setValidUntil(given.validUntil());
        } else if (payload instanceof ConsentWithdrawnEvent withdrawn) {
            entry = entry(event, ConsentHistoryEntryType.CONSENT_WITHDRAWN, withdrawn.withdrawnAt());
            entry.setChannel(channel(withdrawn.channel()));
            entry.setAdult(withdrawn.withdrawnBy());
        } else if (payload instanceof PupilObjectionRecordedEvent objection) {
            entry = entry(event, ConsentHistoryEntryType.OBJECTION_RECORDED, objection.recordedAt());
            entry.setReason(objection.reason());
        } else if (payload instanceof PupilObjectionLiftedEvent lifted) {
            entry = entry(event, ConsentHistoryEntryType.OBJECTION_LIFTED, lifted.liftedAt());
            entry.setReason(lifted.reason());
        } else {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private static ConsentHistoryEntry entry(DomainEventMessage<?> event, ConsentHistoryEntryType type, Instant at) {
        ConsentHistoryEntry entry = new ConsentHistoryEntry(event.getSequenceNumber(), type, at.atZone(ZoneOffset.UTC));
        Object actor = event.getMetaData().get(AuditMetadata.ACTOR_ID);
        entry.setRecordedBy(actor == null ? null : actor.toString());
        return entry;
    }

    private static PublicationChannel channel(ConsentChannel channel) {
        return PublicationChannel.fromValue(channel.name());
    }

    static ConsentSheet toApi(String yearGroup, java.time.LocalDate asOf,
                              List<uk.schoolsocial.consent.consent.query.ConsentSheetRow> rows) {
        return new ConsentSheet(yearGroup, asOf, rows.stream().map(row -> new ConsentSheetRow(row.pupil().pupilId(),
                row.pupil().givenName(), row.pupil().familyName(), row.objected(), row.left(),
                row.mayAppearOn().stream().map(ConsentReadsMapper::channel).toList())).toList());
    }

    /** RFC 4180: every field quoted where needed; a leading formula character is defused for spreadsheets. */
    static String toCsv(List<uk.schoolsocial.consent.consent.query.ConsentSheetRow> rows) {
        StringBuilder csv = new StringBuilder("pupilId,surname,forename,");
        csv.append(java.util.Arrays.stream(ConsentChannel.values()).map(Enum::name).collect(Collectors.joining(",")))
                .append(",objected,left\r\n");
        for (var row : rows) {
            csv.append(field(row.pupil().pupilId())).append(',').append(field(row.pupil().familyName())).append(',')
                    .append(field(row.pupil().givenName()));
            for (ConsentChannel channel : ConsentChannel.values()) {
                csv.append(',').append(row.mayAppearOn().contains(channel) ? "yes" : "no");
            }
            csv.append(',').append(row.objected() ? "yes" : "no").append(',').append(row.left() ? "yes" : "no")
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
