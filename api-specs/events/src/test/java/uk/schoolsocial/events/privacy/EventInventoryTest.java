package uk.schoolsocial.events.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AUD-4: the event records are the record of processing. Every text an event carries is classified
 * where it is declared, and docs/personal-data.md shows exactly what the code says: change an event
 * and this test tells you to run {@code ./mvnw -pl api-specs/events test -Dinventory.write=true}.
 */
class EventInventoryTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Path DOCUMENT = Path.of("../../docs/personal-data.md");

    @Test
    void aud4_everyTextOfEveryEventIsClassifiedAndSealedUnderAnIdOfItsEvent() {
        List<Class<?>> events = EventInventory.eventsIn(CLASSES);
        assertTrue(events.size() > 50, "the event records are found: " + events.size());
        EventInventory inventory = EventInventory.of(events);
        assertEquals(List.of(), inventory.problems());
        assertTrue(inventory.rows().stream().anyMatch(row -> row.event().equals("PupilRosteredEvent")
                && row.path().equals("dateOfBirth") && row.personal().sealedUnder() == SubjectType.PUPIL));
        assertTrue(inventory.rows().stream().anyMatch(row -> row.path().equals("peopleInvolved[].description")),
                "a component of a nested record is classified");
    }

    /** A text nobody classified. */
    record UnclassifiedEvent(String noteId, String note, List<String> tags, LocalDate dateOfBirth, String decidedBy) {
    }

    /** Personal data sealed under a component the event does not have, and a text marked both ways. */
    record BadlyKeyedEvent(
            String pupilId,
            @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL,
                    keyFrom = "childId")
            String name,
            @PersonalData(whose = Whose.PUPIL, retention = RetentionClass.PUPIL_RECORD, sealedUnder = SubjectType.PUPIL,
                    keyFrom = "pupilId")
            @NotPersonalData("undecided")
            String nickname,
            List<Line> lines) {
    }

    record Line(String text) {
    }

    @Test
    void aud4_theCheckNamesWhatNobodyClassifiedAndWhatIsSealedUnderNothing() {
        EventInventory inventory = EventInventory.of(List.of(UnclassifiedEvent.class, BadlyKeyedEvent.class));
        assertEquals(List.of(
                "BadlyKeyedEvent.name is sealed under keyFrom \"childId\", which is not a String component of BadlyKeyedEvent",
                "BadlyKeyedEvent.name is personal data, but BadlyKeyedEvent has no String schoolId:"
                        + " a subject's key belongs to a school",
                "BadlyKeyedEvent.nickname is marked both personal and not personal data",
                "BadlyKeyedEvent.nickname is personal data, but BadlyKeyedEvent has no String schoolId:"
                        + " a subject's key belongs to a school",
                "BadlyKeyedEvent.lines[].text holds text but says neither @PersonalData nor @NotPersonalData"
                        + " (docs/personal-data.md)",
                "UnclassifiedEvent.note holds text but says neither @PersonalData nor @NotPersonalData"
                        + " (docs/personal-data.md)",
                "UnclassifiedEvent.tags holds text but says neither @PersonalData nor @NotPersonalData"
                        + " (docs/personal-data.md)",
                "UnclassifiedEvent.dateOfBirth holds text but says neither @PersonalData nor @NotPersonalData"
                        + " (docs/personal-data.md)"), inventory.problems());
    }

    @Test
    void aud4_theRecordOfProcessingSaysWhatTheEventsSay() throws IOException {
        EventInventory inventory = EventInventory.of(EventInventory.eventsIn(CLASSES));
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        String expected = replace(replace(document, "events", inventory.eventsTable()), "retention",
                EventInventory.retentionTable());
        if (Boolean.getBoolean("inventory.write")) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, document, "docs/personal-data.md is not what the event records say; run"
                + " ./mvnw -pl api-specs/events test -Dinventory.write=true and review the difference");
    }

    private static String replace(String document, String section, String table) {
        String begin = "<!-- " + section + ":begin -->\n";
        String end = "<!-- " + section + ":end -->";
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        assertTrue(from >= 0 && to > from, "docs/personal-data.md has the markers of the " + section + " table");
        return document.substring(0, from + begin.length()) + table + document.substring(to);
    }
}
