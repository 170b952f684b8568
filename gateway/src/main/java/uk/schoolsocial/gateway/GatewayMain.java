package uk.schoolsocial.gateway;

import io.micronaut.runtime.Micronaut;

/** Starts the gateway: the one public entry of the suite. */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        Micronaut.run(GatewayMain.class, args);
    }
}
