package dev.callcodes.cards.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Adaptive Cards template, compiled once, expanded as Jackson trees: {@code ${...}} bindings (whole values keep
 * their type; bindings inside text are interpolated), {@code $data} (scope, or repetition of an array element),
 * {@code $when}, {@code $index}, {@code $root}, and the functions of {@link Functions}. Values from the data are
 * inserted as values and never evaluated, so user text containing "${...}" stays text.
 *
 * <p>Behaviour follows the official JavaScript engine (adaptivecards-templating): a binding to an undefined name
 * stays as written, and {@code $when} keeps an element only when it evaluates to {@code true}. Anything outside the
 * supported subset fails at compile time with the template's name and the JSON path. Thread-safe once compiled.
 */
public final class Template {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DATA = "$data";
    private static final String WHEN = "$when";

    private final String name;
    private final Node root;

    private Template(String name, Node root) {
        this.name = name;
        this.root = root;
    }

    /** Compiles a template; throws {@link TemplateException} naming the JSON path of anything unsupported. */
    public static Template compile(String name, JsonNode template) {
        Objects.requireNonNull(template, "template");
        return new Template(name, new Compiler(name).node(template, "$", false));
    }

    public String name() {
        return name;
    }

    /** Expands the template with the data as $root; throws {@link TemplateException} if the data breaks it. */
    public JsonNode expand(JsonNode data) {
        return root.expand(new Scope(data, data, null));
    }

    /** A compiled part of the template. */
    private interface Node {
        JsonNode expand(Scope scope);
    }

    private record Literal(JsonNode value) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            return value.isContainerNode() ? value.deepCopy() : value;
        }
    }

    /** A string that is exactly one binding: the value keeps its type (number, boolean, object, array). */
    private record WholeBinding(String template, String path, Expression expression, String source) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            JsonNode value = evaluate(template, path, expression, source, scope);
            if (value.isMissingNode()) {
                return TextNode.valueOf(source);
            }
            return value.isContainerNode() ? value.deepCopy() : value;
        }
    }

    /** A string with text and bindings: each binding's value as text; an undefined one stays as written. */
    private record Interpolation(String template, String path, List<Object> parts) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Binding binding) {
                    JsonNode value = evaluate(template, path, binding.expression(), binding.source(), scope);
                    if (value.isMissingNode()) {
                        out.append(binding.source());
                    } else if (value.isNull() || value.isContainerNode()) {
                        throw new TemplateException(template, path, binding.source() + " is "
                                + value.getNodeType().name().toLowerCase() + " and cannot be placed in text");
                    } else {
                        out.append(Functions.string(value));
                    }
                } else {
                    out.append((String) part);
                }
            }
            return TextNode.valueOf(out.toString());
        }
    }

    private record Binding(Expression expression, String source) {
    }

    private record ObjectTemplate(List<Map.Entry<String, Node>> properties) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, Node> property : properties) {
                out.set(property.getKey(), property.getValue().expand(scope));
            }
            return out;
        }
    }

    /** An array element, with its $data (repetition or scope) and $when. */
    private record Element(String template, String path, Node node, Binding data, Binding when) {
        void expandInto(ArrayNode out, Scope scope) {
            if (data == null) {
                addIfWanted(out, scope);
                return;
            }
            JsonNode value = evaluate(template, path, data.expression(), data.source(), scope);
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    addIfWanted(out, scope.withData(value.get(i), i));
                }
            } else if (value.isMissingNode()) {
                // The official engine's behaviour: an undefined $data leaves its own text as the data.
                addIfWanted(out, scope.withData(TextNode.valueOf(data.source()), scope.index()));
            } else {
                addIfWanted(out, scope.withData(value, scope.index()));
            }
        }

        private void addIfWanted(ArrayNode out, Scope scope) {
            if (when != null) {
                JsonNode condition = evaluate(template, path, when.expression(), when.source(), scope);
                if (!condition.isBoolean() || !condition.booleanValue()) {
                    return;
                }
            }
            out.add(node.expand(scope));
        }
    }

    private record ArrayTemplate(List<Element> elements) implements Node {
        @Override
        public JsonNode expand(Scope scope) {
            ArrayNode out = NODES.arrayNode(elements.size());
            for (Element element : elements) {
                element.expandInto(out, scope);
            }
            return out;
        }
    }

    private static JsonNode evaluate(String template, String path, Expression expression, String source, Scope scope) {
        try {
            return expression.evaluate(scope);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(template, path, source + ": " + e.getMessage());
        }
    }

    /** Turns template JSON into {@link Node}s, checking every construct. */
    private record Compiler(String template) {

        Node node(JsonNode json, String path, boolean arrayElement) {
            if (json.isTextual()) {
                return string(json.textValue(), path);
            }
            if (json.isArray()) {
                List<Element> elements = new ArrayList<>();
                for (int i = 0; i < json.size(); i++) {
                    elements.add(element(json.get(i), path + "[" + i + "]"));
                }
                return new ArrayTemplate(List.copyOf(elements));
            }
            if (json.isObject()) {
                if (!arrayElement && (json.has(DATA) || json.has(WHEN))) {
                    throw new TemplateException(template, path, "$data and $when are supported on array elements only");
                }
                List<Map.Entry<String, Node>> properties = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : json.properties()) {
                    if (field.getKey().equals(DATA) || field.getKey().equals(WHEN)) {
                        continue;
                    }
                    properties.add(Map.entry(field.getKey(), node(field.getValue(), path + "." + field.getKey(), false)));
                }
                boolean constant = properties.stream().allMatch(p -> p.getValue() instanceof Literal);
                return constant && !json.has(DATA) && !json.has(WHEN)
                        ? new Literal(json.deepCopy()) : new ObjectTemplate(List.copyOf(properties));
            }
            return new Literal(json);
        }

        private Element element(JsonNode json, String path) {
            Binding data = null;
            Binding when = null;
            if (json.isObject()) {
                data = wholeBinding(json.get(DATA), path + "." + DATA);
                when = wholeBinding(json.get(WHEN), path + "." + WHEN);
            }
            return new Element(template, path, node(json, path, true), data, when);
        }

        private Binding wholeBinding(JsonNode json, String path) {
            if (json == null) {
                return null;
            }
            if (!json.isTextual() || !(string(json.textValue(), path) instanceof WholeBinding whole)) {
                throw new TemplateException(template, path, "must be a single binding such as \"${items}\"");
            }
            return new Binding(whole.expression(), whole.source());
        }

        private Node string(String text, String path) {
            List<Object> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                if (text.startsWith("\\${", i)) {
                    literal.append("${");
                    i += 3;
                } else if (text.startsWith("${", i)) {
                    int end = closingBrace(text, i + 2, path);
                    String source = text.substring(i, end + 1);
                    if (!literal.isEmpty()) {
                        parts.add(literal.toString());
                        literal.setLength(0);
                    }
                    parts.add(new Binding(parse(text.substring(i + 2, end), path), source));
                    i = end + 1;
                } else {
                    literal.append(text.charAt(i++));
                }
            }
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
            }
            if (parts.size() == 1 && parts.get(0) instanceof Binding binding) {
                return new WholeBinding(template, path, binding.expression(), binding.source());
            }
            if (parts.stream().noneMatch(Binding.class::isInstance)) {
                return new Literal(TextNode.valueOf(String.join("", parts.stream().map(String.class::cast).toList())));
            }
            return new Interpolation(template, path, List.copyOf(parts));
        }

        private Expression parse(String expression, String path) {
            try {
                return Expression.parse(expression);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new TemplateException(template, path, "${" + expression + "}: " + e.getMessage());
            }
        }

        private int closingBrace(String text, int from, String path) {
            char quote = 0;
            int depth = 0;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
            }
            throw new TemplateException(template, path, "unclosed binding in \"" + text + "\"");
        }
    }
}
