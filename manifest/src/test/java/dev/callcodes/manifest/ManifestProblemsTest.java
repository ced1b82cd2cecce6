package dev.callcodes.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem finder on a manifest and icons broken on purpose: it must report every fault, in one go. */
class ManifestProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BotSurface BOT = new BotSurface(List.of(
            new BotSurface.Command("explain", "Explains call codes"),
            new BotSurface.Command("search", "Finds codes by words"),
            new BotSurface.Command("help", "Shows what I understand")),
            "searchCodes", "query", "explainMessage");
    private static final FilledValues VALUES = new FilledValues("00000000-0000-0000-0000-000000000000", "1.0.0",
            "00000000-0000-0000-0000-000000000001", "callcodes.example.com", " (a suffix far too long for Teams)",
            "https://callcodes.example.com");

    @Test
    void everyDisagreementWithTheBotIsReported() throws IOException {
        JsonNode manifest = JSON.readTree(broken());

        assertThat(ManifestProblems.againstBot(manifest, BOT)).containsExactlyInAnyOrder(
                "/bots/0/scopes is [\"personal\",\"team\",\"copilot\"]; the bot works in [personal, team, groupChat]"
                        + " (missing [groupChat], extra [copilot])",
                "/bots/0/supportsFiles is missing; expected true",
                "/bots/0/commandLists: the scope personal is in the lists [0, 1]; Teams wants one",
                "/bots/0/commandLists has no list for the scope groupChat",
                "/bots/0/commandLists/0/commands/1/description \"Searches\" differs from the bot's"
                        + " \"Finds codes by words\"",
                "/bots/0/commandLists/1/commands/1/title \"explain\" is listed twice",
                "/bots/0/commandLists/1/commands/3/title \"reboot\" is no command of the bot, which has"
                        + " [explain, help, search]",
                "/bots/0/commandLists/1/commands (scopes [\"team\",\"personal\"]) lacks the bot's command \"help\"",
                "/composeExtensions/0/botId \"11111111-1111-1111-1111-111111111111\" is not the bot's id"
                        + " \"${MicrosoftAppId}\"",
                "/composeExtensions/0/commands/0/initialRun is false; expected true",
                "/composeExtensions/0/commands/0/context is [\"message\"]; the search belongs in compose and"
                        + " commandBox",
                "/composeExtensions/0/commands/0/parameters names [q]; the bot reads the parameter \"query\"",
                "/composeExtensions/0/commands/1/id \"explainMsg\" is no command the bot answers, which are"
                        + " \"searchCodes\" and \"explainMessage\"",
                "/composeExtensions/0/commands lacks \"explainMessage\", which the bot answers");
    }

    @Test
    void everyUnfilledOrMisplacedValueIsReported() throws IOException {
        String text = broken();

        assertThat(ManifestProblems.filled(text, JSON.readTree(text), VALUES)).containsExactlyInAnyOrder(
                "line 4: placeholder ${TEAMS_APP_VERSION} was not filled",
                "line 18: placeholder ${MicrosoftAppId} was not filled",
                "/id \"not-a-guid\" is not a GUID",
                "/bots/0/botId \"${MicrosoftAppId}\" is not a GUID",
                "/composeExtensions/0/botId is \"11111111-1111-1111-1111-111111111111\"; the build's value is"
                        + " \"00000000-0000-0000-0000-000000000001\"",
                "/version is \"${TEAMS_APP_VERSION}\"; the build's value is \"1.0.0\"",
                "/name/short \"CallCodes (a suffix far too long for Teams)\" has 43 characters; Teams allows 30"
                        + " (shorten CALLCODES_APP_NAME_SUFFIX)",
                "/developer/websiteUrl \"http://callcodes.example.com\" is not an https URL",
                "/developer/websiteUrl is \"http://callcodes.example.com\"; the build's value is"
                        + " \"https://callcodes.example.com\"",
                "/validDomains [\"https://callcodes.example.com/\"] lacks the public host \"callcodes.example.com\"",
                "/validDomains/0 \"https://callcodes.example.com/\" is not a host name (no scheme, port or path)");
    }

    @Test
    void iconsOfTheWrongSizeOrColourAreReported() {
        BufferedImage color = new BufferedImage(100, 80, BufferedImage.TYPE_INT_ARGB);
        BufferedImage outline = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        outline.setRGB(1, 1, 0x80FFFFFF);
        outline.setRGB(3, 4, 0xFFFF0000);
        outline.setRGB(5, 6, 0x40000000);

        assertThat(ManifestProblems.icons(color, outline)).containsExactlyInAnyOrder(
                "color icon is 100x80; Teams wants 192x192",
                "outline icon: 2 pixels are neither white nor transparent; (3, 4) is #FFFF0000 (ARGB)");
    }

    @Test
    void iconsMissingOrUnreadableAreReported(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("outline.png"), "not a picture");
        JsonNode manifest = JSON.readTree("{\"icons\": {\"color\": \"colour.png\", \"outline\": \"outline.png\"}}");

        assertThat(ManifestProblems.icons(manifest, folder)).containsExactlyInAnyOrder(
                "/icons/color \"colour.png\" is not a file in " + folder,
                "/icons/outline \"outline.png\" is not an image");
    }

    @Test
    void aWhiteAndTransparentOutlineIsAccepted(@TempDir Path folder) throws IOException {
        BufferedImage outline = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        outline.setRGB(7, 7, 0x80FFFFFF);
        ImageIO.write(new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB), "png",
                folder.resolve("color.png").toFile());
        ImageIO.write(outline, "png", folder.resolve("outline.png").toFile());
        JsonNode manifest = JSON.readTree("{\"icons\": {\"color\": \"color.png\", \"outline\": \"outline.png\"}}");

        assertThat(ManifestProblems.icons(manifest, folder)).isEmpty();
    }

    private static String broken() throws IOException {
        try (InputStream in = ManifestProblemsTest.class.getResourceAsStream("/broken-manifest.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
