package uk.schoolsocial.consent.publication.query;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The ways a date of birth is written in British text, lower case (CON-4: an identifying detail). */
final class DatesOfBirth {

    private static final List<DateTimeFormatter> FORMATS = List.of("yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy",
                    "dd.MM.yyyy", "d MMMM yyyy", "d MMM yyyy", "dd/MM/yy")
            .stream().map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.UK)).toList();

    private DatesOfBirth() {
    }

    static List<String> spellings(LocalDate day) {
        return FORMATS.stream().map(format -> format.format(day).toLowerCase(Locale.ROOT)).toList();
    }
}
