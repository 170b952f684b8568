package uk.schoolsocial.platform.notify;

/**
 * A notification due to be sent: to a role of a school, with a category text and a link only.
 *
 * @param attempts how many attempts were made before this one
 */
public record PendingNotification(String id, String schoolId, String recipientRole, String kind, String text,
                                  String link, int attempts) {
}
