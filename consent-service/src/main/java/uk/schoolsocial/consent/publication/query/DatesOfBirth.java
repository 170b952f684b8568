package uk.schoolsocial.consent.publication.query;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ways a date of birth is written in British text, lower case (CON-4: an identifying detail). */
final class DatesOfBirth {

    private static final List<DateTimeFormatter> FORMATS = List.of("yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy",
                    "dd.MM.yyyy", "d MMMM yyyy", "d MMM yyyy", "dd/MM/yy")
            .stream().map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.UK)).toList();
    /** Pupils' birthdays span a few thousand days, so the spellings are formatted once per day, not per check. */
    private static final int CACHED_DAYS = 50_000;
    private static final Map<LocalDate, List<String>> SPELLINGS = new ConcurrentHashMap<>();

    private DatesOfBirth() {
    }

    static List<String> spellings(LocalDate day) {
        List<String> known = SPELLINGS.get(day);
        if (known != null) {
            return known;
        }
        List<String> spelt = FORMATS.stream().map(format -> format.format(day).toLowerCase(Locale.ROOT)).toList();
        if (SPELLINGS.size() < CACHED_DAYS) {
            SPELLINGS.putIfAbsent(day, spelt);
        }
        return spelt;
    }
}
