package dev.callcodes.catalog.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * What a number is named as by the words right before it: "Final SIP code: 404", "callEndSubReason=560403",
 * {@code "subcode": 7106}, "ticket 54321". Looks back a bounded distance over folded text, so the cost per number
 * is constant whatever the line holds.
 */
final class LabelLookback {

    /** Quotes, brackets, spaces and at most one ':', '=' or '#' may stand between a label and its value. */
    private static final int MAX_GAP = 16;
    /** A word longer than this is not a label word (and would make the look back cost more than a constant). */
    private static final int MAX_WORD = 40;

    /**
     * A name found before a number.
     *
     * @param compact   the name in {@link FieldLabels#compact} form
     * @param field     the field it labels, or null (a generic name, a name of something that is not a code)
     * @param start     where the name starts in the line
     * @param separated whether a ':', '=' or '#' stands between the name and the number
     */
    record Label(String compact, Field field, int start, boolean separated) {
    }

    private LabelLookback() {
    }

    /** The longest label, generic name, paired-code name or not-a-code name before the number, or null. */
    static Label find(String s, int numberStart, FieldLabels labels) {
        int i = numberStart - 1;
        int gap = 0;
        boolean separated = false;
        while (i >= 0 && gap < MAX_GAP) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '[' || c == '(' || c == '{' || c == ']'
                    || c == ')' || c == '}' || c == '`' || c == '*') {
                i--;
                gap++;
            } else if ((c == ':' || c == '=' || c == '#' || c == '-' && gap == 0) && !separated) {
                // "Final SIP code: 404", "cause=16", "SIP-486" 
                separated = true;
                i--;
                gap++;
            } else {
                break;
            }
        }
        List<String> words = new ArrayList<>(4);
        List<Integer> starts = new ArrayList<>(4);
        int maxWords = labels.longestLabelWords();
        while (i >= 0 && words.size() < maxWords) {
            int end = i + 1;
            boolean letter = false;
            while (i >= 0 && Character.isLetterOrDigit(s.charAt(i)) && end - i <= MAX_WORD) {
                letter |= Character.isLetter(s.charAt(i));
                i--;
            }
            if (end - i - 1 == 0 || !letter || i >= 0 && Character.isLetterOrDigit(s.charAt(i))) {
                break;
            }
            words.add(s.substring(i + 1, end));
            starts.add(i + 1);
            int separators = 0;
            while (i >= 0 && separators < 2 && (s.charAt(i) == ' ' || s.charAt(i) == '_' || s.charAt(i) == '-'
                    || s.charAt(i) == '.')) {
                i--;
                separators++;
            }
            if (separators == 0) {
                break;
            }
        }
        for (int k = words.size(); k >= 1; k--) {
            StringBuilder compact = new StringBuilder();
            for (int w = k - 1; w >= 0; w--) {
                compact.append(words.get(w));
            }
            String name = compact.toString();
            Field field = labels.fieldOfCompact(name);
            if (field != null || labels.genericField(name) != null || labels.isNotCodes(name)
                    || labels.isPairedCodes(name)) {
                return new Label(name, field, starts.get(k - 1), separated);
            }
        }
        return null;
    }

    /** The compact name before the number, if it is any kind of name {@link #find} knows; else null. */
    static String nameBefore(String s, int numberStart, FieldLabels labels) {
        Label label = find(s, numberStart, labels);
        return label == null ? null : label.compact();
    }
}
