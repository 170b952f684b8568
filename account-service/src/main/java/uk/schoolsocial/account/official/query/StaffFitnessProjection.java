package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.account.official.command.StaffFitness;
import uk.schoolsocial.events.account.AdministratorTrainedEvent;
import uk.schoolsocial.events.account.PolicyAcknowledgedEvent;
import uk.schoolsocial.events.account.StaffPolicyAcknowledgedEvent;
import uk.schoolsocial.events.account.StaffTrainingRecordedEvent;

/**
 * {@link StaffFitness} from every account's acknowledgements and trainings (ACC-5), and those made by
 * staff before running any account: the newest policy version each member of staff acknowledged, and
 * whether they were trained. In the
 * subscribing look-ups processor, so a handover (ACC-7) sees an acknowledgement made just before it.
 */
@Singleton
@ProcessingGroup(AccountLookupProjection.GROUP)
public class StaffFitnessProjection implements StaffFitness {

    private final StaffFitnessLookupRepository records;

    StaffFitnessProjection(StaffFitnessLookupRepository records) {
        this.records = records;
    }

    @EventHandler
    void on(PolicyAcknowledgedEvent e) {
        record(e.schoolId(), e.administratorId(), e.policyVersion(), false);
    }

    @EventHandler
    void on(AdministratorTrainedEvent e) {
        record(e.schoolId(), e.administratorId(), 0, true);
    }

    @EventHandler
    void on(StaffPolicyAcknowledgedEvent e) {
        record(e.schoolId(), e.staffId(), e.policyVersion(), false);
    }

    @EventHandler
    void on(StaffTrainingRecordedEvent e) {
        record(e.schoolId(), e.staffId(), 0, true);
    }

    @Override
    public Record of(String schoolId, String staffId) {
        return records.findById(StaffFitnessLookup.key(schoolId, staffId))
                .map(row -> new Record(row.acknowledgedVersion(), row.trained())).orElse(Record.NONE);
    }

    /** For reads: the records of several members at once; those with none are missing from the map. */
    public Map<String, Record> of(String schoolId, Collection<String> staffIds) {
        if (staffIds.isEmpty()) {
            return Map.of();
        }
        return records.findByIdIn(staffIds.stream().map(id -> StaffFitnessLookup.key(schoolId, id)).toList())
                .stream().collect(Collectors.toMap(StaffFitnessLookup::staffId,
                        row -> new Record(row.acknowledgedVersion(), row.trained())));
    }

    /** Adds to the member's record: the newest version acknowledged wins, and training stays recorded. */
    private void record(String schoolId, String staffId, int acknowledgedVersion, boolean trained) {
        String id = StaffFitnessLookup.key(schoolId, staffId);
        records.findById(id).ifPresentOrElse(
                row -> records.update(new StaffFitnessLookup(id, schoolId, staffId,
                        Math.max(row.acknowledgedVersion(), acknowledgedVersion), row.trained() || trained)),
                () -> records.save(new StaffFitnessLookup(id, schoolId, staffId, acknowledgedVersion, trained)));
    }
}
