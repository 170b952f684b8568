package uk.schoolsocial.account.official.process;

import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.account.official.command.AccountId;
import uk.schoolsocial.account.official.command.RequirePolicyVersionCommand;
import uk.schoolsocial.account.official.query.AccountProjection;
import uk.schoolsocial.account.official.query.AccountViewRepository;
import uk.schoolsocial.events.account.PolicyVersionPublishedEvent;

/**
 * ACC-5: when a new policy version is published, every open account of the school checks its
 * administrators against it (and is flagged if any has not acknowledged it). Runs in the accounts
 * projection's processor, after it in event order, so every account provisioned before the
 * publication is in the view it reads. The commands carry the publisher's audit metadata.
 */
@Singleton
@ProcessingGroup(AccountProjection.GROUP)
public class PolicyFlagging {

    private final AccountViewRepository accounts;

    PolicyFlagging(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(PolicyVersionPublishedEvent event, CommandGateway commands) {
        accounts.findBySchoolIdAndStatusNotEqual(event.schoolId(), "CLOSED").forEach(account ->
                commands.sendAndWait(new RequirePolicyVersionCommand(new AccountId(account.id()), event.schoolId(),
                        event.version())));
    }
}
