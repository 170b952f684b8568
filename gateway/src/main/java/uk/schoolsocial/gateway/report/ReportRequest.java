package uk.schoolsocial.gateway.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uk.schoolsocial.platform.error.FieldError;

/**
 * A request for the governors' report (reports.yaml {@code getGovernorsReport}): the period, the
 * schools named (none: the default), and the format, from {@code format} or else {@code Accept}.
 *
 * @param from    the first day
 * @param to      the last day
 * @param schools the schools named by {@code school}, in order, without repeats; empty for the default
 * @param format  the format of the answer
 */
record ReportRequest(LocalDate from, LocalDate to, List<String> schools, Format format) {

    /** As common.yaml's {@code ReportTo} and platform's {@code ReportPeriod}. */
    static final int MAX_YEARS = 3;
    static final int MAX_SCHOOLS = 50;
    /** As platform's {@code ReportPeriod}: the read models' times lie between them. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<String> PARAMETERS = Set.of("school", "from", "to", "format");

    /** The formats served. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON_TYPE), HTML(MediaType.TEXT_HTML_TYPE),
        PDF(MediaType.of("application/pdf"));

        final MediaType type;

        Format(MediaType type) {
            this.type = type;
        }
    }

    /** Bad parameters, each named. */
    static final class InvalidException extends RuntimeException {
        final transient List<FieldError> errors;

        InvalidException(List<FieldError> errors) {
            super("invalid report request: " + errors.size() + " errors");
            this.errors = List.copyOf(errors);
        }
    }

    static ReportRequest parse(HttpRequest<?> request) {
        HttpParameters parameters = request.getParameters();
        List<FieldError> errors = new ArrayList<>();
        parameters.names().stream().filter(name -> !PARAMETERS.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, "is not a parameter of this report")));
        LocalDate from = date(parameters, "from", errors);
        LocalDate to = date(parameters, "to", errors);
        if (from != null && to != null && (to.isBefore(from) || to.isAfter(from.plusYears(MAX_YEARS)))) {
            errors.add(new FieldError("to", "must be from 'from' to " + MAX_YEARS + " years after it"));
        }
        Set<String> schools = new LinkedHashSet<>();
        for (String school : parameters.getAll("school")) {
            if (!SCHOOL.matcher(school).matches()) {
                errors.add(new FieldError("school", "must be 1 to 64 of A-Z, a-z, 0-9, _ . : -"));
            }
            schools.add(school);
        }
        if (schools.size() > MAX_SCHOOLS) {
            errors.add(new FieldError("school", "name at most " + MAX_SCHOOLS + " schools"));
        }
        Format format = format(request, parameters.getAll("format"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return new ReportRequest(from, to, List.copyOf(schools), format);
    }

    @Nullable
    private static LocalDate date(HttpParameters parameters, String name, List<FieldError> errors) {
        List<String> values = parameters.getAll(name);
        if (values.size() != 1) {
            errors.add(new FieldError(name, values.isEmpty() ? "is required: a day, YYYY-MM-DD"
                    : "give one day, not " + values.size()));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(values.get(0));
            if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
                errors.add(new FieldError(name, "must be a day from " + EARLIEST + " to " + LATEST));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a day, YYYY-MM-DD"));
            return null;
        }
    }

    @Nullable
    private static Format format(HttpRequest<?> request, List<String> values, List<FieldError> errors) {
        if (values.size() > 1) {
            errors.add(new FieldError("format", "give one format, not " + values.size()));
            return null;
        }
        if (values.size() == 1) {
            try {
                return Format.valueOf(values.get(0).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("format", "must be json, html or pdf"));
                return null;
            }
        }
        // Accept: the first of the types asked for that is served; JSON when none is, or none named.
        for (MediaType accepted : request.getHeaders().accept()) {
            for (Format format : Format.values()) {
                if (!accepted.equals(MediaType.ALL_TYPE) && accepted.matches(format.type)) {
                    return format;
                }
            }
        }
        return Format.JSON;
    }
}
