package dev.callcodes.store;

import java.util.regex.Pattern;

/**
 * The key rule both stores share: {@code /}-separated segments of {@code [a-z0-9._-]}, each starting with a letter or
 * digit, at most 200 characters a segment and 1,024 in all. Lowercase only, so a key means the same document on a
 * case-insensitive disk; no {@code ..}, so a key never leaves the data folder.
 */
public final class Keys {

    public static final int MAX_LENGTH = 1024;
    public static final int MAX_SEGMENT_LENGTH = 200;

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9._/-]*");

    private Keys() {
    }

    /** The key, or an exception naming it and what is wrong. */
    public static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a document key is not empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the key '" + key.substring(0, 40) + "...' has " + key.length()
                    + " characters; at most " + MAX_LENGTH);
        }
        // Every store call checks its key: by characters, as a regex per segment showed in a message's profile.
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == '/') {
                if (!isSegment(key, start, i)) {
                    checkSegment(key, key.substring(start, i));
                }
                start = i + 1;
            }
        }
        return key;
    }

    /** Whether {@code text[from, to)} is a segment: {@code [a-z0-9][a-z0-9._-]*}, at most 200 characters. */
    private static boolean isSegment(String text, int from, int to) {
        return to - from <= MAX_SEGMENT_LENGTH && hasSegmentCharacters(text, from, to);
    }

    /** {@code [a-z0-9][a-z0-9._-]*}, checked by characters. */
    private static boolean hasSegmentCharacters(String text, int from, int to) {
        if (to == from || !isLowerLetterOrDigit(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (!isLowerLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Whether {@code key} follows the rule: blobs or files that do not were not written by a store. */
    public static boolean isValid(String key) {
        try {
            check(key);
            return true;
        } catch (IllegalArgumentException notAKey) {
            return false;
        }
    }

    /** A listing prefix: the key characters, possibly ending inside a segment or with {@code /}. */
    public static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches() || prefix.startsWith("/") || prefix.contains("//")
                || prefix.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the key prefix '" + prefix + "' has characters outside [a-z0-9._/-],"
                    + " a leading or doubled '/', or is over " + MAX_LENGTH + " characters");
        }
        return prefix;
    }

    /** One segment made of arbitrary text (an id from Teams, say): checked, or an exception naming {@code what}. */
    public static String segment(String what, String value) {
        if (value == null || !isSegment(value, 0, value.length())) {
            throw new IllegalArgumentException(what + " '" + value + "' is not usable in a key: lowercase letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit, at most " + MAX_SEGMENT_LENGTH);
        }
        return value;
    }

    private static void checkSegment(String key, String segment) {
        if (segment.isEmpty()) {
            throw new IllegalArgumentException("the key '" + key + "' has an empty segment (a leading, trailing or"
                    + " doubled '/')");
        }
        if (!hasSegmentCharacters(segment, 0, segment.length())) {
            throw new IllegalArgumentException("the key '" + key + "' has the segment '" + segment + "': use"
                    + " lowercase letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new IllegalArgumentException("the key '" + key + "' has a segment of " + segment.length()
                    + " characters; at most " + MAX_SEGMENT_LENGTH);
        }
    }
}
