package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each template against its record, both ways and every problem at once: every name a template binds (in
 * {@code ${...}}, and through {@code $data} scopes) is a component of the record in scope, and every component of the
 * records a template reaches is bound somewhere in it. Components Jackson writes inline ({@code @JsonUnwrapped})
 * count as the record's own.
 */
class CardDataConsistencyTest {

    private static final Pattern BINDING = Pattern.compile("\\$\\{([^}]*)}");
    /** A path in an expression: names joined by dots, not a function's name, not inside quotes. */
    private static final Pattern PATH = Pattern.compile("'[^']*'|\"[^\"]*\"|([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)(\\s*\\()?");

    @Test
    void everyBindingIsAComponentAndEveryComponentIsBound() {
        List<String> problems = new ArrayList<>();
        int bindings = 0;
        for (Map.Entry<String, Class<? extends CardData>> t : CardTemplates.RECORDS.entrySet()) {
            Check check = new Check(t.getKey(), t.getValue());
            check.walk(CardTemplates.read(t.getKey()), t.getValue(), "$");
            problems.addAll(check.problems());
            bindings += check.bindings;
        }
        System.out.printf("%d templates, %d bindings checked, %d problems%n", CardTemplates.RECORDS.size(), bindings,
                problems.size());
        assertThat(problems).as("templates and their records").isEmpty();
    }

    record Fake(String used, String unused, List<Row> rows) {
    }

    record Row(String name, int spare) {
    }

    @Test
    void aMissingFieldAndAnUnusedComponentAreEachReported() throws Exception {
        JsonNode template = new ObjectMapper().readTree("""
                {"body": [{"text": "${used} ${missing}"},
                          {"$data": "${rows}", "text": "${name} ${if(greater(nope, 1), 'a', 'b')}"}]}""");
        Check check = new Check("fake", Fake.class);
        check.walk(template, Fake.class, "$");
        assertThat(check.problems()).containsExactlyInAnyOrder(
                "fake at $.body[0].text: ${missing}: Fake has no component missing",
                "fake at $.body[1].text: ${nope}: Row has no component nope",
                "fake: Fake.unused is never bound",
                "fake: Row.spare is never bound");
    }

    /** One template's walk: the scope is a record class, or String for a list of text. */
    static final class Check {
        private final String template;
        private final Class<?> root;
        private final List<String> unresolved = new ArrayList<>();
        private final Set<String> used = new LinkedHashSet<>();
        private final Map<Class<?>, Boolean> reached = new LinkedHashMap<>();
        int bindings;

        Check(String template, Class<?> root) {
            this.template = template;
            this.root = root;
        }

        void walk(JsonNode node, Class<?> scope, String at) {
            if (node.isTextual()) {
                expressions(node.textValue(), scope, at);
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), scope, at + "[" + i + "]");
                }
            } else if (node.isObject()) {
                Class<?> inner = scope;
                JsonNode data = node.get("$data");
                if (data != null) {
                    expressions(data.asText(), scope, at + ".$data");
                    inner = elementOf(data.asText(), scope);
                }
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!field.getKey().equals("$data")) {
                        walk(field.getValue(), inner, at + "." + field.getKey());
                    }
                }
            }
        }

        private void expressions(String text, Class<?> scope, String at) {
            Matcher binding = BINDING.matcher(text);
            while (binding.find()) {
                Matcher path = PATH.matcher(binding.group(1));
                while (path.find()) {
                    if (path.group(1) != null && path.group(2) == null) {
                        bindings++;
                        resolve(path.group(1), scope, at);
                    }
                }
            }
        }

        /** The type a path names, marking each component on the way as used; null (and a problem) if it is not there. */
        private Type resolve(String path, Class<?> scope, String at) {
            Type type = scope;
            String[] names = path.split("\\.");
            int start = 0;
            if (names[0].equals("$data")) {
                start = 1;
            } else if (names[0].equals("$root")) {
                type = root;
                start = 1;
            } else if (names[0].equals("$index")) {
                return int.class;
            }
            for (int i = start; i < names.length; i++) {
                Class<?> record = type instanceof Class<?> c && c.isRecord() ? c : null;
                RecordComponent component = record == null ? null : component(record, names[i]);
                if (component == null) {
                    unresolved.add(template + " at " + at + ": ${" + path + "}: " + simpleName(type)
                            + " has no component " + names[i]);
                    return null;
                }
                used.add(component.getDeclaringRecord().getSimpleName() + "." + component.getName());
                type = component.getGenericType();
            }
            return type;
        }

        private Class<?> elementOf(String data, Class<?> scope) {
            Matcher binding = BINDING.matcher(data);
            Type type = binding.matches() ? resolve(binding.group(1).trim(), scope, "$data") : null;
            if (type instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            return type instanceof Class<?> c ? c : Object.class;
        }

        /** A component by name, looking inside unwrapped ones as Jackson writes them. */
        private static RecordComponent component(Class<?> record, String name) {
            for (RecordComponent c : record.getRecordComponents()) {
                if (CardData.unwrapped(c)) {
                    RecordComponent inner = component(c.getType(), name);
                    if (inner != null) {
                        return inner;
                    }
                } else if (c.getName().equals(name)) {
                    return c;
                }
            }
            return null;
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>(unresolved);
            reach(root);
            for (Class<?> record : reached.keySet()) {
                for (RecordComponent c : record.getRecordComponents()) {
                    if (!CardData.unwrapped(c) && !used.contains(record.getSimpleName() + "." + c.getName())) {
                        problems.add(template + ": " + record.getSimpleName() + "." + c.getName() + " is never bound");
                    }
                }
            }
            return problems;
        }

        /** Every record the root holds, through components and lists. */
        private void reach(Type type) {
            Class<?> c = type instanceof ParameterizedType p ? null : (Class<?>) type;
            if (type instanceof ParameterizedType p) {
                reach(p.getActualTypeArguments()[0]);
            } else if (c != null && c.isRecord() && reached.putIfAbsent(c, true) == null) {
                for (RecordComponent component : c.getRecordComponents()) {
                    reach(component.getGenericType());
                }
            }
        }

        private static String simpleName(Type type) {
            return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
        }
    }
}
