package uk.schoolsocial.auditcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 18: a long download or verification shows signs of life on a terminal and none in a script. */
class ProgressTest {

    @Test
    void aLineAtMostTwiceASecondWithEventsBytesRateAndTimeLeft() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), "Verifying a.ndjson", 4L * 1024 * 1024, true, false,
                now::get);
        progress.at(10, 1024);
        assertEquals("", err.toString(), "nothing before half a second");
        now.set(2_000_000_000L);
        progress.at(12_000, 1024 * 1024);
        assertEquals("\rVerifying a.ndjson: 12,000 events, 1.0 MB of 4.0 MB (25%), 512.0 kB/s, 0:06 left   ",
                err.toString());
        progress.done(48_000, 4L * 1024 * 1024);
        assertTrue(err.toString().endsWith("48,000 events, 4.0 MB of 4.0 MB (100%), 2.0 MB/s   " + System.lineSeparator()),
                err.toString());
    }

    @Test
    void quietWhenOff() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), "Downloading account", -1, false, false, now::get);
        now.set(5_000_000_000L);
        progress.at(1, 1);
        progress.done(1, 1);
        assertEquals("", err.toString());
    }
}
