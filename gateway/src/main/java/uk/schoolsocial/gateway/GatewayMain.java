package uk.schoolsocial.gateway;

import io.micronaut.runtime.Micronaut;

/** Starts the gateway: the one public entry of the suite. */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        // The governors' report draws its charts with AWT (issue 16): never with a display.
        System.setProperty("java.awt.headless", "true");
        Micronaut.run(GatewayMain.class, args);
    }
}
