package uk.schoolsocial.account.response.query;

import io.micronaut.core.annotation.Introspected;
import java.time.LocalDate;

/** One school holiday as stored in {@code school_holiday_lookup.holidays} (a JSON array). */
@Introspected
public record Holiday(LocalDate firstDay, LocalDate lastDay, String name) {
}
