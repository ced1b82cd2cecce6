package dev.callcodes.bot.chat;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.PlainText;
import dev.callcodes.catalog.explain.Match;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatRoutesTest {

    private static final AnswerCards CARDS = new AnswerCards(Catalog.loadEmbedded());
    private static CallCodes codes;
    private static ChatRoutes routes;

    @BeforeAll
    static void setUp() {
        codes = CallCodes.embedded();
        routes = ChatRoutes.standard(codes, CARDS);
    }

    @Test
    void theRouteTableListsEachCommandOnce() {
        assertThat(routes.commands()).extracting(ChatCommand::name).containsExactly("explain", "search", "help", "watch", "stats");
        assertThat(routes.commands()).allSatisfy(c -> assertThat(c.description()).hasSizeLessThanOrEqualTo(128));
    }

    @Test
    void twoCommandsWithOneNameAreRefused() {
        ExplainCommand explain = new ExplainCommand(codes, CARDS);
        assertThatThrownBy(() -> new ChatRoutes(List.of(explain, new ExplainCommand(codes, CARDS)), explain,
                CARDS)).hasMessage("two commands are named 'explain'");
    }

    @Test
    void textWithoutACommandWordIsExplained() {
        Reply reply = routes.answer(PlainText.of("what is 510559 403"));

        assertThat(reply.answers()).singleElement().satisfies(a -> assertThat(a.match()).isEqualTo(Match.EXACT));
        assertThat(reply.cards()).singleElement().satisfies(c -> assertThat(c.template()).isEqualTo("answer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "HELP", " /help ", "Help"})
    void helpIsFoundWhateverItsCase(String text) {
        Reply reply = routes.answer(PlainText.of(text));

        assertThat(reply.cards()).singleElement().satisfies(c -> assertThat(c.template()).isEqualTo("help"));
        assertThat(reply.answers()).isEmpty();
    }

    @Test
    void aCommandWithoutArgumentsIsNotChosenWhenWordsFollow() {
        Reply reply = routes.answer(PlainText.of("help me with 510559 403"));

        assertThat(reply.answers()).extracting(Answer::microsoftCode).containsExactly("510559");
    }

    @Test
    void explainCommandWordIsOptional() {
        assertThat(routes.answer(PlainText.of("explain 560403")).answers()).extracting(Answer::microsoftCode)
                .containsExactly("560403");
    }

    @Test
    void searchFindsEntriesByWords() {
        Reply reply = routes.answer(PlainText.of("search certifcate expird"));

        assertThat(reply.cards()).hasSizeBetween(1, SearchCommand.CHAT_RESULTS);
        assertThat(reply.answers().get(0).microsoftCode()).isEqualTo("569008");
        assertThat(routes.answer(PlainText.of("search")).cards().get(0).template()).isEqualTo("help");
        assertThat(routes.answer(PlainText.of("search qqqzzz")).cards().get(0).content().toString())
                .contains("Nothing in the catalog matches");
    }

    @Test
    void greetingsAreGreeted() {
        assertThat(ExplainCommand.isGreeting("hi")).isTrue();
        assertThat(ExplainCommand.isGreeting("Hello there!")).isTrue();
        assertThat(ExplainCommand.isGreeting("thank you so much")).isTrue();
        assertThat(ExplainCommand.isGreeting("hi, calls to Berlin fail since the SBC update")).isFalse();
        assertThat(ExplainCommand.isGreeting("the trunk is down")).isFalse();
    }

    @Test
    void cardVerbsRunTheirCommandAndUnknownVerbsGetHelp() {
        assertThat(routes.answerAction("explain", "560403 403").answers()).extracting(Answer::microsoftCode)
                .containsExactly("560403");
        assertThat(routes.answerAction("EXPLAIN", "560403").answers()).hasSize(1);
        assertThat(routes.answerAction("frobnicate", "x").cards().get(0).content().toString()).contains("older card");
        assertThat(routes.answerAction(null, null).cards().get(0).template()).isEqualTo("help");
    }

    @Test
    void emptyMessagesGetHelp() {
        assertThat(routes.answer(PlainText.of("")).cards().get(0).template()).isEqualTo("help");
        assertThat(routes.answer(PlainText.of(null)).cards().get(0).template()).isEqualTo("help");
    }

    @Test
    void commonCodesAreAllExactCatalogPairs() {
        CodeQueries queries = new CodeQueries(codes);

        List<Answer> common = queries.find("", 25);
        assertThat(common).hasSize(CodeQueries.COMMON.size());
        assertThat(common).allSatisfy(a -> assertThat(a.match()).as(a.microsoftCode()).isEqualTo(Match.EXACT));
    }

    @Test
    void aPartlyTypedCodeListsEntriesNotAnUnknownCode() {
        CodeQueries queries = new CodeQueries(codes);

        assertThat(queries.find("certificate", 5)).hasSizeBetween(1, 5)
                .allSatisfy(a -> assertThat(a.entries()).isNotEmpty());
        assertThat(queries.find("510559 403", 5).get(0).match()).isEqualTo(Match.EXACT);
        assertThat(queries.find("5105", 5)).isNotEmpty().allSatisfy(a -> assertThat(a.match()).isNotEqualTo(Match.UNKNOWN));
        assertThat(queries.find("999999 403", 5).get(0).match()).isEqualTo(Match.UNKNOWN);
    }
}
