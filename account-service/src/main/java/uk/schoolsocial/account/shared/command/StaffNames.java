package uk.schoolsocial.account.shared.command;

import java.text.Normalizer;
import java.util.Locale;

/** ACC-3: names compared regardless of case, spacing, punctuation and accents. */
public final class StaffNames {

    private StaffNames() {
    }

    /** Lower case letters and digits only: "O'Brien-Smith, Á" becomes "obriensmitha". */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
