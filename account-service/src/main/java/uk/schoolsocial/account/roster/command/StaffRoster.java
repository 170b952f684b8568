package uk.schoolsocial.account.roster.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import uk.schoolsocial.account.shared.command.LeavingDates;
import uk.schoolsocial.events.account.StaffLeavingWithdrawnEvent;
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

    private record Member(String forename, String surname, boolean volunteer, LocalDate leavingDate) {

        /** AUD-4: the member's key was destroyed, so their names read as null. */
        boolean erased() {
            return forename == null || surname == null;
        }

        /** ACC-7: their leaving date has ended; before that, a leaving date is notice and they are current. */
        boolean departed(LeavingDates dates, Instant now) {
            return !dates.currentAt(leavingDate, now);
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
    public SyncResult handle(SyncStaffRosterCommand command, Clock clock, LeavingDates dates) {
        check(command.records(), "records[%d].");
        Instant now = clock.instant();
        int added = 0;
        int updated = 0;
        int left = 0;
        int unchanged = 0;
        for (StaffRecord record : command.records()) {
            Member member = members.get(record.staffId());
            if (member != null && member.volunteer()) {
                throw new DomainException(RosterError.ID_TAKEN, "Staff id " + record.staffId() + " is a volunteer's");
            }
            // AUD-4: an erased member (their key destroyed, so their names read as null): the school decided
            // that, and a sync that still lists them changes nothing. ACC-7: a leaver whose leaving date has
            // ended comes back only by hand: a stale MIS record must not undo a departure.
            if (member != null && (member.erased() || member.departed(dates, now))) {
                unchanged++;
                continue;
            }
            record(command.rosterId().schoolId(), member, record, MIS, now);
            LocalDate before = member == null ? null : member.leavingDate();
            boolean notice = before == null && record.leavingDate() != null;
            // a rename, a moved leaving date or a withdrawn one
            boolean update = member != null && (renamed(member, record)
                    || (before != null && !Objects.equals(before, record.leavingDate())));
            added += member == null ? 1 : 0;
            updated += update ? 1 : 0;
            left += notice ? 1 : 0;
            unchanged += member != null && !update && !notice ? 1 : 0;
        }
        return new SyncResult(added, updated, left, unchanged);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CorrectStaffMemberCommand command, Clock clock, LeavingDates dates) {
        StaffRecord record = command.record();
        check(List.of(record), "");
        String school = command.rosterId().schoolId();
        Member member = members.get(record.staffId());
        Instant now = clock.instant();
        if (member != null && member.erased()) {
            return; // AUD-4: an erased member stays erased
        }
        if (member != null && member.departed(dates, now) && record.leavingDate() == null) {
            // brought back after their leaving date: on the roster again, as a newcomer would be
            rostered(school, record, member.volunteer(), HAND, now);
            return;
        }
        record(school, member, record, HAND, now);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterVolunteerCommand command, Clock clock, LeavingDates dates) {
        StaffRecord record = new StaffRecord(command.volunteerId(), command.forename(), command.surname(), null);
        check(List.of(record), "");
        Member member = members.get(command.volunteerId());
        if (member != null && member.erased()) {
            return; // AUD-4: an erased volunteer stays erased
        }
        if (member != null && !member.volunteer()) {
            throw new DomainException(RosterError.ID_TAKEN, "Id " + command.volunteerId() + " is a member of staff's");
        }
        Instant now = clock.instant();
        if (member == null || member.departed(dates, now)) {
            rostered(command.rosterId().schoolId(), record, true, HAND, now);
        } else {
            // registering a volunteer on notice again renames them at most; their notice stands
            record(command.rosterId().schoolId(), member,
                    new StaffRecord(record.staffId(), record.forename(), record.surname(), member.leavingDate()), HAND, now);
        }
    }

    @EventSourcingHandler
    void on(StaffMemberRosteredEvent event) {
        schoolId = event.schoolId();
        members.put(event.staffId(), new Member(event.forename(), event.surname(), false, null));
    }

    @EventSourcingHandler
    void on(VolunteerRegisteredEvent event) {
        schoolId = event.schoolId();
        members.put(event.volunteerId(), new Member(event.forename(), event.surname(), true, null));
    }

    @EventSourcingHandler
    void on(StaffMemberLeftEvent event) {
        schoolId = event.schoolId();
        members.computeIfPresent(event.staffId(),
                (id, m) -> new Member(m.forename(), m.surname(), m.volunteer(), event.leavingDate()));
    }

    @EventSourcingHandler
    void on(StaffLeavingWithdrawnEvent event) {
        members.computeIfPresent(event.staffId(), (id, m) -> new Member(m.forename(), m.surname(), m.volunteer(), null));
    }

    /**
     * One record stated for a member who is current (or new): a rename, and ACC-7's notice, a moved
     * leaving date or a withdrawn one. A rename states the member afresh, so a leaving date that still
     * holds is stated again after it.
     */
    private void record(String school, Member member, StaffRecord record, String source, Instant now) {
        boolean renamed = member == null || renamed(member, record);
        LocalDate before = member == null ? null : member.leavingDate();
        LocalDate wanted = record.leavingDate();
        if (renamed) {
            rostered(school, record, member != null && member.volunteer(), source, now);
        }
        if (wanted != null && (renamed || !wanted.equals(before))) {
            apply(new StaffMemberLeftEvent(school, record.staffId(), wanted, now));
        } else if (wanted == null && before != null) {
            apply(new StaffLeavingWithdrawnEvent(school, record.staffId(), before, now));
        }
    }

    private void rostered(String school, StaffRecord record, boolean volunteer, String source, Instant now) {
        if (volunteer) {
            apply(new VolunteerRegisteredEvent(school, record.staffId(), record.forename().strip(),
                    record.surname().strip(), now));
        } else {
            apply(new StaffMemberRosteredEvent(school, record.staffId(), record.forename().strip(),
                    record.surname().strip(), source, now));
        }
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
