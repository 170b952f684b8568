package uk.schoolsocial.account.declaration.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.account.RelationshipApprovedEvent;
import uk.schoolsocial.events.account.RelationshipDeclaredEvent;
import uk.schoolsocial.events.account.RelationshipRefusedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/** Keeps {@code declaration_view}. Idempotent: an event at or below the stored version was applied already. */
@Singleton
@ProcessingGroup(DeclarationProjection.GROUP)
public class DeclarationProjection {

    public static final String GROUP = "account-declarations";
    private final DeclarationViewRepository views;

    DeclarationProjection(DeclarationViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(RelationshipDeclaredEvent e, @SequenceNumber long version) {
        if (e.personName() == null) {
            return; // AUD-4: stored erased (the declaration was erased): not in the read model (StaffErasureScope)
        }
        VersionedRows.insertOnce(views, e.declarationId(), () -> new DeclarationView(e.declarationId(), e.schoolId(),
                version, e.staffId(), e.relatedTo(), e.personName(), e.nature(), e.details(), "PENDING", e.declaredAt(),
                null, null, null));
    }

    @EventHandler
    void on(RelationshipApprovedEvent e, @SequenceNumber long version) {
        VersionedRows.update(views, e.declarationId(), version,
                v -> v.decided("APPROVED", version, e.decidedBy(), e.reason(), e.decidedAt()));
    }

    @EventHandler
    void on(RelationshipRefusedEvent e, @SequenceNumber long version) {
        VersionedRows.update(views, e.declarationId(), version,
                v -> v.decided("REFUSED", version, e.decidedBy(), e.reason(), e.decidedAt()));
    }
}
