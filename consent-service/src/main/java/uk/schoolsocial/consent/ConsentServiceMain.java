package uk.schoolsocial.consent;

import io.micronaut.runtime.Micronaut;

/** Starts consent-service: pupils' image consent, and the official accounts it may be used on. */
public final class ConsentServiceMain {

    private ConsentServiceMain() {
    }

    public static void main(String[] args) {
        Micronaut.run(ConsentServiceMain.class, args);
    }
}
