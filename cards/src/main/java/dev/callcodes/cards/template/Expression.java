package dev.callcodes.cards.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed binding expression: a property path ({@code entry.steps[0].text}, {@code $root.x}, {@code $index},
 * {@code $data}), a literal, or a call of a supported function. Operators are not supported: templates use
 * functions ({@code equals(a, b)}, {@code not(x)}), which keeps the engine small and its meaning unambiguous.
 */
sealed interface Expression {

    JsonNode evaluate(Scope scope);

    /** A literal string, number, boolean or null. */
    record Literal(JsonNode value) implements Expression {
        @Override
        public JsonNode evaluate(Scope scope) {
            return value;
        }
    }

    /** A path from the current data, from $root, from $data, or $index. Unknown names evaluate to missing. */
    record Path(String root, List<Object> steps) implements Expression {
        @Override
        public JsonNode evaluate(Scope scope) {
            JsonNode node = switch (root) {
                case "$root" -> scope.root();
                case "$data" -> scope.data();
                case "$index" -> scope.index() == null ? MissingNode.getInstance() : IntNode.valueOf(scope.index());
                default -> scope.data() == null ? MissingNode.getInstance() : scope.data().path(root);
            };
            for (Object step : steps) {
                if (node == null || node.isMissingNode() || node.isNull()) {
                    return MissingNode.getInstance();
                }
                node = step instanceof Integer i ? node.path(i) : node.path((String) step);
            }
            return node == null ? MissingNode.getInstance() : node;
        }
    }

    /** A call of one of {@link Functions}; arity is checked when the template is loaded. */
    record Call(Functions.Function function, List<Expression> arguments) implements Expression {
        @Override
        public JsonNode evaluate(Scope scope) {
            List<JsonNode> values = new ArrayList<>(arguments.size());
            for (Expression argument : arguments) {
                values.add(argument.evaluate(scope));
            }
            return function.apply(values);
        }
    }

    /** Parses the text between "${" and "}"; throws IllegalArgumentException naming what it did not understand. */
    static Expression parse(String text) {
        Parser parser = new Parser(text);
        Expression expression = parser.expression();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(parser.pos)
                    + "' in ${" + text + "} (operators are not supported; use functions such as equals() or not())");
        }
        return expression;
    }

    /** A recursive-descent parser for paths, literals and function calls. */
    final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Expression expression() {
            skipSpace();
            if (atEnd()) {
                throw new IllegalArgumentException("empty expression");
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                return new Literal(TextNode.valueOf(quoted(c)));
            }
            if (Character.isDigit(c) || c == '-') {
                return new Literal(number());
            }
            String name = identifier();
            skipSpace();
            if (!atEnd() && text.charAt(pos) == '(') {
                pos++;
                return call(name);
            }
            return switch (name) {
                case "true" -> new Literal(BooleanNode.TRUE);
                case "false" -> new Literal(BooleanNode.FALSE);
                case "null" -> new Literal(NullNode.getInstance());
                default -> path(name);
            };
        }

        private Expression call(String name) {
            Functions.Function function = Functions.named(name).orElseThrow(() ->
                    new IllegalArgumentException("unsupported function '" + name + "'; supported: " + Functions.names()));
            List<Expression> arguments = new ArrayList<>();
            skipSpace();
            if (!atEnd() && text.charAt(pos) == ')') {
                pos++;
            } else {
                while (true) {
                    arguments.add(expression());
                    skipSpace();
                    if (atEnd()) {
                        throw new IllegalArgumentException("missing ')' after the arguments of " + name + "()");
                    }
                    char c = text.charAt(pos++);
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw new IllegalArgumentException("unexpected '" + c + "' in the arguments of " + name + "()");
                    }
                }
            }
            function.checkArity(arguments.size());
            return new Call(function, arguments);
        }

        private Expression path(String root) {
            if (root.startsWith("$") && !List.of("$root", "$data", "$index").contains(root)) {
                throw new IllegalArgumentException("unsupported variable '" + root + "'; supported: $root, $data, $index");
            }
            List<Object> steps = new ArrayList<>();
            while (!atEnd()) {
                char c = text.charAt(pos);
                if (c == '.') {
                    pos++;
                    steps.add(identifier());
                } else if (c == '[') {
                    pos++;
                    skipSpace();
                    char d = text.charAt(pos);
                    if (d == '\'' || d == '"') {
                        steps.add(quoted(d));
                    } else {
                        steps.add(number().asInt());
                    }
                    skipSpace();
                    if (atEnd() || text.charAt(pos) != ']') {
                        throw new IllegalArgumentException("missing ']' in path " + root);
                    }
                    pos++;
                } else {
                    break;
                }
            }
            return new Path(root, List.copyOf(steps));
        }

        private String identifier() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("expected a name at '" + text.substring(pos) + "'");
            }
            return text.substring(start, pos);
        }

        private JsonNode number() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            while (!atEnd() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (!atEnd() && text.charAt(pos) == '.') {
                throw new IllegalArgumentException("decimal literals are not supported: " + text.substring(start));
            }
            try {
                return IntNode.valueOf(Integer.parseInt(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number: '" + text.substring(start, pos) + "'");
            }
        }

        private String quoted(char quote) {
            StringBuilder out = new StringBuilder();
            pos++;
            while (!atEnd() && text.charAt(pos) != quote) {
                if (text.charAt(pos) == '\\') {
                    throw new IllegalArgumentException("escapes in string literals are not supported");
                }
                out.append(text.charAt(pos++));
            }
            if (atEnd()) {
                throw new IllegalArgumentException("unterminated string literal");
            }
            pos++;
            return out.toString();
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= text.length();
        }
    }
}
