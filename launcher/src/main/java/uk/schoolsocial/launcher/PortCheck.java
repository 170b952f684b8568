package uk.schoolsocial.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that a port is free before anything starts. Without it a process failing to bind would
 * be reported late, or worse, another program already answering {@code /health} on that port
 * would pass for the service.
 */
final class PortCheck {

    private PortCheck() {}

    static void requireFree(String host, int port, String owner, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers do: leftover TIME_WAIT connections of a previous run do not block them
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new SuiteStartException(
                    "Port " + port + " on " + host + " for " + owner + " is in use (" + e.getMessage()
                            + "). Stop what uses it, or choose another port with " + variable + ".");
        }
    }
}
