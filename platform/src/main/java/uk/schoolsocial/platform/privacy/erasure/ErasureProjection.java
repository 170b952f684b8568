package uk.schoolsocial.platform.privacy.erasure;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import uk.schoolsocial.events.privacy.SubjectErasedEvent;
import uk.schoolsocial.platform.privacy.SubjectKeys;
import uk.schoolsocial.platform.web.IdempotencyStore;

/**
 * Carries out an erasure in the transaction of its event (a subscribing processor, AUD-4): destroys
 * the subject's key and the keys of its records, has every {@link ErasureScope} clear its read
 * models, drops stored idempotency answers that mention them, and writes the register of erasures.
 * Either all of it commits with the event, or none of it and no event.
 */
@Singleton
@ProcessingGroup(ErasureProjection.GROUP)
public class ErasureProjection {

    public static final String GROUP = "privacy-erasure";

    private final TransactionOperations<Connection> transactions;
    private final SubjectKeys keys;
    private final ErasureScopes scopes;
    private final IdempotencyStore idempotency;

    ErasureProjection(TransactionOperations<Connection> transactions, SubjectKeys keys, ErasureScopes scopes,
                      IdempotencyStore idempotency) {
        this.transactions = transactions;
        this.keys = keys;
        this.scopes = scopes;
        this.idempotency = idempotency;
    }

    @EventHandler
    void on(SubjectErasedEvent event) throws SQLException {
        Connection connection = transactions.getConnection();
        ErasureSubject subject = new ErasureSubject(event.schoolId(), event.subjectType(), event.subjectId(), null);
        List<SubjectRef> all = new ArrayList<>();
        all.add(subject.ref());
        List<SubjectRef> records = event.erasedRecords().stream().map(SubjectRef::parse).toList();
        all.addAll(records);
        for (SubjectRef ref : all) {
            keys.destroyWithin(connection, ref.type(), SubjectKeys.subjectId(event.schoolId(), ref.id()));
            idempotency.forgetAnswersMentioning(connection, event.schoolId(), ref.id());
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unit -> all.forEach(ref ->
                    keys.forget(ref.type(), SubjectKeys.subjectId(event.schoolId(), ref.id()))));
        }
        scopes.eraseReadModels(subject, records);
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO subject_erasure"
                + " (erasure_id, school_id, subject_type, subject_id, ground, erased_records, erased_by, erased_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.erasureId());
            insert.setString(2, event.schoolId());
            insert.setString(3, event.subjectType().name());
            insert.setString(4, event.subjectId());
            insert.setString(5, event.ground().name());
            insert.setString(6, String.join(",", event.erasedRecords()));
            insert.setString(7, event.erasedBy());
            insert.setTimestamp(8, Timestamp.from(event.erasedAt()));
            insert.executeUpdate();
        }
    }
}
