package dev.callcodes.cards.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Adaptive Expressions functions the templates use, with the semantics of the official JavaScript engine
 * (adaptive-expressions): only null and undefined are false in if/and/or/not; numbers print as JavaScript prints them.
 * The conformance profile compares every expansion with the official engine.
 */
final class Functions {

    /** A function of the expression language. */
    interface Function {
        JsonNode apply(List<JsonNode> args);

        void checkArity(int count);
    }

    private record Fixed(String name, int min, int max, java.util.function.Function<List<JsonNode>, JsonNode> body)
            implements Function {
        @Override
        public JsonNode apply(List<JsonNode> args) {
            return body.apply(args);
        }

        @Override
        public void checkArity(int count) {
            if (count < min || count > max) {
                String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
                throw new IllegalArgumentException(name + "() takes " + expected + " arguments, not " + count);
            }
        }
    }

    private static final Map<String, Function> FUNCTIONS = new TreeMap<>();

    static {
        add("if", 3, 3, a -> isTrue(a.get(0)) ? a.get(1) : a.get(2));
        add("equals", 2, 2, a -> BooleanNode.valueOf(equal(a.get(0), a.get(1))));
        add("not", 1, 1, a -> BooleanNode.valueOf(!isTrue(a.get(0))));
        add("and", 1, Integer.MAX_VALUE, a -> BooleanNode.valueOf(a.stream().allMatch(Functions::isTrue)));
        add("or", 1, Integer.MAX_VALUE, a -> BooleanNode.valueOf(a.stream().anyMatch(Functions::isTrue)));
        add("exists", 1, 1, a -> BooleanNode.valueOf(!isAbsent(a.get(0))));
        add("empty", 1, 1, a -> BooleanNode.valueOf(isEmpty(a.get(0))));
        add("count", 1, 1, a -> IntNode.valueOf(size(a.get(0), "count")));
        add("length", 1, 1, a -> IntNode.valueOf(size(a.get(0), "length")));
        add("greater", 2, 2, a -> BooleanNode.valueOf(number(a.get(0), "greater") > number(a.get(1), "greater")));
        add("less", 2, 2, a -> BooleanNode.valueOf(number(a.get(0), "less") < number(a.get(1), "less")));
        add("concat", 1, Integer.MAX_VALUE, a -> {
            StringBuilder out = new StringBuilder();
            a.forEach(v -> out.append(isAbsent(v) ? "" : string(v)));
            return TextNode.valueOf(out.toString());
        });
        add("join", 2, 2, a -> {
            JsonNode array = a.get(0);
            if (!array.isArray()) {
                throw new IllegalArgumentException("join() needs an array, got " + array.getNodeType());
            }
            StringBuilder out = new StringBuilder();
            String separator = string(a.get(1));
            for (int i = 0; i < array.size(); i++) {
                out.append(i > 0 ? separator : "").append(string(array.get(i)));
            }
            return TextNode.valueOf(out.toString());
        });
        add("toUpper", 1, 1, a -> TextNode.valueOf(isAbsent(a.get(0)) ? "" : string(a.get(0)).toUpperCase(Locale.ROOT)));
        add("toLower", 1, 1, a -> TextNode.valueOf(isAbsent(a.get(0)) ? "" : string(a.get(0)).toLowerCase(Locale.ROOT)));
        add("string", 1, 1, a -> TextNode.valueOf(string(a.get(0))));
        add("formatNumber", 2, 2, a -> TextNode.valueOf(formatNumber(number(a.get(0), "formatNumber"),
                (int) number(a.get(1), "formatNumber"))));
    }

    private Functions() {
    }

    private static void add(String name, int min, int max, java.util.function.Function<List<JsonNode>, JsonNode> body) {
        FUNCTIONS.put(name, new Fixed(name, min, max, body));
    }

    static Optional<Function> named(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    static String names() {
        return String.join(", ", FUNCTIONS.keySet());
    }

    /** Only null and undefined are false; a boolean is itself; anything else (0, "", []) is true. */
    static boolean isTrue(JsonNode value) {
        if (isAbsent(value)) {
            return false;
        }
        return !value.isBoolean() || value.booleanValue();
    }

    static boolean isAbsent(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    private static boolean isEmpty(JsonNode value) {
        if (isAbsent(value)) {
            return true;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty();
        }
        return value.isContainerNode() && value.isEmpty();
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (isAbsent(a) || isAbsent(b)) {
            return isAbsent(a) && isAbsent(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        return a.equals(b);
    }

    private static int size(JsonNode value, String function) {
        if (value.isTextual()) {
            return value.textValue().length();
        }
        if (value.isArray()) {
            return value.size();
        }
        throw new IllegalArgumentException(function + "() needs a string or an array, got " + value.getNodeType());
    }

    private static double number(JsonNode value, String function) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(function + "() needs a number, got " + value.getNodeType());
        }
        return value.doubleValue();
    }

    /** The text JavaScript's String() gives for a value: 403, 2.5, true, or the string itself. */
    static String string(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        throw new IllegalArgumentException("cannot turn " + value.getNodeType() + " into text");
    }

    /** en-US grouping and exactly {@code digits} decimals, half away from zero, like Intl.NumberFormat. */
    private static String formatNumber(double number, int digits) {
        DecimalFormat format = new DecimalFormat("#,##0" + (digits > 0 ? "." + "0".repeat(digits) : ""),
                DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(BigDecimal.valueOf(number));
    }
}
