package dev.callcodes.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.report.SyntheticExport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders one card of each kind with the official adaptivecards renderer in headless Chromium, in light, dark and
 * high-contrast themes, and writes the screenshots to target/screenshots for review (not committed). Needs Node.js,
 * the packages of src/test/node and Chromium (CHROMIUM, default /usr/bin/chromium); runs in -Pconformance.
 */
@Tag("conformance")
class RenderedScreenshotsTest {

    private static final Path OUT = Path.of("target/screenshots");

    @Test
    void everyKindOfCardRendersInEveryTheme() throws Exception {
        AnswerCards cards = new AnswerCards(CardCases.CATALOG);
        Map<String, String> showcase = new LinkedHashMap<>();
        showcase.put("answer-microsoft", "what is 510559 403");
        showcase.put("answer-sbc", "560403 403");
        showcase.put("answer-variants", "569002 504");
        showcase.put("sip-code", "SIP 488");
        showcase.put("unlisted-derived", "560499 499");
        showcase.put("unlisted-unknown", "599999 500");
        showcase.put("summary", CardCases.report());
        showcase.put("help", "hello");
        ObjectMapper json = new ObjectMapper();
        ArrayNode list = json.createArrayNode();
        showcase.forEach((name, text) -> list.addObject().put("name", name)
                .set("card", cards.forExplanation(CardCases.CODES.explain(text)).get(0).content()));
        list.addObject().put("name", "preview")
                .set("card", cards.preview(CardCases.answers("560403 403").get(0)).content());
        list.addObject().put("name", "hostile-user-text").set("card", cards.forExplanation(CardCases.CODES.explain(
                "Final SIP phrase: \"" + CardCases.HOSTILE.get(4).replace('\n', ' ') + " " + CardCases.HOSTILE.get(5) + "\"")).get(0).content());
        StringWriter export = new StringWriter();
        SyntheticExport.write(export, 10_000, 42);
        list.addObject().put("name", "report-10000-rows").set("card", cards.report(
                CardCases.CODES.explain(new StringReader(export.toString()), ReadingBudget.unlimited()).report().orElseThrow(),
                "DirectRoutingReport.csv").content());
        Files.createDirectories(OUT);
        Path cardsFile = OUT.resolve("cards.json");
        json.writeValue(cardsFile.toFile(), list);

        int exit = OfficialEngineConformanceTest.node("src/test/node/render.mjs", cardsFile.toString(), OUT.toString());

        assertThat(exit).isZero();
        for (String theme : new String[] {"light", "dark", "contrast"}) {
            for (int i = 0; i < list.size(); i++) {
                Path png = OUT.resolve(list.get(i).get("name").asText() + "-" + theme + ".png");
                assertThat(png).exists();
                assertThat(Files.size(png)).as("%s is a real picture", png).isGreaterThan(2_000);
            }
        }
    }
}
