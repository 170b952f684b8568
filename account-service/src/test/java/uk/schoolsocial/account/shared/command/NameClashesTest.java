package uk.schoolsocial.account.shared.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.account.shared.command.NameClashes.Clash;
import uk.schoolsocial.account.shared.command.NameClashes.Kind;

/** ACC-3: how a display name or a handle is matched against staff surnames. */
class NameClashesTest {

    private static final List<StaffName> STAFF = List.of(new StaffName("Anne", "Hill"),
            new StaffName("Seán", "O'Brien"), new StaffName("Chloë", "Brontë"), new StaffName("Wei", "Li"));

    private static List<String> surnames(String text, Kind kind, String... accepted) {
        return NameClashes.in(text, kind, STAFF, Set.of(accepted)).stream().map(Clash::word).toList();
    }

    @Test
    void acc3_aSurnameClashesInADisplayNameOnlyAsWholeWords() {
        assertEquals(List.of("Hill"), surnames("Hill Top Club", Kind.DISPLAY_NAME));
        assertEquals(List.of("Hill"), surnames("Miss HILL's Gardeners", Kind.DISPLAY_NAME));
        assertEquals(List.of("Hill"), surnames("HillTopPE", Kind.DISPLAY_NAME));
        assertEquals(List.of(), surnames("Chill Club", Kind.DISPLAY_NAME));
        assertEquals(List.of(), surnames("Hilltop Club", Kind.DISPLAY_NAME));
    }

    @Test
    void acc3_aSurnameMaySpanWordsAndIsComparedWithoutAccentsOrPunctuation() {
        assertEquals(List.of("O'Brien"), surnames("O Brien Hurling", Kind.DISPLAY_NAME));
        assertEquals(List.of("O'Brien"), surnames("OBrien Hurling", Kind.DISPLAY_NAME));
        assertEquals(List.of("Brontë"), surnames("Bronte Readers", Kind.DISPLAY_NAME));
        assertEquals(List.of("Brontë"), surnames("bronte_readers", Kind.HANDLE));
    }

    @Test
    void acc3_aSurnameOfThreeLettersOrMoreClashesAnywhereInAHandle() {
        assertEquals(List.of("Hill"), surnames("chill_club", Kind.HANDLE));
        assertEquals(List.of(), surnames("english_club", Kind.HANDLE));
        assertEquals(List.of("Li"), surnames("Li Dance", Kind.DISPLAY_NAME));
    }

    @Test
    void acc3_anAcceptedWordExcusesThatSurnameOnlyAndNeverAFullName() {
        assertEquals(List.of(), surnames("Hill Top Club", Kind.DISPLAY_NAME, "hill"));
        assertEquals(List.of("Brontë"), surnames("Hill and Bronte", Kind.DISPLAY_NAME, "Hill"));
        assertEquals(List.of("Anne Hill"), surnames("Anne Hill Club", Kind.DISPLAY_NAME, "Hill"));
    }
}
