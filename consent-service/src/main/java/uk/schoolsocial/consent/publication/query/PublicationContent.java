package uk.schoolsocial.consent.publication.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * What is about to be published (CON-4), and the id of its check: a SHA-256 of the school and the
 * content, so that registering a publication (CON-5) can prove it is the content that was checked.
 *
 * @param officialAccountId null when no official account carries it
 */
public record PublicationContent(ConsentChannel channel, String officialAccountId, List<String> pupilIds,
                                 String caption, String altText) {

    public PublicationContent {
        pupilIds = List.copyOf(new TreeSet<>(pupilIds));
        caption = caption == null ? "" : caption;
        altText = altText == null ? "" : altText;
    }

    public String checkId(String schoolId) {
        String canonical = String.join("\u0000", schoolId, channel.name(),
                officialAccountId == null ? "" : officialAccountId, String.join(",", pupilIds), caption, altText);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
