package dev.callcodes.catalog.explain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.callcodes.catalog.CatalogException;
import dev.callcodes.catalog.Originator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the sources say about families of codes ({@code explain/code-rules.yaml}): Microsoft code prefixes and SIP
 * response classes. Loaded once; immutable.
 */
final class CodeRules {

    static final String RESOURCE = "explain/code-rules.yaml";

    record Prefix(@JsonProperty(required = true) String prefix, @JsonProperty(required = true) Originator originator,
                  @JsonProperty(required = true) String summary, @JsonProperty(required = true) List<String> sources) {
    }

    record OtherPrefix(@JsonProperty(required = true) String summary,
                       @JsonProperty(required = true) List<String> sources) {
    }

    record SipClass(@JsonProperty(value = "class", required = true) String name,
                    @JsonProperty(required = true) String summary) {
    }

    private record RuleFile(@JsonProperty(required = true) List<Prefix> prefixes,
                            @JsonProperty(required = true) OtherPrefix otherPrefix,
                            @JsonProperty(required = true) List<SipClass> classes,
                            @JsonProperty(required = true) List<String> classSources,
                            @JsonProperty(required = true) String classNote) {
    }

    private final Map<String, Prefix> prefixes;
    private final OtherPrefix otherPrefix;
    private final Map<String, SipClass> classes;
    private final List<String> classSources;
    private final String classNote;

    private CodeRules(RuleFile file) {
        this.prefixes = file.prefixes().stream().collect(Collectors.toUnmodifiableMap(Prefix::prefix, Function.identity()));
        this.otherPrefix = file.otherPrefix();
        this.classes = file.classes().stream().collect(Collectors.toUnmodifiableMap(SipClass::name, Function.identity()));
        this.classSources = List.copyOf(file.classSources());
        this.classNote = file.classNote();
    }

    static CodeRules load() {
        try (InputStream in = CodeRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogException("Resource missing from the class path: " + RESOURCE);
            }
            return new CodeRules(new ObjectMapper(new YAMLFactory()).readValue(in, RuleFile.class));
        } catch (IOException e) {
            throw new CatalogException(RESOURCE + " is not valid: " + e.getMessage(), e);
        }
    }

    Optional<Prefix> prefix(String digits) {
        return Optional.ofNullable(prefixes.get(digits));
    }

    OtherPrefix otherPrefix() {
        return otherPrefix;
    }

    /** The SIP class of a rule written "5xx", or empty. */
    Optional<SipClass> sipClass(String rule) {
        return Optional.ofNullable(classes.get(rule));
    }

    List<String> classSources() {
        return classSources;
    }

    String classNote() {
        return classNote;
    }
}
