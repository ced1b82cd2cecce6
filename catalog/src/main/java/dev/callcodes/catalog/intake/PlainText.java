package dev.callcodes.catalog.intake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

import java.util.Locale;
import java.util.Objects;
import java.util.List;
import java.util.Set;

/**
 * Text as the intake reads it. Teams messages and browser pastes arrive as HTML: here, once and at the edge, they
 * become lines and tab-separated cells, every HTML entity decoded, with no script or style text and no mention
 * markup ({@code <at>Name</at>}). Text without markup passes through unchanged, so "what is 510559 403" costs a
 * scan for '&lt;' and '&amp;'.
 *
 * <p>Normalizing the output again changes nothing, except where the decoded text is itself markup: a message that
 * shows the characters {@code <b>} arrives as {@code &lt;b&gt;}, and a second pass would read the decoded {@code <b>}
 * as a tag. That is why this is a type: the intake accepts a {@code PlainText}, and nothing downstream normalizes.
 */
public final class PlainText {

    /**
     * Tags that make text HTML. A SIP trace is full of {@code <sip:+1425...>} and a log of {@code <--}, so a generic
     * "looks like a tag" test would strip them; only tags that HTML writers really emit count.
     */
    private static final Set<String> HTML_TAGS = Set.copyOf(List.of(
            "a", "at", "b", "blockquote", "body", "br", "code", "div", "em", "emoji", "font", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr", "html", "i", "img", "li", "ol", "p", "pre", "s", "small", "span", "strike", "strong",
            "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "systemtag", "meta",
            "style", "script", "head", "title", "section", "article", "header", "footer", "main", "nav", "caption",
            "colgroup", "col", "dl", "dt", "dd", "mark", "del", "ins", "kbd", "samp", "figure", "figcaption"));

    /** Elements whose text is not part of what the user wrote. */
    private static final Set<String> SKIPPED = Set.copyOf(List.of("script", "style", "at", "head", "title", "noscript",
            "template", "meta", "link"));

    private static final Set<String> BLOCKS = Set.copyOf(List.of("p", "div", "li", "ul", "ol", "pre", "table", "thead",
            "tbody", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header",
            "footer", "main", "nav", "caption", "dl", "dt", "dd", "figure", "figcaption", "hr"));

    private static final int LONGEST_TAG = 10;

    private final String text;

    private PlainText(String text) {
        this.text = text;
    }

    /** The text of what the user sent: HTML turned into lines and cells, entities decoded. Null is empty. */
    public static PlainText of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new PlainText("");
        }
        String plain;
        if (isHtml(raw)) {
            plain = fromHtml(raw);
        } else {
            plain = raw.indexOf('<') >= 0 ? lineBreakTagsAsSpaces(raw) : raw;
            plain = plain.indexOf('&') >= 0 ? Parser.unescapeEntities(plain, false) : plain;
        }
        return new PlainText(spacesAsSpaces(plain));
    }

    public String text() {
        return text;
    }

    /** The text from {@code index} on, stripped: already plain, so it is not normalized again. */
    public PlainText from(int index) {
        return new PlainText(text.substring(Math.min(index, text.length())).strip());
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    public int length() {
        return text.length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlainText p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Whether the text is an HTML document or fragment: it starts with a tag HTML writers emit (a Teams message's
     * {@code <p>} or {@code <at>}, a browser copy's {@code <html>} or {@code <table>}), or it holds a block-level tag
     * (a table, a paragraph). Markdown with a {@code <br/>} in a table cell (Microsoft's docs) is not HTML: parsing it
     * as HTML would break its rows apart.
     */
    static boolean isHtml(String s) {
        int first = 0;
        while (first < s.length() && Character.isWhitespace(s.charAt(first))) {
            first++;
        }
        if (first < s.length() && s.charAt(first) == '<' && tagAt(s, first) != null) {
            return true;
        }
        for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
            String tag = tagAt(s, i);
            if (tag != null && BLOCK_TAGS.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Block-level tags, whose text is laid out by HTML rather than by its line breaks, and Teams' mention tag, whose
     * text is a name (digits in it are never codes).
     */
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "table", "tr", "td", "th", "html", "body", "ul",
            "ol", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "at");

    /** "line one<br/>line two" in otherwise plain text (a Markdown table cell): the break is a space. */
    private static String lineBreakTagsAsSpaces(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
            if ("br".equals(tagAt(s, i))) {
                int end = s.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, i).append(' ');
                copied = end + 1;
                i = end;
            }
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** The lower-case name of the HTML writer's tag that starts at {@code i} ('&lt;'), or null. */
    static String tagAt(String s, int i) {
        if (i + 1 >= s.length()) {
            return null;
        }
        int start = i + 1;
        if (s.charAt(start) == '!') {
            return s.startsWith("!--", start) ? "!--" : null;
        }
        if (s.charAt(start) == '/') {
            start++;
        }
        int end = start;
        while (end < s.length() && end - start <= LONGEST_TAG && Character.isLetterOrDigit(s.charAt(end))) {
            end++;
        }
        if (end == start || end - start > LONGEST_TAG || end >= s.length()) {
            return null;
        }
        char after = s.charAt(end);
        String name = s.substring(start, end).toLowerCase(Locale.ROOT);
        return (after == '>' || after == ' ' || after == '/' || after == '\t' || after == '\n')
                && HTML_TAGS.contains(name) ? name : null;
    }

    private static String fromHtml(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        // Rows copied out of a table (<tr><td>...) without it: HTML parsers drop table cells found outside a table.
        boolean strayRows = (lower.contains("<tr") || lower.contains("<td")) && !lower.contains("<table");
        Element body = Jsoup.parseBodyFragment(strayRows ? "<table>" + html + "</table>" : html).body();
        StringBuilder out = new StringBuilder(html.length());
        body.filter(new TextWriter(out));
        return out.toString().strip();
    }

    /** Walks the parsed fragment once, writing text, line breaks between blocks and tabs between cells. */
    private static final class TextWriter implements NodeFilter {
        private final StringBuilder out;
        private int preformatted;

        TextWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                out.append(preformatted > 0 ? textNode.getWholeText() : collapse(textNode.getWholeText()));
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (tag) {
                case "br" -> out.append('\n');
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        out.append('\t');
                    }
                }
                case "pre", "code" -> preformatted++;
                default -> {
                    if (BLOCKS.contains(tag)) {
                        newLine();
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre") || tag.equals("code")) {
                    preformatted--;
                }
                if (BLOCKS.contains(tag)) {
                    newLine();
                }
            }
            return FilterResult.CONTINUE;
        }

        private void newLine() {
            int end = out.length();
            while (end > 0 && (out.charAt(end - 1) == ' ')) {
                end--;
            }
            out.setLength(end);
            if (end > 0 && out.charAt(end - 1) != '\n') {
                out.append('\n');
            }
        }

        /** Outside {@code <pre>}, HTML's line breaks and runs of spaces are one space. */
        private static String collapse(String text) {
            StringBuilder collapsed = null;
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean isSpace = c == ' ' || c == '\n' || c == '\r' || c == '\t';
                if (isSpace && (space || c != ' ') && collapsed == null) {
                    collapsed = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (collapsed != null && !(isSpace && space)) {
                    collapsed.append(isSpace ? ' ' : c);
                }
                space = isSpace;
            }
            return collapsed == null ? text : collapsed.toString();
        }
    }

    /** No-break spaces separate words like spaces do; keeping them would hide "Code&nbsp;510559" from the reader. */
    private static String spacesAsSpaces(String text) {
        if (text.indexOf('\u00A0') < 0 && text.indexOf('\u202F') < 0 && text.indexOf('\u2007') < 0) {
            return text;
        }
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ');
    }
}
