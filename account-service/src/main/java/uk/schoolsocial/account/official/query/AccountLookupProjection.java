package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.account.official.command.ApprovedApplications;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
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
        ApplicationLookup row = new ApplicationLookup(event.applicationId(), event.schoolId(), false, false,
                event.platform().name(), event.administrators(), event.privacy().name());
        if (applications.existsById(row.id())) {
            applications.update(row);
        } else {
            applications.save(row);
        }
    }

    @EventHandler
    void on(ApplicationApprovedEvent event) {
        applications.findById(event.applicationId()).ifPresent(row -> applications.update(new ApplicationLookup(
                row.id(), row.schoolId(), true, row.provisioned(), row.platform(), row.administrators(), row.privacy())));
    }

    @EventHandler
    void on(AccountProvisionedEvent event) {
        applications.findById(event.applicationId()).ifPresent(row -> applications.update(new ApplicationLookup(
                row.id(), row.schoolId(), row.approved(), true, row.platform(), row.administrators(), row.privacy())));
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
                        row.administrators(), AccountPrivacy.valueOf(row.privacy())));
    }

    @Override
    public int currentPolicyVersion(String schoolId) {
        return policies.findById(schoolId).map(PolicyVersionLookup::version).orElse(1);
    }
}
