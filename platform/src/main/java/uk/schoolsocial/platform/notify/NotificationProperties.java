package uk.schoolsocial.platform.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How notifications are e-mailed (issue 12, docs/integration.md): SMTP server, sender
 * address, the base of the links, the role mailboxes of each school, and the retry policy.
 */
@ConfigurationProperties("smp.notifications")
public class NotificationProperties {

    private Duration interval = Duration.ofSeconds(2);
    private int batchSize = 50;
    private int maxAttempts = 10;
    private Duration firstRetry = Duration.ofSeconds(30);
    private Duration maxRetry = Duration.ofHours(1);
    private String linkBase = "http://localhost:8080";
    private String from = "notifications@schoolsocial.invalid";
    @Nullable
    private String smtpHost;
    private int smtpPort = 25;
    private Duration smtpTimeout = Duration.ofSeconds(10);
    private List<String> recipients = new ArrayList<>();

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getFirstRetry() {
        return firstRetry;
    }

    public void setFirstRetry(Duration firstRetry) {
        this.firstRetry = firstRetry;
    }

    public Duration getMaxRetry() {
        return maxRetry;
    }

    public void setMaxRetry(Duration maxRetry) {
        this.maxRetry = maxRetry;
    }

    public String getLinkBase() {
        return linkBase;
    }

    public void setLinkBase(String linkBase) {
        this.linkBase = linkBase;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    @Nullable
    public String getSmtpHost() {
        return smtpHost;
    }

    public void setSmtpHost(@Nullable String smtpHost) {
        this.smtpHost = smtpHost;
    }

    public int getSmtpPort() {
        return smtpPort;
    }

    public void setSmtpPort(int smtpPort) {
        this.smtpPort = smtpPort;
    }

    public Duration getSmtpTimeout() {
        return smtpTimeout;
    }

    public void setSmtpTimeout(Duration smtpTimeout) {
        this.smtpTimeout = smtpTimeout;
    }

    /** Entries {@code SCHOOL/ROLE=address}: a mailbox of a role at a school; a role may have several. */
    public List<String> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<String> recipients) {
        this.recipients = recipients;
    }

    /** The wait before attempt {@code attempts + 1}: doubling from the first retry, at most the longest. */
    Duration backOff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
