package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.account.official.command.ApprovedApplications;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.NameClashAcceptedEvent;
import uk.schoolsocial.events.account.PolicyVersionPublishedEvent;

/**
 * The look-ups provisioning checks (ACC-4, ACC-5). Runs in a subscribing processor, in the
 * transaction of the events, so an approval is visible to the very next command.
 */
@Singleton
@ProcessingGroup(AccountLookupProjection.GROUP)
public class AccountLookupProjection implements ApprovedApplications {

    public static final String GROUP = "account-lookups";
    private final ApplicationLookupRepository applications;
    private final PolicyVersionLookupRepository policies;

    AccountLookupProjection(ApplicationLookupRepository applications, PolicyVersionLookupRepository policies) {
        this.applications = applications;
        this.policies = policies;
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event) {
        var before = applications.findById(event.applicationId());
        ApplicationLookup row = new ApplicationLookup(event.applicationId(), event.schoolId(), false, false,
                event.platform().name(), event.administrators(), event.privacy().name(),
                before.map(ApplicationLookup::acceptedWords).orElse(List.of()));
        if (before.isPresent()) {
            applications.update(row);
        } else {
            applications.save(row);
        }
    }

    @EventHandler
    void on(ApplicationApprovedEvent event) {
        applications.findById(event.applicationId()).ifPresent(row -> applications.update(row.asApproved()));
    }

    /** ACC-3: a word SLT accepted for the application holds for every revision and for its account. */
    @EventHandler
    void on(NameClashAcceptedEvent event) {
        applications.findById(event.applicationId()).ifPresent(row -> applications.update(row.accepting(event.word())));
    }

    @EventHandler
    void on(AccountProvisionedEvent event) {
        applications.findById(event.applicationId()).ifPresent(row -> applications.update(row.asProvisioned()));
    }

    @EventHandler
    void on(PolicyVersionPublishedEvent event) {
        PolicyVersionLookup row = new PolicyVersionLookup(event.schoolId(), event.version());
        if (policies.existsById(row.schoolId())) {
            policies.update(row);
        } else {
            policies.save(row);
        }
    }

    @Override
    public Optional<Approval> find(String schoolId, String applicationId) {
        return applications.findById(applicationId).filter(row -> row.schoolId().equals(schoolId))
                .map(row -> new Approval(row.approved(), row.provisioned(), AccountPlatform.valueOf(row.platform()),
                        row.administrators(), AccountPrivacy.valueOf(row.privacy()), Set.copyOf(row.acceptedWords())));
    }

    @Override
    public int currentPolicyVersion(String schoolId) {
        return policies.findById(schoolId).map(PolicyVersionLookup::version).orElse(1);
    }
}
