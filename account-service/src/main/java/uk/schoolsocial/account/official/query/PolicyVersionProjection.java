package uk.schoolsocial.account.official.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.events.account.PolicyVersionPublishedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps {@code policy_version_view} (ACC-5): every version a school published, with what changed. A
 * streaming processor of its own, so that it is built from the whole history when first deployed.
 * Idempotent: a version is written once.
 */
@Singleton
@ProcessingGroup(PolicyVersionProjection.GROUP)
public class PolicyVersionProjection {

    public static final String GROUP = "account-policy-versions";
    private final PolicyVersionViewRepository versions;

    PolicyVersionProjection(PolicyVersionViewRepository versions) {
        this.versions = versions;
    }

    @EventHandler
    void on(PolicyVersionPublishedEvent e) {
        String id = PolicyVersionView.key(e.schoolId(), e.version());
        VersionedRows.insertOnce(versions, id,
                () -> new PolicyVersionView(id, e.schoolId(), e.version(), e.summary(), e.publishedAt()));
    }
}
