package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AttachmentLayoutTypes;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.callcodes.bot.teams.Activities.cards;
import static dev.callcodes.bot.teams.Activities.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Activity in, activities or invoke response out, through the SDK's pipeline with the real catalog. */
class CallCodesBotTest {

    private static CallCodes codes;
    private static final AnswerCards CARDS = new AnswerCards(Catalog.loadEmbedded());

    private SimpleMeterRegistry registry;
    private final HttpClient http = mock(HttpClient.class);
    private CapturingAdapter adapter;
    private CallCodesBot bot;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    @BeforeEach
    void setUp() {
        registry = new SimpleMeterRegistry();
        bot = bot(ChatRoutes.standard(codes, CARDS));
    }

    private CallCodesBot bot(ChatRoutes routes) {
        AnswerMetrics metrics = new AnswerMetrics(registry);
        Failures failures = new Failures(metrics);
        adapter = new CapturingAdapter();
        adapter.setOnTurnError(new TurnErrorHandler(failures));
        return new CallCodesBot(routes, CARDS, new MessageExtension(new CodeQueries(codes), CARDS),
                new MessageAction(routes, CARDS), uploads(), metrics, failures, false);
    }

    private ReportUploads uploads() {
        return new ReportUploads(codes, CARDS,
                new FileTransfers(() -> http, FileTransfers.TEAMS_LINKS, java.time.Duration.ofSeconds(5)), 1024 * 1024);
    }

    private void turn(Activity activity) {
        adapter.turn(bot, activity).join();
    }

    @Test
    void personalQuestionGetsOneAnswerCard() {
        turn(Activities.personal("what is 510559 403"));

        assertThat(adapter.messages()).hasSize(1);
        Activity reply = adapter.messages().get(0);
        assertThat(reply.getAttachments()).singleElement()
                .satisfies(a -> assertThat(a.getContentType()).isEqualTo("application/vnd.microsoft.card.adaptive"));
        JsonNode card = cards(reply).get(0);
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.toString()).contains("510559").contains("Get Outbound routing - No viable path");
        assertThat(reply.getSummary()).startsWith("510559 / SIP 403");
        assertThat(registry.get("callcodes.answers").tag("match", "EXACT").tag("surface", "chat").counter().count())
                .isEqualTo(1);
    }

    @Test
    void channelMentionIsStrippedAndTheReplyStaysInTheThread() {
        Activity post = Activities.channelMention("560403 403 keeps failing");
        turn(post);

        Activity reply = adapter.messages().get(0);
        assertThat(reply.getConversation().getId()).isEqualTo("19:support@thread.tacv2;messageid=1700000000000");
        assertThat(reply.getReplyToId()).isEqualTo(post.getId());
        assertThat(cards(reply).get(0).toString()).contains("560403");
    }

    @Test
    void mentionAloneGetsHelpNotAnError() {
        turn(Activities.channelMention(""));

        assertThat(cards(adapter.messages().get(0)).get(0).toString()).contains("Send me the codes");
    }

    @Test
    void twoToTenReferencesComeAsOneCarousel() {
        turn(Activities.personal("510559 403 and then 569008 504"));

        assertThat(adapter.messages()).hasSize(1);
        Activity reply = adapter.messages().get(0);
        assertThat(reply.getAttachmentLayout()).isEqualTo(AttachmentLayoutTypes.CAROUSEL);
        assertThat(cards(reply)).hasSize(2);
        assertThat(cards(reply).get(1).toString()).contains("569008");
    }

    @Test
    void moreThanTenReferencesComeAsOneSummaryCard() {
        String report = String.join("\n", "510559 403", "560403 403", "510562 403", "511404 404", "560408 408",
                "560484 484", "531052 488", "560503 503", "549002 504", "569008 504", "540400 400");
        turn(Activities.personal(report));

        Activity reply = adapter.messages().get(0);
        assertThat(cards(reply)).hasSize(1);
        String summary = cards(reply).get(0).toString();
        assertThat(summary).as("its rows open each pair below it").contains("510559").contains("540400")
                .contains("\"verb\":\"open\"");
    }

    @Test
    void helpGreetingAndTextWithoutCodesAllGetTheHelpCard() {
        turn(Activities.personal("help"));
        turn(Activities.personal("hello there"));
        turn(Activities.personal("the phone is broken"));

        List<String> cardTexts = adapter.messages().stream().map(a -> cards(a).get(0).toString()).toList();
        assertThat(cardTexts).hasSize(3);
        assertThat(cardTexts.get(0)).contains("I explain the codes of failed Teams calls.");
        assertThat(cardTexts.get(1)).contains("Hi! I explain");
        assertThat(cardTexts.get(2)).contains("I found no call codes in that message.");
        assertThat(cardTexts).allSatisfy(t -> assertThat(t).contains("what is 510559 403"));
    }

    @Test
    void installingTheAppSendsTheWelcomeCard() {
        turn(Activities.installed());

        assertThat(adapter.messages()).singleElement()
                .satisfies(a -> assertThat(cards(a).get(0).toString()).contains("Thanks for adding me!"));
    }

    @Test
    void submitFallbackButtonUpdatesTheCardInPlace() {
        Activity click = Activities.personal(null);
        click.setReplyToId("card-message-7");
        click.setValue(Map.of("verb", "explain", "text", "560403 403"));
        turn(click);

        assertThat(adapter.messages()).isEmpty();
        assertThat(adapter.updated).singleElement().satisfies(update -> {
            assertThat(update.getId()).isEqualTo("card-message-7");
            assertThat(cards(update).get(0).toString()).contains("560403");
        });
    }

    @Test
    void submitFallbackAnswersBelowWhenTheCardCannotBeUpdated() {
        adapter.failUpdates = true;
        Activity click = Activities.personal(null);
        click.setReplyToId("card-message-7");
        click.setValue(Map.of("verb", "explain", "text", "560403 403"));
        turn(click);

        assertThat(adapter.messages()).singleElement()
                .satisfies(a -> assertThat(cards(a).get(0).toString()).contains("560403"));
    }

    @Test
    void executeActionReturnsTheNewCardInTheInvokeResponse() {
        turn(Activities.invoke("adaptiveCard/action", Map.of("action",
                Map.of("type", "Action.Execute", "verb", "explain", "data", Map.of("text", "560403 403")))));

        InvokeResponse response = adapter.invokeResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = tree(response.getBody());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(body.path("value").path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(body.path("value").toString()).contains("560403");
        assertThat(adapter.messages()).isEmpty();
    }

    @Test
    void aPairOpenedFromASummaryIsAnsweredBelowItAndTheSummaryStays() {
        turn(Activities.invoke("adaptiveCard/action", Map.of("action",
                Map.of("type", "Action.Execute", "verb", "open", "data", Map.of("text", "510559 403")))));

        JsonNode body = tree(adapter.invokeResponse().getBody());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).as("not a card: the summary is left as it is")
                .isEqualTo(CallCodesBot.OPENED_BELOW_TYPE);
        assertThat(adapter.updated).isEmpty();
        assertThat(adapter.messages()).as("a new message below the summary").singleElement()
                .satisfies(a -> assertThat(cards(a)).singleElement().satisfies(card -> assertThat(card.toString())
                        .contains("510559 / SIP 403", "Get Outbound routing - No viable path (Forbidden)")));
    }

    @Test
    void aPairOpenedFromASummaryOnAnOlderClientIsAnsweredBelowNotInPlace() {
        Activity click = Activities.personal(null);
        click.setReplyToId("summary-card");
        click.setValue(Map.of("verb", "open", "text", "560403 403"));
        turn(click);

        assertThat(adapter.updated).as("the summary stays").isEmpty();
        assertThat(adapter.messages()).singleElement()
                .satisfies(a -> assertThat(cards(a).get(0).toString()).contains("560403"));
    }

    @Test
    void executeActionWithAnUnknownVerbExplainsInsteadOfFailing() {
        turn(Activities.invoke("adaptiveCard/action", Map.of("action",
                Map.of("type", "Action.Execute", "verb", "frobnicate", "data", Map.of()))));

        JsonNode body = tree(adapter.invokeResponse().getBody());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("value").toString()).contains("older card");
    }

    @Test
    void messageExtensionQueryListsAnswerCardsWithPreviews() {
        turn(Activities.invoke("composeExtension/query", Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                "parameters", List.of(Map.of("name", "query", "value", "certificate expired")),
                "queryOptions", Map.of("skip", 0, "count", 5))));

        JsonNode result = tree(adapter.invokeResponse().getBody()).path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("result");
        assertThat(result.path("attachmentLayout").asText()).isEqualTo("list");
        assertThat(result.path("attachments")).hasSizeBetween(1, 5);
        JsonNode first = result.path("attachments").get(0);
        assertThat(first.path("preview").path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.thumbnail");
        JsonNode preview = first.path("preview").path("content");
        assertThat(preview.path("title").asText()).isEqualTo("569008 / SIP 504");
        assertThat(preview.path("subtitle").asText()).isEqualTo("Generated by a Microsoft service");
        assertThat(preview.path("text").asText()).isNotBlank();
        assertThat(preview.path("tap").path("type").asText()).isEqualTo("invoke");
        assertThat(preview.path("tap").path("value").path("microsoftCode").asText()).isEqualTo("569008");
        assertThat(preview.path("tap").path("value").path("sipCode").asInt()).isEqualTo(504);
        assertThat(first.path("contentType").asText()).as("the full card comes on selectItem")
                .isEqualTo("application/vnd.microsoft.card.thumbnail");
        assertThat(registry.find("callcodes.answers").tag("surface", "extension").counters())
                .as("every listed answer is counted").isNotEmpty()
                .allSatisfy(c -> assertThat(c.count()).isPositive());
    }

    /** The list is previews only: 17 results for "certificate" were 156 KB of answer cards before. */
    @Test
    void aLongResultListIsAFewKilobytesOfPreviewsWithoutCards() throws Exception {
        turn(Activities.invoke("composeExtension/query", Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                "parameters", List.of(Map.of("name", "query", "value", "certificate")))));

        Object body = adapter.invokeResponse().getBody();
        byte[] json = Activities.JSON.writeValueAsBytes(body);
        JsonNode attachments = tree(body).path("composeExtension").path("attachments");
        assertThat(attachments).hasSizeGreaterThanOrEqualTo(10);
        assertThat(json.length).as("the response for %d results", attachments.size()).isLessThan(10 * 1024);
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("AdaptiveCard");
        assertThat(attachments).allSatisfy(a -> {
            assertThat(a.path("preview").path("content").path("tap").path("type").asText()).isEqualTo("invoke");
            assertThat(a.path("preview").path("content").path("tap").path("value").isObject()).isTrue();
        });
    }

    /**
     * Picking any listed result inserts the card its answer had when the list carried whole cards: the tap value
     * reads back to the same answer.
     */
    @Test
    void selectingAResultInsertsTheFullAnswerCardOfThatResult() {
        CodeQueries queries = new CodeQueries(codes);
        for (String query : List.of("certificate", "510559 403", "510559", "560xxx", "5xx", "SIP 488", "560777",
                "510559 488", "Forbidden; Call rejected", "")) {
            turn(Activities.invoke("composeExtension/query", Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                    "parameters", List.of(Map.of("name", "query", "value", query)))));
            JsonNode attachments = tree(adapter.invokeResponse().getBody()).path("composeExtension")
                    .path("attachments");
            List<dev.callcodes.catalog.explain.Answer> listed = queries.find(query, MessageExtension.MAX_RESULTS);
            assertThat(attachments).as(query).hasSize(listed.size());
            for (int i = 0; i < listed.size(); i++) {
                JsonNode tap = attachments.get(i).path("preview").path("content").path("tap").path("value");
                adapter.sent.clear();
                turn(Activities.invoke("composeExtension/selectItem", tap));

                JsonNode result = tree(adapter.invokeResponse().getBody()).path("composeExtension");
                assertThat(result.path("type").asText()).isEqualTo("result");
                JsonNode card = result.path("attachments").get(0);
                assertThat(result.path("attachments")).hasSize(1);
                assertThat(card.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
                assertThat(card.path("content")).as("%s, result %d (%s)", query, i, tap)
                        .isEqualTo(CARDS.forAnswer(listed.get(i)).content());
            }
            adapter.sent.clear();
        }
        assertThat(registry.get("callcodes.answers").tag("surface", "insert").tag("match", "EXACT").counter().count())
                .isPositive();
    }

    @Test
    void aSelectionThatNamesNothingReadableGetsALineSayingWhichField() {
        Map<Object, String> said = new java.util.LinkedHashMap<>();
        for (Object value : List.of(Map.of(), "not json", Map.of("microsoftCode", "51O559"), Map.of("sipCode", 4030),
                Map.of("sipCode", "abc"), Map.of("phrase", List.of("x")), Map.of("rule", "5*"),
                Map.of("q850Cause", 999), Map.of("microsoftCode", "510559 OR 1=1"))) {
            adapter.sent.clear();
            turn(selectItem(value));
            InvokeResponse response = adapter.invokeResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode result = tree(response.getBody()).path("composeExtension");
            assertThat(result.path("type").asText()).as("%s", value).isEqualTo("message");
            said.put(value, result.path("text").asText());
        }
        assertThat(said.values()).allSatisfy(text -> assertThat(text).startsWith("That search result cannot be opened")
                .endsWith("Search again and pick it from the new list.").hasSizeLessThan(250));
        assertThat(said.get(Map.of("microsoftCode", "51O559"))).contains("microsoftCode", "51O559");
        assertThat(said.get(Map.of("sipCode", 4030))).contains("sipCode", "4030");
        assertThat(said.get(Map.of("rule", "5*"))).contains("rule", "5*");
        assertThat(said.get(Map.of())).contains("names no code");
        assertThat(said.get("not json")).contains("not an object");
        assertThat(registry.find("callcodes.errors").counters()).isEmpty();
    }

    @Test
    void aSelectionWithoutAValueGetsTheSameLine() {
        turn(selectItem(null));

        JsonNode result = tree(adapter.invokeResponse().getBody()).path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("message");
        assertThat(result.path("text").asText()).contains("its value is missing");
    }

    @Test
    void aSelectionSentBackAsJsonTextIsReadToo() {
        turn(selectItem("{\"microsoftCode\":\"510559\",\"sipCode\":403}"));

        JsonNode card = tree(adapter.invokeResponse().getBody()).path("composeExtension").path("attachments").get(0);
        assertThat(card.path("content").toString()).contains("510559");
    }

    @Test
    void messageExtensionWithEmptyQueryShowsCommonCodes() {
        turn(Activities.invoke("composeExtension/query", Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                "parameters", List.of(Map.of("name", "initialRun", "value", "true")))));

        JsonNode attachments = tree(adapter.invokeResponse().getBody()).path("composeExtension").path("attachments");
        assertThat(attachments).hasSize(10);
        String titles = java.util.stream.StreamSupport.stream(attachments.spliterator(), false)
                .map(a -> a.path("preview").path("content").path("title").asText())
                .collect(Collectors.joining(","));
        assertThat(titles).startsWith("510559 / SIP 403,560403 / SIP 403");
    }

    @Test
    void messageExtensionWithNoMatchSaysSo() {
        turn(Activities.invoke("composeExtension/query", Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                "parameters", List.of(Map.of("name", "query", "value", "zzqx")))));

        JsonNode result = tree(adapter.invokeResponse().getBody()).path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("message");
        assertThat(result.path("text").asText()).contains("No call codes match").contains("zzqx");
    }

    @Test
    void messageActionShowsTheCodesOfTheMessageWithAnInsertButton() {
        turn(Activities.invoke("composeExtension/fetchTask", messageAction(
                "<p>Call to +49 30 1234 failed:</p><p>Final SIP code 403, Final Microsoft subcode 510559</p>",
                null)));

        JsonNode task = tree(adapter.invokeResponse().getBody()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("continue");
        JsonNode card = task.path("value").path("card").path("content");
        assertThat(card.toString()).contains("510559");
        JsonNode insert = card.path("actions").get(0);
        assertThat(insert.path("title").asText()).isEqualTo(MessageAction.INSERT_TITLE);
        assertThat(insert.path("data").path("insert").asText()).isEqualTo("510559 403");
    }

    @Test
    void messageActionOnAMessageWithoutCodesSaysSo() {
        turn(Activities.invoke("composeExtension/fetchTask", messageAction("<p>lunch at noon?</p>", null)));

        JsonNode task = tree(adapter.invokeResponse().getBody()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("message");
        assertThat(task.path("value").asText()).isEqualTo(MessageAction.NOTHING_FOUND);
    }

    @Test
    void insertButtonPutsTheCardIntoTheComposeBox() {
        turn(Activities.invoke("composeExtension/submitAction", messageAction("ignored",
                Map.of(MessageAction.INSERT, "510559 403"))));

        JsonNode result = tree(adapter.invokeResponse().getBody()).path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("result");
        assertThat(result.path("attachments")).singleElement()
                .satisfies(a -> assertThat(a.path("content").toString()).contains("510559"));
    }

    @Test
    void submitWithoutADialogExplainsTheMessageStraightIntoTheComposeBox() {
        turn(Activities.invoke("composeExtension/submitAction", messageAction(
                "<div>510559 403<br>569008 504</div>", null)));

        JsonNode attachments = tree(adapter.invokeResponse().getBody()).path("composeExtension")
                .path("attachments");
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).path("content").toString()).contains("510559").contains("569008");
    }

    @Test
    void relatedCodeButtonInsideTheDialogOpensThatCodeInTheDialog() {
        turn(Activities.invoke("composeExtension/submitAction", messageAction("ignored",
                Map.of("verb", "explain", "text", "560403 403"))));

        JsonNode task = tree(adapter.invokeResponse().getBody()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("continue");
        assertThat(task.path("value").path("card").path("content").toString()).contains("560403");
    }

    @Test
    void aFailingMessageGetsAnApologyWithAReferenceAndNoExceptionText() {
        ChatRoutes broken = mock(ChatRoutes.class);
        when(broken.answer(any(dev.callcodes.catalog.intake.PlainText.class))).thenThrow(new IllegalStateException("secret internal detail"));
        bot = bot(broken);

        turn(Activities.personal("510559 403"));

        String text = adapter.messages().get(0).getText();
        assertThat(text).startsWith("Sorry, something went wrong").matches("(?s).*reference: [0-9a-f]{8}\\.$")
                .doesNotContain("secret");
        assertThat(registry.get("callcodes.errors").tag("surface", "turn").counter().count()).isEqualTo(1);
    }

    /** Deep regex recursion on a crafted message ends in a StackOverflowError: answered, not a silent turn. */
    @Test
    void aStackOverflowAnInputCausedGetsTheApologyWithAReference() {
        ChatRoutes broken = mock(ChatRoutes.class);
        when(broken.answer(any(dev.callcodes.catalog.intake.PlainText.class))).thenThrow(new StackOverflowError());
        bot = bot(broken);

        turn(Activities.personal("port " + "1,".repeat(1100)));

        assertThat(adapter.messages()).singleElement().satisfies(reply -> assertThat(reply.getText())
                .startsWith("Sorry, something went wrong").matches("(?s).*reference: [0-9a-f]{8}\\.$"));
        assertThat(registry.get("callcodes.errors").tag("surface", "turn").counter().count()).isEqualTo(1);
    }

    @Test
    void aStackOverflowInAnInvokeGetsItsApologyResponse() {
        ChatRoutes routes = ChatRoutes.standard(codes, CARDS);
        CodeQueries broken = mock(CodeQueries.class);
        when(broken.find(anyString(), org.mockito.ArgumentMatchers.anyInt())).thenThrow(new StackOverflowError());
        AnswerMetrics metrics = new AnswerMetrics(registry);
        bot = new CallCodesBot(routes, CARDS, new MessageExtension(broken, CARDS), new MessageAction(routes, CARDS),
                uploads(), metrics, new Failures(metrics), false);

        turn(Activities.invoke("composeExtension/query", Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                "parameters", List.of(Map.of("name", "query", "value", "a.a.".repeat(2000))))));

        JsonNode result = tree(adapter.invokeResponse().getBody()).path("composeExtension");
        assertThat(result.path("text").asText()).startsWith("Sorry").matches("(?s).*reference: [0-9a-f]{8}\\.$");
        assertThat(registry.get("callcodes.errors").tag("surface", "extension").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailingSearchAnswersTheExtensionWithAnApology() {
        ChatRoutes routes = ChatRoutes.standard(codes, CARDS);
        CodeQueries broken = mock(CodeQueries.class);
        when(broken.find(anyString(), org.mockito.ArgumentMatchers.anyInt()))
                .thenThrow(new IllegalStateException("secret internal detail"));
        AnswerMetrics metrics = new AnswerMetrics(registry);
        bot = new CallCodesBot(routes, CARDS, new MessageExtension(broken, CARDS), new MessageAction(routes, CARDS),
                uploads(), metrics, new Failures(metrics), false);

        turn(Activities.invoke("composeExtension/query", Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                "parameters", List.of(Map.of("name", "query", "value", "510559")))));

        InvokeResponse response = adapter.invokeResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode result = tree(response.getBody()).path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("message");
        assertThat(result.path("text").asText()).startsWith("Sorry").doesNotContain("secret");
    }

    @Test
    void aFileSentInAChannelIsAskedForInPersonalChat() {
        turn(Activities.file("channel", "DirectRoutingReport.csv", "csv", "https://contoso.sharepoint.com/file"));

        assertThat(adapter.messages()).singleElement().satisfies(reply ->
                assertThat(reply.getText()).startsWith("I read report files in our personal chat"));
        verifyNoInteractions(http);
    }

    @Test
    void aFileOfAnotherKindIsRefusedWithWhatToSendInstead() {
        turn(Activities.file("personal", "screenshot.png", "png", "https://contoso.sharepoint.com/file"));

        assertThat(adapter.messages()).singleElement().satisfies(reply -> assertThat(reply.getText())
                .contains("screenshot.png is a .png file").contains("export to Excel (CSV)"));
        verifyNoInteractions(http);
    }

    @Test
    void aPlainHttpLinkToAnotherHostIsNeverFetched() {
        turn(Activities.file("personal", "report.csv", "csv", "http://files.example.com/report.csv"));

        assertThat(adapter.messages()).singleElement().satisfies(reply ->
                assertThat(reply.getText()).contains("Teams gave no usable link"));
        verifyNoInteractions(http);
    }

    @Test
    void acceptingTheBreakdownPutsTheCsvAtTheUploadUrlAndShowsTheFile() throws Exception {
        @SuppressWarnings("unchecked")
        java.net.http.HttpResponse<Object> created = mock(java.net.http.HttpResponse.class);
        when(created.statusCode()).thenReturn(201);
        when(http.sendAsync(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenReturn(java.util.concurrent.CompletableFuture.completedFuture(created));

        turn(Activities.invoke("fileConsent/invoke", Map.of("action", "accept",
                "context", Map.of("csv", "Microsoft code,SIP code\r\n510559,403\r\n"),
                "uploadInfo", Map.of("name", "report - failed calls by code.csv", "uploadUrl",
                        "https://contoso-my.sharepoint.com/upload?token=1", "contentUrl",
                        "https://contoso-my.sharepoint.com/report.csv", "uniqueId", "ABC", "fileType", "csv"))));

        org.mockito.ArgumentCaptor<java.net.http.HttpRequest> put =
                org.mockito.ArgumentCaptor.forClass(java.net.http.HttpRequest.class);
        org.mockito.Mockito.verify(http).sendAsync(put.capture(), org.mockito.ArgumentMatchers.any());
        assertThat(put.getValue().method()).isEqualTo("PUT");
        assertThat(put.getValue().uri().toString()).isEqualTo("https://contoso-my.sharepoint.com/upload?token=1");
        assertThat(put.getValue().headers().firstValue("Content-Range")).hasValue("bytes 0-36/37");
        assertThat(adapter.messages()).singleElement().satisfies(reply -> {
            assertThat(reply.getAttachments()).singleElement().satisfies(a -> {
                assertThat(a.getContentType()).isEqualTo(ReportUploads.FILE_INFO);
                assertThat(a.getContentUrl()).isEqualTo("https://contoso-my.sharepoint.com/report.csv");
            });
        });
        assertThat(adapter.invokeResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void decliningTheBreakdownIsAcknowledged() {
        turn(Activities.invoke("fileConsent/invoke", Map.of("action", "decline", "context", Map.of())));

        assertThat(adapter.messages()).singleElement().satisfies(reply ->
                assertThat(reply.getText()).startsWith("OK, no file."));
    }

    @Test
    void aPastedReportGetsTheReportSummaryCard() {
        turn(Activities.personal("""
                Final SIP code\tFinal Microsoft subcode\tSBC FQDN
                403\t510559\tsbc1.contoso.com
                403\t510559\tsbc1.contoso.com
                0\t560000\tsbc2.contoso.com
                """));

        JsonNode card = cards(adapter.messages().get(0)).get(0);
        assertThat(card.path("body").get(0).path("items").get(0).path("text").asText())
                .isEqualTo("2 failed calls of 3");
        assertThat(card.toString()).contains("sbc1.contoso.com").contains("Failed calls by SBC");
    }

    /** A selectItem invoke whose value is exactly {@code value}, as Teams' JSON would give it to the SDK. */
    private static Activity selectItem(Object value) {
        Activity select = Activities.invoke("composeExtension/selectItem", Map.of());
        select.setValue(value);
        return select;
    }

    private static Map<String, Object> messageAction(String html, Map<String, Object> data) {
        Map<String, Object> value = new java.util.HashMap<>();
        value.put("commandId", MessageAction.EXPLAIN_COMMAND);
        value.put("commandContext", "message");
        value.put("messagePayload", Map.of("id", "1700000000001",
                "body", Map.of("contentType", "html", "content", html)));
        if (data != null) {
            value.put("data", data);
        }
        return value;
    }
}
