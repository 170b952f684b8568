package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.schoolsocial.consent.consent.query.NameKey;
import uk.schoolsocial.consent.officialaccount.query.AccountEventsCatchUp;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountView;

/**
 * CON-4: may this content be published? Every reason against is given, not just the first: each
 * featured pupil needs standing consent on the channel (CON-1, CON-3), no objection (CON-2) and not to
 * have left (CON-6); the official account must be live; and neither caption nor alt text may carry a
 * pupil's name (any pupil of the school's roster, case and accent insensitive) or a featured pupil's
 * date of birth.
 *
 * <p>The facts come from {@link PublicationCheckIndex} (in memory, no round trip) whenever it can be
 * trusted, else from the read model ({@link ReadModelFacts}: three indexed reads whatever the number of
 * pupils). Both hold the same rows; the rules below are the same for both.
 *
 * <p>The accounts are account-service's, read here a moment after it stores them. A check that would
 * refuse an account as not live first lets this service catch up with every account event stored so far
 * ({@link AccountEventsCatchUp}, a bounded wait), then checks again; if it cannot catch up in time, the
 * answer says the account is not yet known ({@code ACCOUNT_NOT_YET_KNOWN}) rather than refusing it on
 * stale facts (issue 15: an account made live and used at once was refused).
 */
@Singleton
public class PublicationCheck {

    /** Names of up to three words ("Mary Ann", "Ó Briain", "van der Berg") are looked for. */
    private static final int LONGEST_NAME_IN_WORDS = 3;

    private final PublicationCheckIndex index;
    private final ReadModelFacts readModel;
    private final AccountEventsCatchUp accountEvents;
    private final Clock clock;

    PublicationCheck(PublicationCheckIndex index, ReadModelFacts readModel, AccountEventsCatchUp accountEvents,
                     Clock clock) {
        this.index = index;
        this.readModel = readModel;
        this.accountEvents = accountEvents;
        this.clock = clock;
    }

    public Verdict check(String schoolId, PublicationContent content) {
        Verdict verdict = check(index.trustedFacts().orElse(readModel), schoolId, content);
        if (!verdict.refuses(Verdict.ACCOUNT_NOT_LIVE)) {
            return verdict;
        }
        if (!accountEvents.awaitHead()) {
            return verdict.accountNotYetKnown();
        }
        return check(index.trustedFacts().orElse(readModel), schoolId, content);
    }

    /** The check on given facts: the index and the read model must give the same verdict. */
    Verdict check(PublicationFacts facts, String schoolId, PublicationContent content) {
        LocalDate today = LocalDate.now(clock);
        List<Verdict.Reason> reasons = new ArrayList<>();
        Map<String, CheckedPupil> featured = facts.featured(schoolId, content.channel(), content.pupilIds())
                .stream().collect(Collectors.toMap(CheckedPupil::pupilId, Function.identity()));
        String caption = content.caption().toLowerCase(Locale.ROOT);
        String altText = content.altText().toLowerCase(Locale.ROOT);
        for (String pupilId : content.pupilIds()) {
            CheckedPupil pupil = featured.get(pupilId);
            if (pupil == null) {
                reasons.add(new Verdict.Reason("PUPIL_NOT_ON_ROSTER", pupilId, "pupilIds",
                        "Not on the school's roster, so no consent can stand"));
                continue;
            }
            pupilReasons(pupil, content, caption, altText, today, reasons);
        }
        accountReason(facts, schoolId, content).ifPresent(reasons::add);
        nameReasons(facts, schoolId, content, reasons);
        return new Verdict(reasons.isEmpty(), content.checkId(schoolId), List.copyOf(reasons));
    }

    private static void pupilReasons(CheckedPupil pupil, PublicationContent content, String caption, String altText,
                                     LocalDate today, List<Verdict.Reason> reasons) {
        String id = pupil.pupilId();
        if (pupil.leftBy(today)) {
            reasons.add(new Verdict.Reason("PUPIL_LEFT", id, "pupilIds", "Left the school on " + pupil.leftOn()));
        }
        if (pupil.objectedAt() != null) {
            reasons.add(new Verdict.Reason("OBJECTION", id, "pupilIds",
                    "The pupil objected to being photographed or filmed; it overrides consent"));
        }
        if (!pupil.consentCovers(today)) {
            reasons.add(new Verdict.Reason("NO_VALID_CONSENT", id, "pupilIds", noConsentDetail(pupil, content, today)));
        }
        DatesOfBirth.spellings(pupil.dateOfBirth()).stream()
                .filter(date -> caption.contains(date) || altText.contains(date))
                .findFirst()
                .ifPresent(date -> reasons.add(new Verdict.Reason("IDENTIFYING_DETAIL_IN_TEXT", id,
                        caption.contains(date) ? "caption" : "altText", "Carries the pupil's date of birth")));
    }

    private static String noConsentDetail(CheckedPupil pupil, PublicationContent content, LocalDate today) {
        if (pupil.givenOn() == null) {
            return "No consent for " + content.channel();
        }
        if (pupil.withdrawnAt() != null) {
            return "Consent for " + content.channel() + " was withdrawn at " + pupil.withdrawnAt();
        }
        return today.isBefore(pupil.givenOn()) ? "Consent for " + content.channel() + " starts on " + pupil.givenOn()
                : "Consent for " + content.channel() + " ended on " + pupil.validUntil();
    }

    private static Optional<Verdict.Reason> accountReason(PublicationFacts facts, String schoolId,
                                                          PublicationContent content) {
        if (content.officialAccountId() == null) {
            return Optional.empty();
        }
        Optional<OfficialLiveAccountView> account = facts.account(schoolId, content.officialAccountId());
        if (account.filter(OfficialLiveAccountView::live).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Verdict.Reason(Verdict.ACCOUNT_NOT_LIVE, null, "officialAccountId", account
                .map(found -> "The official account is " + found.status() + ", not LIVE")
                .orElse("Not an official account of the school provisioned after approval")));
    }

    /**
     * One lookup for the words of caption and alt text together; each match is reported against its field,
     * pupils in the order of their ids whatever the source of the facts.
     */
    private static void nameReasons(PublicationFacts facts, String schoolId, PublicationContent content,
                                    List<Verdict.Reason> reasons) {
        Map<String, Set<String>> fields = Map.of("caption", phrases(content.caption()),
                "altText", phrases(content.altText()));
        Set<String> all = new LinkedHashSet<>(fields.get("caption"));
        all.addAll(fields.get("altText"));
        if (all.isEmpty()) {
            return;
        }
        List<NamedPupil> named = facts.named(schoolId, all).stream()
                .sorted(Comparator.comparing(NamedPupil::pupilId)).toList();
        for (String field : List.of("caption", "altText")) {
            Set<String> phrases = fields.get(field);
            for (NamedPupil pupil : named) {
                boolean given = phrases.contains(pupil.givenNameKey());
                if (given || phrases.contains(pupil.familyNameKey())) {
                    reasons.add(new Verdict.Reason("NAME_IN_TEXT", pupil.pupilId(), field, "Names a pupil of the school ("
                            + (given ? "given" : "family") + " name); no pupil is named with an image"));
                }
            }
        }
    }

    /** Every run of one to three words of the text, folded as names are. */
    static Set<String> phrases(String text) {
        String folded = NameKey.of(text);
        if (folded.isEmpty()) {
            return Set.of();
        }
        String[] words = folded.split(" ");
        Set<String> phrases = new LinkedHashSet<>();
        for (int start = 0; start < words.length; start++) {
            StringBuilder phrase = new StringBuilder();
            for (int length = 0; length < LONGEST_NAME_IN_WORDS && start + length < words.length; length++) {
                if (length > 0) {
                    phrase.append(' ');
                }
                phrase.append(words[start + length]);
                phrases.add(phrase.toString());
            }
        }
        return phrases;
    }
}
