package dev.callcodes.cards;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Families;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.Wording;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.CodeRule;
import dev.callcodes.catalog.intake.QueryText;

import java.util.List;

/** The sip-code template's data: a SIP code alone ({@link #of}), or a family of codes named as such ({@link #ofRule}). */
record SipCodeCard(String title, String registration, String meaning, String inTeams, String whoSentIt,
                   boolean hasCodes, String codesTitle, List<Code> codes, boolean hasMore, String moreText,
                   List<Source> sources, @JsonUnwrapped CardData.Q850 q850, String fallbackText, String speak)
        implements CardData {

    static final int MAX_SIP_CODE_ROWS = 20;

    static SipCodeCard of(Answer a, SipCodeInfo info, Families families) {
        List<Code> codes = a.entries().stream().limit(MAX_SIP_CODE_ROWS).map(e -> Code.of(e,
                e.microsoftCode() != null ? e.microsoftCode() : "SIP " + info.code(), info.code(), families)).toList();
        return of("SIP " + info.code() + " " + info.reasonPhrase(), info.iana()
                        ? "Registered SIP response code, " + info.rfc()
                        : "Not a registered SIP code: Microsoft's tables use it with their own meaning",
                info.meaning(), info.inTeams(), "Who sent it? A SIP code alone does not say: the Microsoft code beside it "
                        + "in the call record does (one starting with 560 means your SBC).",
                "Codes published with SIP " + info.code() + " (" + a.entries().size() + ")", codes,
                a.entries().size() - codes.size(), ": search for the words of your error to narrow them down.",
                info.sources(), Q850.of(a));
    }

    /** A family of codes: what the rule says, and the catalog's codes in the family to pick from. */
    static SipCodeCard ofRule(Answer a, Families families) {
        CodeRule rule = a.rule();
        boolean sipClass = rule.kind() == CodeRule.Kind.SIP_CLASS;
        List<Code> codes = a.entries().stream()
                .map(e -> Code.of(e, e.microsoftCode(), e.sipCodeFor(null), families)).toList();
        return of(sipClass ? "SIP " + rule.written() + " responses" : "Microsoft codes " + rule.written(),
                sipClass ? "A class of SIP responses (RFC 3261)" : "A family of Microsoft codes, by their first digits",
                rule.summary(), a.notes().size() > 1 ? a.notes().get(1) : "",
                Wording.originatorBadge(a.originator()) + ". " + Wording.originatorHint(a.originator()),
                "Codes in this family in the catalog (" + rule.codesInCatalog() + ")", codes,
                rule.codesInCatalog() - codes.size(), ": send one of them, or search for the words of your error.",
                rule.sources(), Q850.NONE);
    }

    private static SipCodeCard of(String title, String registration, String meaning, String inTeams, String whoSentIt,
                                  String codesTitle, List<Code> codes, int more, String moreAdvice, List<String> sources,
                                  Q850 q850) {
        return new SipCodeCard(title, registration, meaning, inTeams, whoSentIt, !codes.isEmpty(), codesTitle, codes,
                more > 0, "and " + more + " more" + moreAdvice, Source.of(sources), q850, title + ". " + meaning,
                CardData.spoken(title + ". " + meaning));
    }

    /** A code to pick, which explains it with this SIP code. */
    record Code(String code, String pair, String phrase, String familyLabel, String query) {
        static Code of(CatalogEntry e, String code, Integer sipCode, Families families) {
            return new Code(code, CodeLabels.pair(e.microsoftCode(), sipCode), e.phrase(), families.label(e.family()),
                    QueryText.of(e.microsoftCode(), sipCode));
        }
    }
}
