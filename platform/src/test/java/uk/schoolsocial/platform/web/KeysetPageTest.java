package uk.schoolsocial.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/** The keyset paging every list reads through: one row more than the page, the cursor from the last row. */
class KeysetPageTest {

    private record Row(Instant at, String id) {
    }

    private static final List<Row> ROWS = List.of(new Row(Instant.parse("2026-11-01T08:00:00Z"), "a"),
            new Row(Instant.parse("2026-11-02T08:00:00.123456Z"), "b"),
            new Row(Instant.parse("2026-11-03T08:00:00Z"), "c"));

    /** The rows after the sort key, as an ordered query with a LIMIT reads them. */
    private static List<Row> after(Instant at, String id, int count) {
        List<Row> rows = new ArrayList<>();
        for (Row row : ROWS) {
            boolean later = at == null || row.at().isAfter(at) || row.at().equals(at) && row.id().compareTo(id) > 0;
            if (later && rows.size() < count) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static KeysetPage<Row> read(String cursor, Integer limit) {
        return KeysetPage.read(cursor, limit, KeysetPageTest::after, row -> new Cursor(row.at(), row.id()));
    }

    @Test
    void aFullPageIsTrimmedAndItsLastRowIsTheNextCursor() {
        KeysetPage<Row> first = read(null, 2);

        assertEquals(ROWS.subList(0, 2), first.items());
        assertEquals(2, first.limit());
        assertEquals(new Cursor(ROWS.get(1).at(), "b"), Cursor.decode(first.nextCursor()));
        KeysetPage<Row> last = read(first.nextCursor(), 2);
        assertEquals(List.of(ROWS.get(2)), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void theQueryIsAskedForOneRowMoreThanTheBoundedLimit() {
        List<Integer> asked = new ArrayList<>();
        KeysetPage<Row> page = KeysetPage.read(null, 500, (at, id, count) -> {
            asked.add(count);
            return List.of();
        }, row -> new Cursor(row.at(), row.id()));

        assertEquals(List.of(Cursor.MAX_LIMIT + 1), asked);
        assertEquals(Cursor.MAX_LIMIT, page.limit());
        assertEquals(Cursor.DEFAULT_LIMIT, read(null, null).limit());
    }

    @Test
    void aPageOfExactlyTheLimitHasNoNextCursor() {
        assertNull(read(null, 3).nextCursor());
    }

    @Test
    void aDamagedCursorIsRefusedBeforeTheQueryRuns() {
        DomainException refused = assertThrows(DomainException.class, () -> KeysetPage.read("not-a-cursor", 2,
                (at, id, count) -> {
                    throw new AssertionError("the query must not run");
                }, (Row row) -> new Cursor(row.at(), row.id())));

        assertEquals(PlatformError.VALIDATION_FAILED, refused.code());
        assertEquals("cursor", refused.errors().get(0).field());
    }
}
