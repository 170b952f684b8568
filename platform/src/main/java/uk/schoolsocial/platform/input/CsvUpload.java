package uk.schoolsocial.platform.input;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/**
 * A CSV file uploaded as a school's MIS exports it (issue 18), read into rows of named cells: UTF-8
 * with or without the byte order mark Excel writes, RFC 4180 quoting, a header row. Each header is
 * matched to one of the operation's columns ignoring case, spaces, {@code _} and {@code -}, through
 * the names the column accepts. What cannot be read is refused and named, never ignored: an unknown
 * header (a misspelt "leaving date" would lose every leaver), a column given twice, a required
 * column missing, a row of another width, more rows than allowed, a file that is not CSV. Each
 * cell meets the text rules of every other input ({@link InputRules#textProblem}).
 *
 * <p>Rows are numbered as in the file, the header being row 1; a cell is named
 * {@code rows[N].field} in errors, the way a JSON entry is {@code pupils[i].field}.
 */
public final class CsvUpload {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A column of the upload: the field it fills, whether it must be present, the headers that name it. */
    public record Column(String field, boolean required, List<String> headers) {

        public static Column required(String field, String... headers) {
            return new Column(field, true, names(field, headers));
        }

        public static Column optional(String field, String... headers) {
            return new Column(field, false, names(field, headers));
        }

        private static List<String> names(String field, String... headers) {
            List<String> names = new ArrayList<>(List.of(field));
            names.addAll(Arrays.asList(headers));
            return List.copyOf(names);
        }
    }

    /** One row of the file: its number (the header is row 1) and its non-blank cells by field. */
    public record Row(long number, Map<String, String> cells) {

        /** The cell, stripped; empty when the column is absent or the cell blank. */
        public Optional<String> cell(String field) {
            return Optional.ofNullable(cells.get(field));
        }

        /** How errors name a cell of this row. */
        public String name(String field) {
            return "rows[" + number + "]." + field;
        }

        /**
         * The contract's rules (bean validation of the generated model) on the entry this row became,
         * each broken one named by the row's cell; a cell already named in {@code errors} (a date
         * that could not be read, so now absent) is not named again as missing.
         */
        public void check(Validator validator, Object entry, List<FieldError> errors) {
            validator.validate(entry).stream()
                    .map(violation -> new FieldError(name(violation.getPropertyPath().toString()),
                            violation.getMessage()))
                    .filter(error -> errors.stream().noneMatch(named -> named.field().equals(error.field())))
                    .forEach(errors::add);
        }

        /**
         * The cell as a date, {@code 2016-03-14} or as UK exports write it, {@code 14/03/2016}; empty
         * when blank. A cell that is neither is added to {@code errors}, naming it.
         */
        public Optional<LocalDate> date(String field, List<FieldError> errors) {
            Optional<String> text = cell(field);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            String value = text.get();
            try {
                LocalDate date = value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
                if (!InputRules.inRange(date)) {
                    errors.add(new FieldError(name(field), "must be between " + InputRules.EARLIEST_DATE + " and "
                            + InputRules.LATEST_DATE + ": " + value));
                    return Optional.empty();
                }
                return Optional.of(date);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name(field), "not a date (2016-03-14 or 14/03/2016): " + value));
                return Optional.empty();
            }
        }
    }

    private CsvUpload() {
    }

    /** The rows of {@code body}; a 400 naming every problem with the file's shape. */
    public static List<Row> read(String body, List<Column> columns, int maxRows) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = parser.getRecords();
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            throw refused(List.of(new FieldError("body", "not CSV (RFC 4180): " + firstLine(e.getMessage()))));
        }
        records = records.stream().filter(record -> !blank(record)).toList();
        if (records.isEmpty()) {
            throw refused(List.of(new FieldError("body", "needs a header row and at least one row")));
        }
        Map<Integer, String> fieldAt = header(records.get(0), columns);
        List<FieldError> errors = new ArrayList<>();
        if (records.size() == 1) {
            errors.add(new FieldError("body", "has a header row but no rows"));
        }
        if (records.size() - 1 > maxRows) {
            errors.add(new FieldError("body", "has " + (records.size() - 1) + " rows; at most " + maxRows
                    + " per upload"));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        int width = records.get(0).size();
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            long number = record.getRecordNumber();
            if (record.size() != width) {
                errors.add(new FieldError("rows[" + number + "]", "has " + record.size() + " cells; the header has "
                        + width));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            Row row = new Row(number, cells);
            fieldAt.forEach((index, field) -> {
                String cell = record.get(index).strip();
                if (!cell.isEmpty()) {
                    cells.put(field, cell);
                    InputRules.textProblem(cell).ifPresent(problem -> errors.add(new FieldError(row.name(field),
                            problem)));
                }
            });
            rows.add(row);
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return rows;
    }

    /** The 400 of a file whose cells break the operation's rules, every one named. */
    public static DomainException refused(List<FieldError> errors) {
        return new DomainException(PlatformError.VALIDATION_FAILED,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
    }

    private static Map<Integer, String> header(CSVRecord header, List<Column> columns) {
        Map<String, Column> byName = new HashMap<>();
        columns.forEach(column -> column.headers().forEach(name -> byName.put(normalise(name), column)));
        Map<Integer, String> fieldAt = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            Column column = byName.get(normalise(name));
            if (column == null) {
                errors.add(new FieldError("header", "unknown column \"" + name + "\"; the columns are "
                        + columns.stream().map(Column::field).collect(Collectors.joining(", "))));
            } else if (seen.putIfAbsent(column.field(), name) != null) {
                errors.add(new FieldError("header", "\"" + name + "\" and \"" + seen.get(column.field())
                        + "\" both name " + column.field()));
            } else {
                fieldAt.put(i, column.field());
            }
        }
        columns.stream().filter(Column::required).filter(column -> !seen.containsKey(column.field()))
                .forEach(column -> errors.add(new FieldError("header", "no column for " + column.field()
                        + " (any of: " + String.join(", ", column.headers()) + ")")));
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return fieldAt;
    }

    private static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
