package uk.schoolsocial.account.official.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.schoolsocial.events.account.AccountFlaggedEvent;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountSettingsAgreedEvent;
import uk.schoolsocial.events.account.AdministratorLeftEvent;
import uk.schoolsocial.events.account.AdministratorTrainedEvent;
import uk.schoolsocial.events.account.HandoverCompletedEvent;
import uk.schoolsocial.events.account.PolicyAcknowledgedEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * ACC-5: who administers an official account, and which of them are fit to: they acknowledged
 * the policy version the account requires, and completed training; ACC-4: which of them may post.
 * Part of {@link OfficialAccount}.
 */
final class Administrators {

    private final Set<String> current = new HashSet<>();
    private final Map<String, Integer> acknowledged = new HashMap<>();
    private final Set<String> trained = new HashSet<>();
    private int policyVersion;
    private List<String> whoMayPost = List.of();

    boolean includes(String id) {
        return current.contains(id);
    }

    void require(String id) {
        if (!includes(id)) {
            throw new DomainException(AccountError.NOT_AN_ADMINISTRATOR, id + " is not an administrator of the account");
        }
    }

    int policyVersion() {
        return policyVersion;
    }

    boolean acknowledgedCurrentVersion(String id) {
        return Integer.valueOf(policyVersion).equals(acknowledged.get(id));
    }

    boolean trained(String id) {
        return trained.contains(id);
    }

    boolean fit(String id) {
        return trained(id) && acknowledgedCurrentVersion(id);
    }

    int count() {
        return current.size();
    }

    boolean allFit() {
        return current.stream().allMatch(this::fit);
    }

    List<String> fitOnes() {
        return current.stream().filter(this::fit).sorted().toList();
    }

    /**
     * ACC-4, ACC-7: who may post once {@code successor} takes the account over from {@code leaver}: the
     * successor in the leaver's place. Null when the agreed settings do not name the leaver.
     */
    List<String> whoMayPostAfterHandover(String leaver, String successor) {
        if (leaver == null || !whoMayPost.contains(leaver)) {
            return null;
        }
        return whoMayPost.stream().map(id -> id.equals(leaver) ? successor : id).distinct().toList();
    }

    /** Those who have not acknowledged {@code version}. */
    List<String> notAcknowledging(int version) {
        return current.stream().filter(admin -> !Integer.valueOf(version).equals(acknowledged.get(admin)))
                .sorted().toList();
    }

    @EventSourcingHandler
    void on(AccountProvisionedEvent event) {
        current.addAll(event.administrators());
    }

    @EventSourcingHandler
    void on(AccountSettingsAgreedEvent event) {
        policyVersion = event.policyVersion();
        whoMayPost = event.whoMayPost();
    }

    @EventSourcingHandler
    void on(AccountFlaggedEvent event) {
        policyVersion = event.policyVersion();
    }

    @EventSourcingHandler
    void on(PolicyAcknowledgedEvent event) {
        acknowledged.put(event.administratorId(), event.policyVersion());
    }

    @EventSourcingHandler
    void on(AdministratorTrainedEvent event) {
        trained.add(event.administratorId());
    }

    @EventSourcingHandler
    void on(AdministratorLeftEvent event) {
        current.remove(event.administratorId());
    }

    @EventSourcingHandler
    void on(HandoverCompletedEvent event) {
        if (event.whoMayPost() != null) {
            whoMayPost = event.whoMayPost();
        }
        if (event.newAdministratorId() != null) {
            current.add(event.newAdministratorId());
            if (event.fitForPolicyVersion() != null) {
                acknowledged.put(event.newAdministratorId(), event.fitForPolicyVersion());
                trained.add(event.newAdministratorId());
            }
        }
    }
}
