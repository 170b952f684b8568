package uk.schoolsocial.account.roster.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.account.StaffMemberLeftEvent;
import uk.schoolsocial.events.account.StaffMemberRosteredEvent;
import uk.schoolsocial.events.account.VolunteerRegisteredEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * A school's staff roster and registered volunteers (INT-1; the source of ACC-1, ACC-3, ACC-7).
 * Records only what changed, so a repeated MIS push adds no event.
 */
public class StaffRoster {

    static final String MIS = "MIS";
    static final String HAND = "HAND";

    private record Member(String forename, String surname, boolean volunteer, boolean left) {

        /** AUD-4: the member's key was destroyed, so their names read as null. */
        boolean erased() {
            return forename == null || surname == null;
        }

    }

    @AggregateIdentifier
    private String schoolId;
    private final Map<String, Member> members = new HashMap<>();

    protected StaffRoster() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SyncResult handle(SyncStaffRosterCommand command, Clock clock) {
        check(command.records(), "records[%d].");
        int added = 0;
        int updated = 0;
        int left = 0;
        int unchanged = 0;
        for (StaffRecord record : command.records()) {
            Member member = members.get(record.staffId());
            if (member != null && member.volunteer()) {
                throw new DomainException(RosterError.ID_TAKEN, "Staff id " + record.staffId() + " is a volunteer's");
            }
            if (member != null && member.erased()) {
                // AUD-4: erased (their key destroyed, so their names read as null): the school decided
                // that, and a sync that still lists them changes nothing.
                unchanged++;
                continue;
            }
            boolean changed = false;
            if (member == null || (!member.left() && renamed(member, record))) {
                rostered(command.rosterId().schoolId(), record, MIS, clock);
                added += member == null ? 1 : 0;
                updated += member == null ? 0 : 1;
                changed = true;
            }
            // A leaver comes back only by hand: a stale MIS record must not undo a departure.
            if (record.leavingDate() != null && (member == null || !member.left())) {
                apply(new StaffMemberLeftEvent(command.rosterId().schoolId(), record.staffId(), record.leavingDate(),
                        clock.instant()));
                left++;
                changed = true;
            }
            unchanged += changed ? 0 : 1;
        }
        return new SyncResult(added, updated, left, unchanged);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CorrectStaffMemberCommand command, Clock clock) {
        StaffRecord record = command.record();
        check(List.of(record), "");
        String school = command.rosterId().schoolId();
        Member member = members.get(record.staffId());
        if (member != null && member.erased()) {
            return; // AUD-4: an erased member stays erased
        }
        boolean volunteer = member != null && member.volunteer();
        boolean returning = member != null && member.left() && record.leavingDate() == null;
        if (member == null || renamed(member, record) || returning) {
            if (volunteer) {
                apply(new VolunteerRegisteredEvent(school, record.staffId(), record.forename().strip(),
                        record.surname().strip(), clock.instant()));
            } else {
                rostered(school, record, HAND, clock);
            }
        }
        if (record.leavingDate() != null && (member == null || !member.left())) {
            apply(new StaffMemberLeftEvent(school, record.staffId(), record.leavingDate(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterVolunteerCommand command, Clock clock) {
        StaffRecord record = new StaffRecord(command.volunteerId(), command.forename(), command.surname(), null);
        check(List.of(record), "");
        Member member = members.get(command.volunteerId());
        if (member != null && member.erased()) {
            return; // AUD-4: an erased volunteer stays erased
        }
        if (member != null && !member.volunteer()) {
            throw new DomainException(RosterError.ID_TAKEN, "Id " + command.volunteerId() + " is a member of staff's");
        }
        if (member == null || renamed(member, record) || member.left()) {
            apply(new VolunteerRegisteredEvent(command.rosterId().schoolId(), command.volunteerId(),
                    command.forename().strip(), command.surname().strip(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(StaffMemberRosteredEvent event) {
        schoolId = event.schoolId();
        members.put(event.staffId(), new Member(event.forename(), event.surname(), false, false));
    }

    @EventSourcingHandler
    void on(VolunteerRegisteredEvent event) {
        schoolId = event.schoolId();
        members.put(event.volunteerId(), new Member(event.forename(), event.surname(), true, false));
    }

    @EventSourcingHandler
    void on(StaffMemberLeftEvent event) {
        schoolId = event.schoolId();
        members.computeIfPresent(event.staffId(), (id, m) -> new Member(m.forename(), m.surname(), m.volunteer(), true));
    }

    private void rostered(String school, StaffRecord record, String source, Clock clock) {
        apply(new StaffMemberRosteredEvent(school, record.staffId(), record.forename().strip(), record.surname().strip(),
                source, clock.instant()));
    }

    private static boolean renamed(Member member, StaffRecord record) {
        return !Objects.equals(member.forename(), record.forename().strip())
                || !Objects.equals(member.surname(), record.surname().strip());
    }

    /** Every incomplete or repeated record named at once, e.g. {@code records[2].surname}. */
    private static void check(List<StaffRecord> records, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            StaffRecord record = records.get(i);
            String at = prefix.contains("%d") ? String.format(prefix, i) : prefix;
            if (blank(record.staffId())) {
                errors.add(new FieldError(at + "staffId", "must not be blank"));
            } else if (!seen.add(record.staffId())) {
                errors.add(new FieldError(at + "staffId", "appears twice: " + record.staffId()));
            }
            if (blank(record.forename())) {
                errors.add(new FieldError(at + "forename", "must not be blank"));
            }
            if (blank(record.surname())) {
                errors.add(new FieldError(at + "surname", "must not be blank"));
            }
        }
        if (records.isEmpty()) {
            errors.add(new FieldError("records", "must not be empty"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(RosterError.INVALID_RECORD,
                    "Invalid staff records: " + errors.stream().map(FieldError::field).toList(), errors);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
