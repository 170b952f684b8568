package uk.schoolsocial.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** Issue 18: what an MIS export can hold is read or refused by name, never silently dropped. */
class CsvUploadTest {

    private static final List<CsvUpload.Column> COLUMNS = List.of(
            CsvUpload.Column.required("staffId", "staff id"),
            CsvUpload.Column.required("surname", "legal surname"),
            CsvUpload.Column.optional("leavingDate", "leaving date"));

    private static List<String> refusals(String body, int maxRows) {
        DomainException refused = assertThrows(DomainException.class, () -> CsvUpload.read(body, COLUMNS, maxRows));
        assertEquals("VALIDATION_FAILED", refused.code().name());
        return refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void headersAreMatchedLooselyAndQuotedCellsKeepCommasAndLineBreaks() {
        List<CsvUpload.Row> rows = CsvUpload.read("\uFEFFStaff_ID, LEGAL SURNAME ,Leaving-Date\r\n"
                + "s-1,\"Smith, Jones\",\r\n"
                + "\r\n"
                + "s-2,\"O'Neil\nsecond line\",31/08/2027\r\n", COLUMNS, 10);
        assertEquals(2, rows.size());
        assertEquals(Optional.of("Smith, Jones"), rows.get(0).cell("surname"));
        assertEquals(Optional.empty(), rows.get(0).cell("leavingDate"));
        assertEquals(2, rows.get(0).number());
        assertEquals(4, rows.get(1).number(), "a blank row still counts, so numbers are the file's rows");
        List<FieldError> errors = new ArrayList<>();
        assertEquals(Optional.of(LocalDate.of(2027, 8, 31)), rows.get(1).date("leavingDate", errors));
        assertTrue(errors.isEmpty());
    }

    @Test
    void datesAreIsoOrUkAndAnImpossibleOneIsNamed() {
        List<CsvUpload.Row> rows = CsvUpload.read("staffId,surname,leavingDate\ns-1,Smith,2027-02-29\n"
                + "s-2,Smith,08/31/2027\ns-3,Smith,01/01/1066\n", COLUMNS, 10);
        List<FieldError> errors = new ArrayList<>();
        rows.forEach(row -> row.date("leavingDate", errors));
        assertEquals(List.of("rows[2].leavingDate", "rows[3].leavingDate", "rows[4].leavingDate"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void anUnknownDuplicatedOrMissingColumnIsNamed() {
        List<String> refusals = refusals("staffId,staff id,leaving datee\ns-1,s-1,x\n", 10);
        assertEquals(3, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains("\"staff id\" and \"staffId\" both name staffId"), refusals.toString());
        assertTrue(refusals.get(1).contains("unknown column \"leaving datee\""), refusals.toString());
        assertTrue(refusals.get(2).contains("no column for surname"), refusals.toString());
    }

    @Test
    void aRowOfAnotherWidthTooManyRowsControlCharactersAndBrokenQuotesAreRefused() {
        assertEquals(List.of("rows[3]: has 2 cells; the header has 3"),
                refusals("staffId,surname,leavingDate\ns-1,Smith,\ns-2,Smith\n", 10));
        assertEquals(List.of("body: has 3 rows; at most 2 per upload"),
                refusals("staffId,surname\na,b\nc,d\ne,f\n", 2));
        assertTrue(refusals("staffId,surname\ns-1,Sm\u0007ith\n", 10).get(0).startsWith("rows[2].surname: "));
        assertTrue(refusals("staffId,surname\n\"s-1,Smith\n", 10).get(0).startsWith("body: not CSV"));
        assertEquals(List.of("body: has a header row but no rows"), refusals("staffId,surname\n", 10));
        assertEquals(List.of("body: needs a header row and at least one row"), refusals("", 10));
    }
}
