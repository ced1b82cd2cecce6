package dev.callcodes.cards.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('`', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode expand(String template, String data) {
        return Template.compile("test", json(template)).expand(json(data));
    }

    @Test
    void wholeBindingsKeepTheirTypeAndTextIsInterpolated() {
        JsonNode out = expand("{`n`: `${n}`, `b`: `${b}`, `o`: `${o}`, `t`: `code ${n}: ${s}`}",
                "{`n`: 403, `b`: true, `o`: {`k`: 1}, `s`: `Forbidden`}");
        assertThat(out).isEqualTo(json("{`n`: 403, `b`: true, `o`: {`k`: 1}, `t`: `code 403: Forbidden`}"));
    }

    @Test
    void dataRepeatsArrayElementsWithIndexAndRootAndWhenFilters() {
        JsonNode out = expand("{`rows`: [{`$data`: `${items}`, `$when`: `${show}`, `t`: `${$index} ${name} ${$root.top}`}]}",
                "{`top`: `T`, `items`: [{`name`: `a`, `show`: true}, {`name`: `b`, `show`: false}, {`name`: `c`, `show`: true}]}");
        assertThat(out).isEqualTo(json("{`rows`: [{`t`: `0 a T`}, {`t`: `2 c T`}]}"));
    }

    @Test
    void whenKeepsAnElementOnlyForTrue() {
        JsonNode out = expand("{`a`: [{`$when`: `${x}`, `k`: 1}, {`$when`: `${y}`, `k`: 2}, {`$when`: `${z}`, `k`: 3}]}",
                "{`x`: true, `y`: `yes`, `z`: false}");
        assertThat(out).isEqualTo(json("{`a`: [{`k`: 1}]}"));
    }

    @Test
    void valuesAreNeverEvaluated() {
        JsonNode out = expand("{`a`: `${s}`, `b`: `said: ${s}`}", "{`s`: `${secret} \\\\${x} $root`}");
        assertThat(out.get("a").asText()).isEqualTo("${secret} \\${x} $root");
        assertThat(out.get("b").asText()).isEqualTo("said: ${secret} \\${x} $root");
    }

    @Test
    void undefinedBindingsStayAsWrittenLikeTheOfficialEngine() {
        assertThat(expand("{`a`: `${nope}`, `b`: `x ${nope} y`}", "{}"))
                .isEqualTo(json("{`a`: `${nope}`, `b`: `x ${nope} y`}"));
    }

    @Test
    void functionsFollowAdaptiveExpressions() {
        JsonNode out = expand("{`if0`: `${if(zero, 'T', 'F')}`, `ifNull`: `${if(nothing, 'T', 'F')}`, "
                        + "`j`: `${join(xs, ', ')}`, `c`: `${count(xs)}`, `u`: `${toUpper(s)}`, `f`: `${formatNumber(big, 0)}`, "
                        + "`e`: `${empty(blank)}`, `x`: `${exists(nothing)}`, `g`: `${greater(zero, 1)}`, `cat`: `${concat(s, '-', zero)}`}",
                "{`zero`: 0, `xs`: [`a`, `b`], `s`: `sbc`, `big`: 12345.5, `blank`: ``}");
        assertThat(out).isEqualTo(json("{`if0`: `T`, `ifNull`: `F`, `j`: `a, b`, `c`: 2, `u`: `SBC`, `f`: `12,346`, "
                + "`e`: true, `x`: false, `g`: false, `cat`: `sbc-0`}"));
    }

    @Test
    void unsupportedConstructsFailAtCompileTimeNamingTemplateAndPath() {
        assertThatThrownBy(() -> Template.compile("answer", json("{`body`: [{`text`: `${a == b}`}]}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'answer'").hasMessageContaining("$.body[0].text").hasMessageContaining("operators");
        assertThatThrownBy(() -> Template.compile("answer", json("{`t`: `${lastIndexOf(a, b)}`}")))
                .hasMessageContaining("$.t").hasMessageContaining("unsupported function 'lastIndexOf'");
        assertThatThrownBy(() -> Template.compile("answer", json("{`t`: `${join(a)}`}")))
                .hasMessageContaining("join() takes 2 arguments, not 1");
        assertThatThrownBy(() -> Template.compile("answer", json("{`card`: {`$when`: `${x}`}}")))
                .hasMessageContaining("$.card").hasMessageContaining("array elements only");
        assertThatThrownBy(() -> Template.compile("answer", json("{`a`: [{`$data`: `items`}]}")))
                .hasMessageContaining("$.a[0].$data").hasMessageContaining("single binding");
        assertThatThrownBy(() -> Template.compile("answer", json("{`t`: `${unclosed`}")))
                .hasMessageContaining("unclosed binding");
        assertThatThrownBy(() -> Template.compile("answer", json("{`t`: `${$host.x}`}")))
                .hasMessageContaining("unsupported variable '$host'");
    }

    @Test
    void nullInsideTextIsAnErrorAsInTheOfficialEngine() {
        assertThatThrownBy(() -> expand("{`t`: `a ${n} b`}", "{`n`: null}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("$.t").hasMessageContaining("${n} is null");
    }

    @Test
    void theOutputIsANewTreeEachTime() {
        Template template = Template.compile("t", json("{`fixed`: {`k`: [1, 2]}, `v`: `${v}`}"));
        JsonNode first = template.expand(json("{`v`: 1}"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.get("fixed")).put("k", "changed");
        assertThat(template.expand(json("{`v`: 1}")).get("fixed")).isEqualTo(json("{`k`: [1, 2]}"));
    }
}
