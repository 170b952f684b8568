package uk.schoolsocial.incident.casefile.query;

import io.micronaut.core.annotation.Introspected;

/** How many incidents of a category were reported in a month (YYYY-MM, UTC), for governors' reports. */
@Introspected
public record MonthlyCount(String month, String category, long incidents) {
}
