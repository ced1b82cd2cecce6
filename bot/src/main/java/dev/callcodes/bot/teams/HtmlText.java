package dev.callcodes.bot.teams;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from the HTML Teams sends (a message action's body, formatted chat text): line breaks kept, HTML tags
 * dropped, entities read.
 */
final class HtmlText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6])>");
    private static final Pattern CELL_ENDS = Pattern.compile("(?i)</t[dh]>");
    /** Only HTML's own tags: a SIP trace's {@code <sip:+4930...@sbc.example.com>} is text and stays. */
    private static final Pattern TAGS = Pattern.compile("(?i)</?(at|p|div|span|br|b|i|u|s|strong|em|a|font|table"
            + "|thead|tbody|tr|td|th|ul|ol|li|pre|code|blockquote|h[1-6]|img|hr|sup|sub|del|ins|colgroup|col)"
            + "(\\s[^<>]*)?/?>");
    private static final Pattern ENTITIES = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");

    private HtmlText() {
    }

    static String toPlain(String html) {
        if (html == null) {
            return "";
        }
        String text = BREAKS.matcher(html).replaceAll("\n");
        text = CELL_ENDS.matcher(text).replaceAll("\t");
        text = TAGS.matcher(text).replaceAll("");
        Matcher m = ENTITIES.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String entity(String name, String original) {
        try {
            if (name.startsWith("#x")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return original;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> original;
        };
    }
}
