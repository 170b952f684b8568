package uk.schoolsocial.events.incident;

/** How serious an incident is, as the initial assessment judges it (INC-3). */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
