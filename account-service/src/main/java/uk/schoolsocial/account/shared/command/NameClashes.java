package uk.schoolsocial.account.shared.command;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import uk.schoolsocial.platform.error.FieldError;

/**
 * ACC-3: how a proposed display name or handle of an official account names a current member of
 * staff. Names are compared as {@link StaffNames} compares them (case, spacing, punctuation and
 * accents aside).
 * <ul>
 * <li>The full name (forename and surname together) anywhere in the text is a clash, as before.</li>
 * <li>The surname alone is a clash too ("Mr Stevenson's PE", "Reed Club"). A display name has words,
 * so the surname must be whole words of it: "Hill Top Club" and "Stevenson's PE" clash with Hill and
 * Stevenson, "Chill Club" and "Hilltop" do not (a surname inside a longer word is another word).
 * Words are split at anything not a letter or digit and where a small letter meets a capital
 * ("StevensonPE"), and a surname may span split words ("O'Brien", "OBrien", "O Brien" alike).</li>
 * <li>A handle has no spaces ({@code StevensonPE}, {@code mr_stevenson}), so a surname anywhere in
 * it clashes, but only a surname of at least {@value #MIN_SURNAME_IN_HANDLE} letters: "Li" or "Ng"
 * would clash with "english_club" or "kings_swimming".</li>
 * </ul>
 * Where a surname is also an ordinary word or a place, SLT may accept it for one application
 * (its {@code acceptedWords}); that excuses the surname clash only, never a full name.
 */
public final class NameClashes {

    /** Shorter surnames are not looked for inside a handle, only as whole words of a display name. */
    static final int MIN_SURNAME_IN_HANDLE = 3;

    /** Which of an account's names is checked: its words are matched differently. */
    public enum Kind { DISPLAY_NAME, HANDLE }

    /** One clash: the staff member's full name, or the surname the account name contains. */
    public record Clash(String word, boolean fullName) {

        /** The clash named, as the refusal says it (ACC-3: the clash is named). */
        public String message() {
            return fullName ? "contains the name of a member of staff: " + word
                    : "contains the surname of a member of staff: " + word;
        }
    }

    private NameClashes() {
    }

    /**
     * Every member of staff {@code text} names, at most one clash each (the full name before the
     * surname), in roster order; surname clashes with an accepted word left out.
     */
    public static List<Clash> in(String text, Kind kind, Collection<StaffName> staff, Set<String> acceptedWords) {
        String normalised = StaffNames.normalise(text);
        if (normalised.isEmpty()) {
            return List.of();
        }
        Set<String> accepted = acceptedWords.stream().map(StaffNames::normalise).collect(Collectors.toSet());
        List<String> words = kind == Kind.DISPLAY_NAME ? words(text) : List.of();
        List<Clash> clashes = new ArrayList<>();
        for (StaffName member : staff) {
            String forename = StaffNames.normalise(member.forename());
            String surname = StaffNames.normalise(member.surname());
            if (surname.isEmpty()) {
                continue;
            }
            if (!forename.isEmpty() && normalised.contains(forename + surname)) {
                clashes.add(new Clash(member.forename().strip() + " " + member.surname().strip(), true));
            } else if (!accepted.contains(surname)
                    && (kind == Kind.HANDLE ? surname.length() >= MIN_SURNAME_IN_HANDLE && normalised.contains(surname)
                    : spansWholeWords(words, surname))) {
                clashes.add(new Clash(member.surname().strip(), false));
            }
        }
        return clashes.stream().distinct().toList();
    }

    /** Adds an error on {@code field} for each clash of {@code text}, or nothing when it is null. */
    public static void check(List<FieldError> errors, String field, String text, Kind kind, Collection<StaffName> staff,
                             Set<String> acceptedWords) {
        if (text != null) {
            in(text, kind, staff, acceptedWords).forEach(clash -> errors.add(new FieldError(field, clash.message())));
        }
    }

    /**
     * The errors as a refusal's message (its problem detail) says them: each field with what is
     * wrong, but without the staff name after the colon, since a message may reach a log. The
     * errors themselves name the clash.
     */
    public static List<String> withoutNames(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + (error.message().contains(": ")
                ? error.message().substring(0, error.message().indexOf(": ")) : error.message())).toList();
    }

    /** The words of a display name, normalised: "Mr Stevenson'sPE" gives mr, stevenson, s, pe. */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2");
        return Arrays.stream(plain.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Whether some run of consecutive words, written together, is the surname. */
    private static boolean spansWholeWords(List<String> words, String surname) {
        for (int start = 0; start < words.size(); start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < words.size() && run.length() < surname.length(); end++) {
                run.append(words.get(end));
                if (run.length() == surname.length() && run.toString().equals(surname)) {
                    return true;
                }
            }
        }
        return false;
    }
}
