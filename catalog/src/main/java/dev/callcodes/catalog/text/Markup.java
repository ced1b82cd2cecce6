package dev.callcodes.catalog.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Teams message markup and pasted HTML into plain text, keeping table cells and rows apart. */
public final class Markup {

    private static final Pattern MENTION = Pattern.compile("(?is)<at\\b[^>]*>.*?</at>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern LINE_END = Pattern.compile("(?i)<br\\s*/?>|</(tr|p|div|li|h[1-6]|pre|table|thead|tbody)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[a-zA-Z/!][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");

    private Markup() {
    }

    public static String toPlainText(String text) {
        String withoutMentions = MENTION.matcher(text).replaceAll(" ");
        if (withoutMentions.indexOf('<') < 0 && withoutMentions.indexOf('&') < 0) {
            return withoutMentions;
        }
        String cells = CELL_END.matcher(withoutMentions).replaceAll("\t");
        String lines = LINE_END.matcher(cells).replaceAll("\n");
        String plain = looksLikeHtml(withoutMentions) ? TAG.matcher(lines).replaceAll("") : withoutMentions;
        return decodeEntities(plain);
    }

    private static boolean looksLikeHtml(String text) {
        return TAG.matcher(text).find();
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String name, String original) {
        if (name.startsWith("#x")) {
            return codePoint(Integer.parseInt(name.substring(2), 16), original);
        }
        if (name.startsWith("#")) {
            return codePoint(Integer.parseInt(name.substring(1)), original);
        }
        return switch (name.toLowerCase()) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> original;
        };
    }

    private static String codePoint(int codePoint, String original) {
        return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : original;
    }
}
