package uk.schoolsocial.platform.webhook;

import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where deliveries may go (INT-1): https to a host whose every address is public. A subscription
 * must not turn the services into a proxy into their own network (SSRF), so a host that is, or
 * resolves to, a loopback, private, link-local, unique-local, carrier-grade NAT, multicast or
 * unspecified address is refused when subscribing, and checked again before every delivery (a name
 * may later resolve elsewhere). {@code smp.webhooks.allow-private-addresses} lifts both rules for
 * tests and a suite run on one machine.
 */
@Singleton
public class SubscriberAddresses {

    private final boolean allowPrivate;

    SubscriberAddresses(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivateAddresses();
    }

    /** Why {@code url} may not receive deliveries, or empty if it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            return Optional.of("must not carry user information or a fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to a private, loopback or link-local address, which deliveries may not go to");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d mapped IPv4 is resolved to Inet4Address by Java.
            return (bytes[0] & 0xfe) != 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 198.18.0.0/15 benchmarking, 240.0.0.0/4 reserved
        return !(first == 100 && second >= 64 && second < 128) && first != 0
                && !(first == 198 && (second == 18 || second == 19)) && first < 240;
    }
}
