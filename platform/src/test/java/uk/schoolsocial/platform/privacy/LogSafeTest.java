package uk.schoolsocial.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/** AUD-4: failure messages keep what an operator needs and lose the values they quote. */
class LogSafeTest {

    @Test
    void aud4_quotedValuesAreTakenOutOfMessages() {
        assertEquals("Duplicate entry '[value withheld]' for key '[value withheld]'",
                LogSafe.redact("Duplicate entry 'Zoë Marchetti-2014-03-09' for key 'pupil_view.PRIMARY'"));
        assertEquals("Incorrect string value: '[value withheld]' for column `name` at row 1",
                LogSafe.redact("Incorrect string value: '\\xF0\\x9F\\x98\\x80 Ada' for column `name` at row 1"));
        assertEquals("Unrecognized token \"[value withheld]\": was expecting a value",
                LogSafe.redact("Unrecognized token \"Marchetti\": was expecting a value"));
        assertEquals("The handle [value withheld] clashes", LogSafe.redact("The handle \u2018StevensonPE\u2019 clashes"));
        assertEquals("it's '[value withheld]' and '[value withheld]'", LogSafe.redact("it's 'O''Brien' and 'O'Brien'"),
                "an apostrophe is not a quote; a quote inside a value stays inside it");
        assertEquals("the school's record of '[value withheld]' is held",
                LogSafe.redact("the school's record of 'Zoë's uncle' is held"));
        assertEquals("no values here", LogSafe.redact("no values here"));
        assertNull(LogSafe.redact(null));
    }

    @Test
    void aud4_aRedactedFailureKeepsItsClassesAndStackButNotTheValues() {
        SQLIntegrityConstraintViolationException root =
                new SQLIntegrityConstraintViolationException("Duplicate entry 'Ada Quayle' for key 'name'");
        IllegalStateException error = new IllegalStateException("could not store 'Ada Quayle'", root);
        error.addSuppressed(new RuntimeException("rollback of 'Ada Quayle' failed"));

        Throwable redacted = LogSafe.redacted(error);
        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));

        assertFalse(printed.toString().contains("Ada"), printed.toString());
        assertTrue(printed.toString().contains("java.lang.IllegalStateException: could not store '[value withheld]'"));
        assertTrue(printed.toString().contains("java.sql.SQLIntegrityConstraintViolationException: Duplicate entry"));
        assertTrue(printed.toString().contains("LogSafeTest.aud4_aRedactedFailureKeepsItsClassesAndStackButNotTheValues"),
                "the stack is the original's");
        assertEquals(1, redacted.getSuppressed().length);
        assertSame(null, LogSafe.redacted(null));
    }
}
