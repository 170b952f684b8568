package uk.schoolsocial.bench;

import java.net.URI;

/** The harnesses load this machine only: every URL they are given must be on loopback. */
final class Loopback {

    private Loopback() {
    }

    /** The URL, if its host is 127.0.0.1 or localhost. */
    static String require(String url) {
        String host = URI.create(url).getHost();
        if (host == null || !host.matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        return url;
    }
}
