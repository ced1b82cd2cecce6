package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.cards.template.Template;
import dev.callcodes.cards.template.TemplateException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The card templates under {@code cards/}, read and compiled once; a broken template stops start-up. */
final class CardTemplates {

    static final String ANSWER = "answer";
    static final String SIP_CODE = "sip-code";
    static final String UNLISTED = "unlisted";
    static final String SUMMARY = "summary";
    static final String HELP = "help";
    static final String PREVIEW = "preview";
    /** Every template, with the record its data is: the one list of templates. */
    static final Map<String, Class<? extends CardData>> RECORDS = records();
    static final List<String> NAMES = List.copyOf(RECORDS.keySet());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Template> templates = new LinkedHashMap<>();

    CardTemplates() {
        for (String name : NAMES) {
            templates.put(name, Template.compile(name, read(name)));
        }
    }

    static JsonNode read(String name) {
        String resource = "cards/" + name + ".json";
        try (InputStream in = CardTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateException(name, "$", "resource missing from the class path: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new TemplateException(name, "$", "not valid JSON: " + e.getMessage());
        }
    }

    private static Map<String, Class<? extends CardData>> records() {
        Map<String, Class<? extends CardData>> records = new LinkedHashMap<>();
        records.put(ANSWER, AnswerCard.class);
        records.put(SIP_CODE, SipCodeCard.class);
        records.put(UNLISTED, UnlistedCard.class);
        records.put(SUMMARY, SummaryCard.class);
        records.put(HELP, HelpCard.class);
        records.put(PREVIEW, PreviewCard.class);
        return Collections.unmodifiableMap(records);
    }

    static String nameOf(Class<?> record) {
        return RECORDS.entrySet().stream().filter(e -> e.getValue() == record).findFirst().orElseThrow().getKey();
    }

    Template get(String name) {
        return templates.get(name);
    }
}
