package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.teams.FileConsentCard;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import com.microsoft.bot.schema.teams.FileDownloadInfo;
import com.microsoft.bot.schema.teams.FileInfoCard;
import com.microsoft.bot.schema.teams.FileUploadInfo;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.report.PairCsv;
import dev.callcodes.catalog.report.ReportInput;
import dev.callcodes.catalog.report.ReportInputException;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.intake.ReadingBudget;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Report files sent in personal chat (the manifest's {@code supportsFiles}): downloaded from the link Teams gives,
 * summarized as they stream, and answered with the summary card and an offer of the per-pair breakdown as a CSV
 * file (a file consent card). The breakdown travels in the card's context, so any instance can finish the upload.
 */
final class ReportUploads {

    static final String DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";
    static final String CONSENT = "application/vnd.microsoft.teams.card.file.consent";
    static final String FILE_INFO = "application/vnd.microsoft.teams.card.file.info";
    /** Keeps the consent card's context small; the JSON and the card name every pair anyway. */
    static final int MAX_PAIRS_IN_FILE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An upload is answered asynchronously to Teams, so a month of calls may take its time; this is a guard. */
    private static final Duration READING_BUDGET = Duration.ofMinutes(2);

    private final CallCodes codes;
    private final AnswerCards cards;
    private final FileTransfers files;
    private final long maxBytes;

    ReportUploads(CallCodes codes, AnswerCards cards, FileTransfers files, long maxBytes) {
        this.codes = codes;
        this.cards = cards;
        this.files = files;
        this.maxBytes = maxBytes;
    }

    /** The file a message carries, if any. */
    static Optional<Attachment> fileOf(Activity in) {
        return in.getAttachments() == null ? Optional.empty() : in.getAttachments().stream()
                .filter(a -> DOWNLOAD_INFO.equals(a.getContentType()) && a.getContent() != null).findFirst();
    }

    /** The reply to an uploaded file: the summary and the offer of the breakdown, or why the file was not read. */
    Outcome<Activity> answer(Attachment file, boolean personalChat) throws IOException, InterruptedException {
        String name = file.getName() == null || file.getName().isBlank() ? "the file" : file.getName();
        if (!personalChat) {
            return message("I read report files in our personal chat. Open a chat with me and send " + name
                    + " there, or paste the rows here.");
        }
        FileDownloadInfo info = JSON.convertValue(file.getContent(), FileDownloadInfo.class);
        String type = fileType(name, info.getFileType());
        if (!ReportInput.readsFileType(type)) {
            return message("I read CSV, TSV, JSON and .zip exports; " + name + " is a ." + type + " file. In the Teams "
                    + "admin center, open Analytics & reports, PSTN and SMS (preview) usage, Direct Routing, and export to "
                    + "Excel (CSV).");
        }
        Explanation explanation;
        try (InputStream body = files.download(info.getDownloadUrl(), maxBytes);
             Reader text = ReportInput.open(body, maxBytes)) {
            explanation = codes.explainReport(text, ReadingBudget.of(READING_BUDGET));
        } catch (ReportInputException refused) {
            return message(name + ": " + refused.getMessage());
        }
        if (explanation.report().isEmpty()) {
            return message("I found no table of calls or call records in " + name + ". Send the admin center's Direct "
                    + "Routing export, a Graph getDirectRoutingCalls response or ACS call logs.");
        }
        ReportSummary summary = explanation.report().get();
        Card card = cards.report(summary, name);
        List<Attachment> attachments = new ArrayList<>(List.of(TeamsReplies.attachment(card)));
        if (!summary.pairs().isEmpty()) {
            attachments.add(consentCard(summary, name));
        }
        Activity reply = MessageFactory.attachment(attachments);
        reply.setSummary(card.summary());
        return new Outcome<>(reply, summary.failureAnswers());
    }

    /** Teams gave an upload link for the breakdown: put the CSV there and show the file in the chat. */
    Activity uploadAccepted(FileConsentCardResponse response) throws IOException, InterruptedException {
        FileUploadInfo upload = response.getUploadInfo();
        Object csv = response.getContext() instanceof Map<?, ?> context ? context.get("csv") : null;
        if (upload == null || upload.getUploadUrl() == null || csv == null) {
            return MessageFactory.text("Teams did not say where to put the file. Send the report again to get a new offer.");
        }
        if (!files.allows(upload.getUploadUrl())) {
            // The link comes inside the invoke: a sender could name any host, and the bot would PUT to it.
            return MessageFactory.text("Teams gave an upload link I do not send files to. Send the report again to get"
                    + " a new offer.");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        int status = files.upload(upload.getUploadUrl(), bytes,
                "bytes 0-" + (bytes.length - 1) + "/" + bytes.length);
        if (status / 100 != 2) {
            throw new IOException("the file upload answered HTTP " + status);
        }
        FileInfoCard info = new FileInfoCard();
        info.setUniqueId(upload.getUniqueId());
        info.setFileType(upload.getFileType());
        Attachment attachment = new Attachment();
        attachment.setContentType(FILE_INFO);
        attachment.setContentUrl(upload.getContentUrl());
        attachment.setName(upload.getName());
        attachment.setContent(info);
        Activity reply = MessageFactory.attachment(attachment);
        reply.setText("Here is the breakdown by code pair.");
        return reply;
    }

    private Attachment consentCard(ReportSummary summary, String reportName) {
        String csv = PairCsv.toString(summary, MAX_PAIRS_IN_FILE);
        FileConsentCard consent = new FileConsentCard();
        consent.setDescription("The failed calls of " + reportName + " by code pair, with counts, shares and originators.");
        consent.setSizeInBytes(csv.getBytes(StandardCharsets.UTF_8).length);
        consent.setAcceptContext(Map.of("csv", csv));
        consent.setDeclineContext(Map.of());
        Attachment attachment = new Attachment();
        attachment.setContentType(CONSENT);
        attachment.setName(breakdownName(reportName));
        attachment.setContent(consent);
        return attachment;
    }

    static String breakdownName(String reportName) {
        String base = reportName.replaceAll("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        return (base.isEmpty() || base.equals("the file") ? "report" : base) + " - failed calls by code.csv";
    }

    private static String fileType(String name, String declared) {
        if (declared != null && !declared.isBlank()) {
            return declared.strip().toLowerCase(Locale.ROOT);
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Outcome<Activity> message(String text) {
        return new Outcome<>(MessageFactory.text(text), List.of());
    }
}
