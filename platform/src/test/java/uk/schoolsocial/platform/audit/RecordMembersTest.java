package uk.schoolsocial.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.EntityId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.events.AuditMetadata;

/**
 * AUD-2: an aggregate split into members shows as one record, the fields of each single member among
 * the root's, in declaration order, with no Jackson annotation in the aggregate; a member that is a
 * list of entities stays a field of its own.
 */
class RecordMembersTest {

    private static final String SCHOOL = "school-a";
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    private Configuration axon;

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    @DisplayName("AUD-2: a member's fields come out at the top level of the record, without any Jackson annotation")
    void membersFieldsAtTheTopLevel() {
        axon = started(Ledger.class);
        axon.eventStore().publish(event(0, new LedgerOpened("ledger-1", "GBP")), event(1, new Credited("e-1", 250)));

        JsonNode state = new RecordHistory(axon, axon.eventStore()).asOf(SCHOOL, "ledger-1", AT).orElseThrow().state();

        List<String> fields = new ArrayList<>();
        state.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("ledgerId", "currency", "amount", "open", "entries"), fields);
        assertEquals("GBP", state.get("currency").asText());
        assertEquals(250, state.get("amount").asLong());
        assertEquals("[{\"entryId\":\"e-1\"}]", state.get("entries").toString());
    }

    @Test
    @DisplayName("AUD-2: a member's field named like the root's is refused, not shown with one of the two values dropped")
    void aFieldNameClashIsRefused() {
        axon = started(ClashingLedger.class);
        axon.eventStore().publish(event("ClashingLedger", 0, new LedgerOpened("ledger-1", "GBP")));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new RecordHistory(axon, axon.eventStore()).asOf(SCHOOL, "ledger-1", AT));
        assertTrue(refused.getMessage().contains("ClashingLedger"), refused.getMessage());
    }

    /** Axon with only this aggregate, on an in-memory store: RecordHistory needs no more. */
    private static Configuration started(Class<?> aggregate) {
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(aggregate)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private static GenericDomainEventMessage<?> event(long sequence, Object payload) {
        return event("Ledger", sequence, payload);
    }

    private static GenericDomainEventMessage<?> event(String type, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, "ledger-1", sequence, payload,
                MetaData.from(Map.of(AuditMetadata.SCHOOL_ID, SCHOOL)), "event-" + sequence, AT.minusSeconds(60 - sequence));
    }

    record LedgerOpened(String ledgerId, String currency) {
    }

    record Credited(String entryId, long amount) {
    }

    /** Plain domain code: Axon's annotations only. */
    static class Ledger {

        @AggregateIdentifier
        private String ledgerId;
        @AggregateMember
        private final Balance balance = new Balance();
        private boolean open;
        @AggregateMember
        private final List<Entry> entries = new ArrayList<>();

        Ledger() {
        }

        @EventSourcingHandler
        void on(LedgerOpened event) {
            ledgerId = event.ledgerId();
            open = true;
        }

        @EventSourcingHandler
        void on(Credited event) {
            entries.add(new Entry(event.entryId()));
        }
    }

    /** A root with a field of the same name as its member's ({@code currency}). */
    static class ClashingLedger {

        @AggregateIdentifier
        private String ledgerId;
        private String currency = "the root's";
        @AggregateMember
        private final Balance balance = new Balance();

        ClashingLedger() {
        }

        @EventSourcingHandler
        void on(LedgerOpened event) {
            ledgerId = event.ledgerId();
        }
    }

    static class Balance {

        private String currency;
        private long amount;

        @EventSourcingHandler
        void on(LedgerOpened event) {
            currency = event.currency();
        }

        @EventSourcingHandler
        void on(Credited event) {
            amount += event.amount();
        }
    }

    static class Entry {

        @EntityId
        private final String entryId;

        Entry(String entryId) {
            this.entryId = entryId;
        }
    }
}
