package uk.schoolsocial.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11: the text and range rules every service applies to what a client sends. */
class InputRulesTest {

    @Test
    void textWithoutControlCharactersOrLoneSurrogatesPasses() {
        assertEquals(Optional.empty(), InputRules.textProblem("Zoë Ó Briain\tYear 5\r\nsports day \uD83C\uDFC6"));
        assertEquals(Optional.empty(), InputRules.textProblem(""));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreNamedWithWhereTheyAre() {
        assertEquals(Optional.of("must not contain control characters (U+0000 at character 3)"),
                InputRules.textProblem("ab\u0000c"));
        assertEquals(Optional.of("must not contain control characters (U+0085 at character 1)"),
                InputRules.textProblem("\u0085"));
        assertEquals(Optional.of("must not contain a lone surrogate (U+D800 at character 2)"),
                InputRules.textProblem("a\uD800b"));
        assertEquals(Optional.of("must not contain a lone surrogate (U+DFFF at character 1)"),
                InputRules.textProblem("\uDFFF\uD83C\uDFC6"));
        assertTrue(InputRules.textProblem("trailing \uD83C").isPresent());
    }

    @Test
    void datesAndInstantsHaveFourDigitYearsFrom1900() {
        assertTrue(InputRules.inRange(LocalDate.of(1900, 1, 1)));
        assertTrue(InputRules.inRange(LocalDate.of(9999, 12, 31)));
        assertFalse(InputRules.inRange(LocalDate.of(1899, 12, 31)));
        assertFalse(InputRules.inRange(LocalDate.of(10_000, 1, 1)));
        assertTrue(InputRules.inRange(Instant.parse("1900-01-01T00:00:00Z")));
        assertTrue(InputRules.inRange(Instant.parse("1969-07-20T20:17:00Z")));
        assertTrue(InputRules.inRange(Instant.parse("2038-01-19T03:14:08Z")));
        assertTrue(InputRules.inRange(Instant.parse("9999-12-31T23:59:59.999999Z")));
        assertFalse(InputRules.inRange(Instant.parse("1899-12-31T23:59:59Z")));
        assertFalse(InputRules.inRange(Instant.parse("+10000-01-01T00:00:00Z")));
    }
}
