package uk.schoolsocial.platform.notify;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who "the DSL of school X" is, as e-mail addresses (issue 12): configured per school and role
 * ({@code smp.notifications.recipients}), so schools give role mailboxes (dsl@...) and the suite
 * keeps no staff member's address in its events or read models. Read once at start; a malformed
 * entry stops the service rather than sending alerts nowhere.
 */
@Singleton
class RoleMailboxes {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final Map<String, List<String>> byRole = new HashMap<>();

    RoleMailboxes(NotificationProperties properties) {
        for (String entry : properties.getRecipients()) {
            int equals = entry.indexOf('=');
            int slash = equals < 0 ? -1 : entry.lastIndexOf('/', equals);
            if (slash <= 0 || slash == equals - 1) {
                throw new ConfigurationException("smp.notifications.recipients: an entry is SCHOOL/ROLE=address");
            }
            String school = entry.substring(0, slash).trim();
            String role = entry.substring(slash + 1, equals).trim();
            String address = entry.substring(equals + 1).trim();
            if (!ADDRESS.matcher(address).matches()) {
                throw new ConfigurationException("smp.notifications.recipients: school " + school + ", role " + role
                        + " has an address that is not one");
            }
            byRole.computeIfAbsent(key(school, role), k -> new ArrayList<>()).add(address);
        }
    }

    /** The addresses of {@code role} at {@code school}; empty when none are configured. */
    List<String> of(String school, String role) {
        return byRole.getOrDefault(key(school, role), List.of());
    }

    private static String key(String school, String role) {
        return school + "\u0000" + role;
    }
}
