package uk.schoolsocial.platform.notify;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notification by SMTP (Jakarta Mail, issue 12): subject and body carry the category text
 * and the link only. Without {@code smp.notifications.smtp-host} (a development run) it writes a
 * log line instead, with the notification's id, kind, role, school and link, none of them personal.
 */
@Singleton
class MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(MailTransport.class);

    private final NotificationProperties properties;
    private final Session session;

    MailTransport(NotificationProperties properties) {
        this.properties = properties;
        Properties smtp = new Properties();
        if (configured()) {
            smtp.put("mail.smtp.host", properties.getSmtpHost());
            smtp.put("mail.smtp.port", String.valueOf(properties.getSmtpPort()));
        }
        String timeout = String.valueOf(properties.getSmtpTimeout().toMillis());
        smtp.put("mail.smtp.connectiontimeout", timeout);
        smtp.put("mail.smtp.timeout", timeout);
        smtp.put("mail.smtp.writetimeout", timeout);
        this.session = Session.getInstance(smtp);
    }

    /** Whether an SMTP server is configured; else notifications are logged. */
    boolean configured() {
        String host = properties.getSmtpHost();
        return host != null && !host.isBlank();
    }

    /** Sends {@code notification} to {@code addresses}, or logs it when no SMTP server is configured. */
    DeliveryState send(PendingNotification notification, List<String> addresses) throws MessagingException {
        String link = properties.getLinkBase().replaceAll("/+$", "") + notification.link();
        if (!configured()) {
            LOG.info("Notification {} ({}) for {} of school {}: {} (no SMTP host configured: logged, not e-mailed)",
                    notification.id(), notification.kind(), notification.recipientRole(), notification.schoolId(),
                    link);
            return DeliveryState.LOGGED;
        }
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(properties.getFrom()));
        for (String address : addresses) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(notification.text(), "UTF-8");
        message.setText(notification.text() + "\n\n" + link + "\n\nSign in to read the case; this e-mail carries"
                + " the category and the link only.\n", "UTF-8");
        message.setHeader("X-School-Social-Notification", notification.id());
        Transport.send(message);
        return DeliveryState.SENT;
    }
}
