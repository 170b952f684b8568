package uk.schoolsocial.consent.consent.query;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text folded for comparison (CON-4): lower case, accents removed, every run of punctuation or space
 * made one space, so "Zoë", "ZOE" and "zoe" match, and "O'Brien" matches "o brien".
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
