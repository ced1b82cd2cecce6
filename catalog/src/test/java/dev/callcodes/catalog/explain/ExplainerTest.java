package dev.callcodes.catalog.explain;

import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.TestCatalog;
import dev.callcodes.catalog.explanation.CallCodes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainerTest {

    private final CallCodes codes = TestCatalog.codes();

    private Answer only(String text) {
        List<Answer> answers = codes.explain(text).answers();
        assertThat(answers).as("answers for '%s'", text).hasSize(1);
        return answers.get(0);
    }

    @Test
    void anExactPairNamesTheOriginatorByTheRule() {
        Answer microsoft = only("what is 510559 403");
        assertThat(microsoft.match()).isEqualTo(Match.EXACT);
        assertThat(microsoft.originator()).isEqualTo(Originator.MICROSOFT);
        assertThat(microsoft.entries().get(0).id()).isEqualTo("dr-510559-403");
        assertThat(microsoft.sip().reasonPhrase()).isEqualTo("Forbidden");

        Answer sbc = only("560403 403");
        assertThat(sbc.originator()).isEqualTo(Originator.SBC);
        assertThat(sbc.entries()).extracting(CatalogEntry::family).startsWith("direct-routing");
    }

    @Test
    void repeatedReferencesAreCountedOnceInOrderOfFirstAppearance() {
        List<Answer> answers = codes.explain("560403 403, 510559 403, 560403 403, 560403/403").answers();
        assertThat(answers).extracting(Answer::microsoftCode).containsExactly("560403", "510559");
        assertThat(answers).extracting(Answer::occurrences).containsExactly(3, 1);
    }

    @Test
    void aMicrosoftCodeAloneTakesItsSipCodeFromTheCatalog() {
        Answer answer = only("510562");
        assertThat(answer.match()).isEqualTo(Match.MICROSOFT_CODE);
        assertThat(answer.sipCode()).isEqualTo(403);
    }

    @Test
    void aMicrosoftCodeListedUnderSeveralSipCodesSaysSo() {
        Answer answer = only("10199");
        assertThat(answer.entries()).hasSizeGreaterThan(1);
        assertThat(answer.warnings()).anyMatch(w -> w.contains("403") && w.contains("480"));
    }

    @Test
    void anUnlisted560CodeIsDerivedFromTheRule() {
        Answer answer = only("560499");
        assertThat(answer.match()).isEqualTo(Match.DERIVED);
        assertThat(answer.sipCode()).isEqualTo(499);
        assertThat(answer.originator()).isEqualTo(Originator.SBC);
        assertThat(answer.entries()).isEmpty();
        assertThat(answer.notes()).anyMatch(n -> n.contains("SIP 499"));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("not in the catalog"));
        assertThat(answer.warnings()).anyMatch(w -> w.contains("not a registered SIP response code"));
    }

    @Test
    void anUnknownMicrosoftCodeIsAnsweredHonestly() {
        Answer answer = only("Final SIP code: 500, Final Microsoft subcode: 599999");
        assertThat(answer.match()).isEqualTo(Match.UNKNOWN);
        assertThat(answer.originator()).isEqualTo(Originator.MICROSOFT);
        assertThat(answer.sip().code()).isEqualTo(500);
        assertThat(answer.warnings()).contains("Microsoft code 599999 is not in the catalog.");
    }

    @Test
    void aPairThatContradictsThe560RuleIsWarnedAbout() {
        Answer answer = only("560403 404");
        assertThat(answer.match()).isEqualTo(Match.MICROSOFT_CODE);
        assertThat(answer.warnings()).anyMatch(w -> w.contains("contradict") && w.contains("SIP 403"));
    }

    @Test
    void aMisprintedOfficialPairIsFoundAndExplained() {
        Answer answer = only("560487 497");
        assertThat(answer.match()).isEqualTo(Match.EXACT);
        assertThat(answer.entries()).extracting(CatalogEntry::id).contains("pstn-560487-487");
        assertThat(answer.warnings()).anyMatch(w -> w.contains("497"));
    }

    @Test
    void aPhraseChoosesAmongTheVariantsOfAPair() {
        Answer answer = only("""
                Final SIP code: 504
                Final Microsoft subcode: 569002
                Final SIP phrase: Unable to deliver INVITE: TLS decryption failed; HRESULT=590615
                """);
        assertThat(answer.match()).isEqualTo(Match.EXACT);
        assertThat(answer.entries()).hasSizeGreaterThan(5);
        assertThat(answer.entries().get(0).phrase()).isEqualTo("Unable to deliver INVITE: TLS decryption failed; HRESULT=590615");
    }

    @Test
    void aSipCodeAloneListsTheMicrosoftCodesSeenWithIt() {
        Answer answer = only("SIP/2.0 488 Not Acceptable Here");
        assertThat(answer.match()).isEqualTo(Match.SIP_CODE);
        assertThat(answer.originator()).isEqualTo(Originator.UNKNOWN);
        assertThat(answer.sip().reasonPhrase()).isEqualTo("Not Acceptable Here");
        assertThat(answer.entries()).extracting(CatalogEntry::microsoftCode).contains("531000", "531027");
    }

    @Test
    void anUnregisteredSipCodeAloneIsUnknown() {
        Answer answer = only("explain 455");
        assertThat(answer.match()).isEqualTo(Match.UNKNOWN);
        assertThat(answer.warnings()).singleElement().asString().contains("455");
    }

    @Test
    void aPhraseUsedForSeveralCodesSaysWhichOnes() {
        Answer answer = only("Unable to deliver INVITE: Invalid Request/Response line");
        assertThat(answer.match()).isEqualTo(Match.PHRASE);
        assertThat(answer.microsoftCode()).isNull();
        assertThat(answer.entries()).extracting(CatalogEntry::microsoftCode).contains("549002", "549018", "569018");
        assertThat(answer.warnings()).anyMatch(w -> w.contains("549018/504"));
    }

    @Test
    void aPhraseOfOnePairGivesThatPair() {
        Answer answer = only("get outbound routing - NO VIABLE PATH (forbidden).");
        assertThat(answer.match()).isEqualTo(Match.PHRASE);
        assertThat(answer.microsoftCode()).isEqualTo("510559");
        assertThat(answer.sipCode()).isEqualTo(403);
        assertThat(answer.phrase()).as("the official spelling, not the normalized one")
                .isEqualTo("Get Outbound routing - No viable path (Forbidden)");
    }

    @Test
    void sourcesThatDisagreeOnTheOriginatorAreFlagged() {
        Answer answer = only("540000 0");
        assertThat(answer.entries()).extracting(CatalogEntry::originator).contains(Originator.SBC, Originator.MICROSOFT);
        assertThat(answer.warnings()).anyMatch(w -> w.contains("disagree"));
    }

    @Test
    void textWithoutCodesGivesNoAnswer() {
        assertThat(codes.explain("hello, can you help me with Teams calling?").answers()).isEmpty();
        assertThat(codes.explain("").answers()).isEmpty();
        assertThat(codes.explain((String) null).answers()).isEmpty();
    }

    @Test
    void aPrefixNamedAsSuchIsAnsweredByItsRuleWithTheCatalogsCodes() {
        Answer sbc = only("all 560xxx codes come from the SBC");
        assertThat(sbc.match()).isEqualTo(Match.RULE);
        assertThat(sbc.rule().written()).isEqualTo("560xxx");
        assertThat(sbc.originator()).isEqualTo(Originator.SBC);
        assertThat(sbc.rule().codesInCatalog()).isGreaterThan(10);
        assertThat(sbc.entries()).hasSize(Explainer.MAX_RULE_ENTRIES)
                .allSatisfy(e -> assertThat(e.microsoftCode()).startsWith("560"));

        Answer disputed = only("codes starting with 540");
        assertThat(disputed.originator()).as("the ACS and Teams pages disagree").isEqualTo(Originator.UNKNOWN);
        assertThat(disputed.rule().summary()).contains("Azure Communication Services", "Teams Direct Routing");

        Answer sipClass = only("any 5xx response");
        assertThat(sipClass.rule().kind()).isEqualTo(CodeRule.Kind.SIP_CLASS);
        assertThat(sipClass.rule().sources()).anyMatch(u -> u.contains("rfc3261"));
    }

    @Test
    void aQ850CauseInTheTraceIsExplainedBesideTheSipCode() {
        Answer answer = only("SIP/2.0 503 Service Unavailable\nReason: Q.850;cause=17;text=\"x\"");
        assertThat(answer.q850Cause()).isEqualTo(17);
        assertThat(answer.q850().name()).isEqualToIgnoringCase("User busy");
        assertThat(answer.notes()).as("cause 17 usually becomes 486, not 503")
                .anyMatch(n -> n.contains("Q.850 cause 17") && n.contains("486"));
    }

    @Test
    void theFinalResponsesServerHeaderSaysWhoSentASipCodeAlone() {
        Answer microsoft = only("SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\nServer: Microsoft.PSTNHub.SIPProxy v.2024.1.1.1");
        assertThat(microsoft.originator()).isEqualTo(Originator.MICROSOFT);
        assertThat(microsoft.notes().get(0)).contains("Microsoft.PSTNHub.SIPProxy", "Microsoft sent it");

        Answer sbc = only("SIP/2.0 486 Busy Here\nCSeq: 1 INVITE\nServer: Mediant SW/v.7.40A.500.775");
        assertThat(sbc.originator()).isEqualTo(Originator.SBC);
    }

    @Test
    void aCodeTakenFromAPhraseIsLabelledPhraseNotExact() {
        Answer answer = only("SIP/2.0 403 Forbidden\nReason: Q.850;cause=63;text=\"x;Get Outbound routing - No viable path (Forbidden)\"");
        assertThat(answer.microsoftCode()).isEqualTo("510559");
        assertThat(answer.match()).isEqualTo(Match.PHRASE);
        assertThat(answer.notes().get(0)).contains("510559 was not written");
    }

    /** A search result is its entry's answer, made once: the same as asking for the pair, for every entry. */
    @Test
    void anEntrysAnswerIsThePairsAnswerMadeOnce() {
        Explainer explainer = new Explainer(codes.catalog());
        Explainer fresh = new Explainer(codes.catalog());
        List<String> differ = new java.util.ArrayList<>();
        for (CatalogEntry entry : codes.catalog().entries()) {
            Answer first = explainer.answer(entry);
            Answer asPair = fresh.answer(dev.callcodes.catalog.intake.CodeReference.pair(entry.microsoftCode(),
                    entry.sipCodeFor(null)));
            if (!first.equals(asPair)) {
                differ.add(entry.id());
            }
            assertThat(explainer.answer(entry)).as(entry.id()).isSameAs(first);
        }
        assertThat(differ).as("entries whose answer is not their pair's").isEmpty();
    }
}
