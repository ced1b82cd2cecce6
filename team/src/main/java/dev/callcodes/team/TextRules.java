package dev.callcodes.team;

/** Plain text a person wrote (a note, a comment): line breaks unified, length counted in characters as people do. */
public final class TextRules {

    private TextRules() {
    }

    /**
     * The text with {@code \r\n} and {@code \r} made {@code \n} and outer blanks removed, or an exception whose message
     * can be shown to the person as it is.
     */
    public static String plainText(String what, String text, int maxCharacters) {
        String normalized = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (normalized.isEmpty()) {
            throw new TextRejected(what + " is empty: write something first");
        }
        int characters = normalized.codePointCount(0, normalized.length());
        if (characters > maxCharacters) {
            throw new TextRejected(what + " has " + characters + " characters; the most is " + maxCharacters);
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                throw new TextRejected(what + " has a control character (U+%04X) at character %d: send plain text"
                        .formatted((int) c, i + 1));
            }
        }
        return normalized;
    }

    /** Text a person can fix: the message says what and how. */
    public static final class TextRejected extends IllegalArgumentException {
        public TextRejected(String message) {
            super(message);
        }
    }
}
