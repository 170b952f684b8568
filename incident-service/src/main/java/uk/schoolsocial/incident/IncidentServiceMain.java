package uk.schoolsocial.incident;

import io.micronaut.runtime.Micronaut;

/** Starts incident-service: social media incidents from report to closure. */
public final class IncidentServiceMain {

    private IncidentServiceMain() {
    }

    public static void main(String[] args) {
        Micronaut.run(IncidentServiceMain.class, args);
    }
}
