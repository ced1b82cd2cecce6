package dev.callcodes.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** Normalization that makes a pasted phrase compare equal to the published one despite case, spacing and typography. */
public final class Phrases {

    private Phrases() {
    }

    /**
     * Lower case, accents and typographic quotes and dashes folded, white space collapsed, and the surrounding
     * quotes and final period dropped: "Forbidden;  Call rejected." equals "forbidden; call rejected".
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        int start = 0;
        int end = out.length();
        while (end > start && (out.charAt(end - 1) == '.' || isQuote(out.charAt(end - 1)))) {
            end--;
        }
        while (start < end && isQuote(out.charAt(start))) {
            start++;
        }
        return out.substring(start, end).strip();
    }

    /**
     * One character folded to lower-case ASCII where it has an obvious ASCII form, keeping the length of the text, so
     * that offsets found in folded text are offsets in the original.
     */
    public static char fold(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u2032' -> {
                return '\'';
            }
            case '\u201C', '\u201D', '\u201E', '\u2033' -> {
                return '"';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> {
                return '-';
            }
            case '\u00A0', '\u2007', '\u202F' -> {
                return ' ';
            }
            default -> {
                // fall through to the general case
            }
        }
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return base < 128 ? Character.toLowerCase(base) : Character.toLowerCase(c);
    }

    /** The whole text folded character by character (same length as the input). */
    public static String foldAll(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
