package uk.schoolsocial.gateway.routing;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chooses the service for an {@code /api/v1/...} path (runtime contract, "Routing"): by its first
 * segment, except under {@code /api/v1/audit/}, where the second segment names the service whose
 * audit trail it is ({@code /api/v1/audit/account/...} goes to the service configured as
 * {@code smp.services.account}) and {@code /api/v1/audit/events}, the merged history, is the
 * gateway's own. Built at startup so that a bad service URL, a prefix claimed by two services, or
 * a name or prefix that the audit paths reserve stops the gateway instead of misrouting requests.
 */
@Context
public final class RouteTable {

    static final String API_ROOT = "/api/v1/";
    /** The first segment of the audit paths, which no service may claim as a prefix. */
    static final String AUDIT_PREFIX = "audit";
    /** {@code /api/v1/audit/events}: served by the gateway, so no service may be named so. */
    static final String SUITE_EVENTS = "events";

    private static final String AUDIT_ROOT = API_ROOT + AUDIT_PREFIX + "/";
    /**
     * {@code /api/v1/privacy/NAME/...} is the erasure API of the service named NAME (privacy.yaml),
     * {@code /api/v1/privacy/erasures} and {@code /api/v1/privacy/subject-access} the gateway's
     * erasure from, and export of, every service (AUD-4); other
     * {@code /api/v1/privacy/} paths go to the service claiming the prefix {@code privacy}.
     */
    private static final String PRIVACY_ROOT = API_ROOT + "privacy/";
    static final String SUITE_ERASURES = "erasures";
    static final String SUITE_SUBJECT_ACCESS = "subject-access";

    /**
     * {@code /api/v1/reports/governors}: the governors' report the gateway composes from every
     * service's figures (issue 16), so no service may claim the prefix {@code reports}.
     */
    static final String REPORTS_PREFIX = "reports";
    static final String GOVERNORS_REPORT = API_ROOT + REPORTS_PREFIX + "/governors";

    /**
     * {@code /api/v1/changes}: the suite's change feed the gateway merges from every service's own
     * (issue 12), so no service may claim the prefix {@code changes}.
     */
    static final String CHANGES_PREFIX = "changes";
    static final String SUITE_CHANGES = API_ROOT + CHANGES_PREFIX;

    /**
     * {@code /api/v1/webhooks/services/NAME/...} is the webhook API of the service named NAME
     * (webhooks.yaml), {@code /api/v1/webhooks/subscriptions...} the gateway's subscriptions to every
     * service at once (INT-1); nothing else under {@code /api/v1/webhooks/}.
     */
    private static final String WEBHOOKS_ROOT = API_ROOT + "webhooks/";
    private static final String WEBHOOK_SERVICES = "services/";
    static final String SUITE_WEBHOOKS = "subscriptions";

    private final Map<String, DownstreamService> byPrefix = new HashMap<>();
    private final Map<String, DownstreamService> byName = new TreeMap<>();

    RouteTable(List<DownstreamService> services) {
        for (DownstreamService service : services) {
            validate(service);
            byName.put(service.name(), service);
            for (String prefix : service.prefixes()) {
                DownstreamService other = byPrefix.putIfAbsent(prefix, service);
                if (other != null) {
                    throw new ConfigurationException("Path prefix '" + prefix + "' is claimed by both smp.services."
                            + other.name() + " and smp.services." + service.name());
                }
            }
        }
    }

    /** Where a request for {@code path} goes. */
    Route route(String path) {
        if (!path.startsWith(API_ROOT)) {
            return new Route.NotFound("No service serves " + path);
        }
        if (path.equals(GOVERNORS_REPORT) || path.equals(SUITE_CHANGES)) {
            return new Route.Gateway();
        }
        if (path.startsWith(AUDIT_ROOT)) {
            return auditRoute(path, path.substring(AUDIT_ROOT.length()));
        }
        if (path.startsWith(PRIVACY_ROOT)) {
            String rest = path.substring(PRIVACY_ROOT.length());
            if (rest.equals(SUITE_ERASURES) || rest.equals(SUITE_SUBJECT_ACCESS)) {
                return new Route.Gateway();
            }
            DownstreamService named = byName.get(firstSegment(rest));
            if (named != null && rest.contains("/")) {
                return new Route.Service(named, false, PRIVACY_ROOT + named.name() + "/**");
            }
        }
        if (path.startsWith(WEBHOOKS_ROOT)) {
            return webhookRoute(path, path.substring(WEBHOOKS_ROOT.length()));
        }
        String prefix = firstSegment(path.substring(API_ROOT.length()));
        return Optional.ofNullable(byPrefix.get(prefix))
                .<Route>map(service -> new Route.Service(service, false, API_ROOT + prefix + "/**"))
                .orElseGet(() -> new Route.NotFound("No service serves " + path));
    }

    /** The service configured as {@code smp.services.NAME}. */
    public Optional<DownstreamService> service(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every configured service, by name. */
    public List<DownstreamService> services() {
        return List.copyOf(byName.values());
    }

    private Route auditRoute(String path, String rest) {
        String name = firstSegment(rest);
        if (name.equals(SUITE_EVENTS)) {
            return rest.equals(SUITE_EVENTS) ? new Route.Gateway() : new Route.NotFound("No service serves " + path);
        }
        DownstreamService service = byName.get(name);
        if (service == null) {
            return new Route.NotFound("No service named '" + name + "' keeps an audit trail; the services are "
                    + String.join(", ", byName.keySet()) + ".");
        }
        return new Route.Service(service, true, AUDIT_ROOT + service.name() + "/**");
    }

    private Route webhookRoute(String path, String rest) {
        if (firstSegment(rest).equals(SUITE_WEBHOOKS)) {
            return new Route.Gateway();
        }
        if (rest.startsWith(WEBHOOK_SERVICES)) {
            DownstreamService named = byName.get(firstSegment(rest.substring(WEBHOOK_SERVICES.length())));
            if (named != null) {
                return new Route.Service(named, false, WEBHOOKS_ROOT + WEBHOOK_SERVICES + named.name() + "/**");
            }
        }
        return new Route.NotFound("No service serves " + path);
    }

    private static String firstSegment(String rest) {
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static void validate(DownstreamService service) {
        String scheme = service.url() == null ? null : service.url().getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || service.url().getHost() == null) {
            throw new ConfigurationException("smp.services." + service.name() + ".url must be an http(s) URL, not "
                    + service.url());
        }
        for (URI instance : service.instances() == null ? List.<URI>of() : service.instances()) {
            if (!("http".equals(instance.getScheme()) || "https".equals(instance.getScheme())) || instance.getHost() == null) {
                throw new ConfigurationException("smp.services." + service.name() + ".instances must be http(s) URLs,"
                        + " not " + instance);
            }
        }
        if (service.prefixes() == null || service.prefixes().isEmpty()) {
            throw new ConfigurationException("smp.services." + service.name() + ".prefixes must list the path"
                    + " segments after " + API_ROOT + " that the service serves");
        }
        if (service.prefixes().contains("webhooks")) {
            throw new ConfigurationException("smp.services." + service.name() + ".prefixes must not claim 'webhooks': "
                    + WEBHOOKS_ROOT + " is the webhook API of every service and of the gateway");
        }
        if (service.prefixes().contains(AUDIT_PREFIX)) {
            throw new ConfigurationException("smp.services." + service.name() + ".prefixes must not claim '"
                    + AUDIT_PREFIX + "': " + AUDIT_ROOT + "NAME/ goes to the service named NAME");
        }
        if (service.prefixes().contains(REPORTS_PREFIX)) {
            throw new ConfigurationException("smp.services." + service.name() + ".prefixes must not claim '"
                    + REPORTS_PREFIX + "': " + GOVERNORS_REPORT + " is the gateway's own");
        }
        if (service.prefixes().contains(CHANGES_PREFIX)) {
            throw new ConfigurationException("smp.services." + service.name() + ".prefixes must not claim '"
                    + CHANGES_PREFIX + "': " + SUITE_CHANGES + " is the gateway's own");
        }
        if (service.name().equals(SUITE_EVENTS)) {
            throw new ConfigurationException("smp.services." + SUITE_EVENTS + " cannot be a service's name: "
                    + AUDIT_ROOT + SUITE_EVENTS + " is the gateway's merged audit history");
        }
    }

    /** The outcome of routing a path. */
    sealed interface Route {

        /**
         * Forward to this service.
         *
         * @param audit    whether it is the service's audit trail, where a request may act for a school
         *                 granted across a trust ({@code Caller#actingFor})
         * @param template the configured path pattern it matched ({@code /api/v1/accounts/**}): the
         *                 {@code uri} of its HTTP metrics, which a full path (with ids) must never be
         */
        record Service(DownstreamService service, boolean audit, String template) implements Route {
        }

        /** The gateway answers itself (a controller of its own). */
        record Gateway() implements Route {
        }

        /** Nobody serves it: 404, with this detail. */
        record NotFound(String detail) implements Route {
        }
    }
}
