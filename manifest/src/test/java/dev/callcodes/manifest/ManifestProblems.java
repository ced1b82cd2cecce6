package dev.callcodes.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds every way a Teams manifest disagrees with the bot, with the build's values, or with Teams rules the schema
 * does not state. Each problem names the field (as a JSON pointer) and the bad value, so one run lists them all.
 */
final class ManifestProblems {

    static final List<String> BOT_SCOPES = List.of("personal", "team", "groupChat");
    /** Teams shows at most ten commands a scope, though the schema allows twelve. */
    static final int MAX_COMMANDS = 10;
    static final int MAX_COMMAND_DESCRIPTION = 128;
    static final int MAX_SHORT_NAME = 30;
    static final String APP_NAME = "CallCodes";
    static final String ACTION_TITLE = "Explain codes";
    static final int COLOR_SIZE = 192;
    static final int OUTLINE_SIZE = 32;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** validDomains takes host names, optionally with a leading wildcard label, never a URL. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(\\*\\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<String> problems = new ArrayList<>();

    private ManifestProblems() {
    }

    /** The bot's scopes, files and commands, and the message extension, against what the bot answers to. */
    static List<String> againstBot(JsonNode manifest, BotSurface bot) {
        ManifestProblems found = new ManifestProblems();
        JsonNode bots = manifest.path("bots");
        if (bots.size() != 1) {
            found.add("/bots has %d bots; the app has one", bots.size());
        }
        JsonNode theBot = bots.path(0);
        found.scopes(theBot.path("scopes"));
        found.expect(theBot, "/bots/0", "supportsFiles", JSON.booleanNode(true));
        found.commandLists(theBot.path("commandLists"), bot.commands());
        found.composeExtension(manifest.path("composeExtensions"), theBot.path("botId"), bot);
        return found.problems;
    }

    /** The built manifest: no placeholder left, and each value of the build in its field. */
    static List<String> filled(String text, JsonNode manifest, FilledValues values) {
        ManifestProblems found = new ManifestProblems();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            long line = text.substring(0, placeholder.start()).chars().filter(c -> c == '\n').count() + 1;
            found.add("line %d: placeholder %s was not filled", line, placeholder.group());
        }
        found.guid(manifest, "/id", values.teamsAppId());
        found.guid(manifest, "/bots/0/botId", values.botId());
        found.guid(manifest, "/composeExtensions/0/botId", values.botId());
        found.equal(manifest, "/version", values.version());
        found.equal(manifest, "/name/short", APP_NAME + values.nameSuffix());
        String shortName = manifest.at("/name/short").asText("");
        if (shortName.length() > MAX_SHORT_NAME) {
            found.add("/name/short \"%s\" has %d characters; Teams allows %d (shorten CALLCODES_APP_NAME_SUFFIX)",
                    shortName, shortName.length(), MAX_SHORT_NAME);
        }
        found.url(manifest, "/developer/websiteUrl", values.websiteUrl());
        found.url(manifest, "/developer/privacyUrl", values.websiteUrl() + "/privacy");
        found.url(manifest, "/developer/termsOfUseUrl", values.websiteUrl() + "/terms");
        JsonNode domains = manifest.path("validDomains");
        List<String> names = texts(domains);
        if (!names.contains(values.publicHost())) {
            found.add("/validDomains %s lacks the public host \"%s\"", domains, values.publicHost());
        }
        for (int i = 0; i < names.size(); i++) {
            if (!DOMAIN.matcher(names.get(i)).matches()) {
                found.add("/validDomains/%d \"%s\" is not a host name (no scheme, port or path)", i, names.get(i));
            }
        }
        return found.problems;
    }

    /** The icons the manifest names, read from the folder it sits in. */
    static List<String> icons(JsonNode manifest, Path folder) {
        ManifestProblems found = new ManifestProblems();
        BufferedImage color = found.image(manifest, "color", folder);
        BufferedImage outline = found.image(manifest, "outline", folder);
        if (color != null && outline != null) {
            found.problems.addAll(icons(color, outline));
        }
        return found.problems;
    }

    /** Teams' icon rules: a 192x192 colour icon, and a 32x32 outline of white and transparent pixels only. */
    static List<String> icons(BufferedImage color, BufferedImage outline) {
        ManifestProblems found = new ManifestProblems();
        found.size("color", color, COLOR_SIZE);
        found.size("outline", outline, OUTLINE_SIZE);
        int wrong = 0;
        String first = null;
        for (int y = 0; y < outline.getHeight(); y++) {
            for (int x = 0; x < outline.getWidth(); x++) {
                int argb = outline.getRGB(x, y);
                if (argb >>> 24 != 0 && (argb & 0xFFFFFF) != 0xFFFFFF) {
                    wrong++;
                    first = first != null ? first : String.format("(%d, %d) is #%08X", x, y, argb);
                }
            }
        }
        if (wrong > 0) {
            found.add("outline icon: %d pixels are neither white nor transparent; %s (ARGB)", wrong, first);
        }
        return found.problems;
    }

    private void scopes(JsonNode scopes) {
        Set<String> declared = new LinkedHashSet<>(texts(scopes));
        List<String> missing = BOT_SCOPES.stream().filter(s -> !declared.contains(s)).toList();
        List<String> extra = declared.stream().filter(s -> !BOT_SCOPES.contains(s)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            add("/bots/0/scopes is %s; the bot works in %s (missing %s, extra %s)", scopes, BOT_SCOPES, missing,
                    extra);
        }
    }

    private void commandLists(JsonNode lists, List<BotSurface.Command> commands) {
        for (String scope : BOT_SCOPES) {
            List<Integer> holding = new ArrayList<>();
            for (int i = 0; i < lists.size(); i++) {
                if (texts(lists.get(i).path("scopes")).contains(scope)) {
                    holding.add(i);
                }
            }
            if (holding.isEmpty()) {
                add("/bots/0/commandLists has no list for the scope %s", scope);
            } else if (holding.size() > 1) {
                add("/bots/0/commandLists: the scope %s is in the lists %s; Teams wants one", scope, holding);
            }
        }
        Map<String, BotSurface.Command> byName = commands.stream()
                .collect(Collectors.toMap(BotSurface.Command::name, Function.identity()));
        for (int i = 0; i < lists.size(); i++) {
            String at = "/bots/0/commandLists/" + i;
            JsonNode listed = lists.get(i).path("commands");
            if (listed.size() > MAX_COMMANDS) {
                add("%s/commands has %d commands; Teams shows %d", at, listed.size(), MAX_COMMANDS);
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int j = 0; j < listed.size(); j++) {
                command(at + "/commands/" + j, listed.get(j), byName, seen);
            }
            for (BotSurface.Command command : commands) {
                if (!seen.contains(command.name())) {
                    add("%s/commands (scopes %s) lacks the bot's command \"%s\"", at, lists.get(i).path("scopes"),
                            command.name());
                }
            }
        }
    }

    private void command(String at, JsonNode command, Map<String, BotSurface.Command> byName, Set<String> seen) {
        String title = command.path("title").asText("");
        String description = command.path("description").asText("");
        BotSurface.Command bots = byName.get(title);
        if (!seen.add(title)) {
            add("%s/title \"%s\" is listed twice", at, title);
        } else if (bots == null) {
            add("%s/title \"%s\" is no command of the bot, which has %s", at, title, byName.keySet());
        } else if (!bots.description().equals(description)) {
            add("%s/description \"%s\" differs from the bot's \"%s\"", at, description, bots.description());
        }
        if (description.length() > MAX_COMMAND_DESCRIPTION) {
            add("%s/description has %d characters; Teams allows %d", at, description.length(),
                    MAX_COMMAND_DESCRIPTION);
        }
    }

    private void composeExtension(JsonNode extensions, JsonNode botId, BotSurface bot) {
        if (extensions.size() != 1) {
            add("/composeExtensions has %d extensions; the bot serves one", extensions.size());
        }
        JsonNode extension = extensions.path(0);
        if (!extension.path("botId").equals(botId)) {
            add("/composeExtensions/0/botId %s is not the bot's id %s", display(extension.get("botId")), botId);
        }
        JsonNode commands = extension.path("commands");
        List<String> ids = fieldTexts(commands, "id");
        for (int j = 0; j < commands.size(); j++) {
            String id = commands.get(j).path("id").asText("");
            String at = "/composeExtensions/0/commands/" + j;
            if (id.equals(bot.searchCommand())) {
                searchCommand(at, commands.get(j), bot.searchParameter());
            } else if (id.equals(bot.actionCommand())) {
                actionCommand(at, commands.get(j));
            } else {
                add("%s/id \"%s\" is no command the bot answers, which are \"%s\" and \"%s\"", at, id,
                        bot.searchCommand(), bot.actionCommand());
            }
        }
        for (String id : List.of(bot.searchCommand(), bot.actionCommand())) {
            if (!ids.contains(id)) {
                add("/composeExtensions/0/commands lacks \"%s\", which the bot answers", id);
            }
        }
    }

    private void searchCommand(String at, JsonNode command, String parameter) {
        expect(command, at, "type", JSON.textNode("query"));
        // The bot answers the empty box with the most common failures, which Teams asks for only on an initial run.
        expect(command, at, "initialRun", JSON.booleanNode(true));
        List<String> context = texts(command.path("context"));
        if (!context.containsAll(List.of("compose", "commandBox"))) {
            add("%s/context is %s; the search belongs in compose and commandBox", at, display(command.get("context")));
        }
        List<String> parameters = fieldTexts(command.path("parameters"), "name");
        if (!parameters.contains(parameter)) {
            add("%s/parameters names %s; the bot reads the parameter \"%s\"", at, parameters, parameter);
        }
    }

    private void actionCommand(String at, JsonNode command) {
        expect(command, at, "type", JSON.textNode("action"));
        expect(command, at, "context", JSON.arrayNode().add("message"));
        // The bot answers the fetch with a dialog; without fetchTask Teams would skip it.
        expect(command, at, "fetchTask", JSON.booleanNode(true));
        expect(command, at, "title", JSON.textNode(ACTION_TITLE));
    }

    private void guid(JsonNode manifest, String pointer, String expected) {
        String value = manifest.at(pointer).asText("");
        if (!GUID.matcher(value).matches()) {
            add("%s \"%s\" is not a GUID", pointer, value);
        } else {
            equal(manifest, pointer, expected);
        }
    }

    private void url(JsonNode manifest, String pointer, String expected) {
        String value = manifest.at(pointer).asText("");
        if (!value.startsWith("https://")) {
            add("%s \"%s\" is not an https URL", pointer, value);
        }
        equal(manifest, pointer, expected);
    }

    private void equal(JsonNode manifest, String pointer, String expected) {
        String value = manifest.at(pointer).asText("");
        if (!value.equals(expected)) {
            add("%s is \"%s\"; the build's value is \"%s\"", pointer, value, expected);
        }
    }

    private void expect(JsonNode node, String at, String field, JsonNode expected) {
        if (!expected.equals(node.get(field))) {
            add("%s/%s is %s; expected %s", at, field, display(node.get(field)), expected);
        }
    }

    private BufferedImage image(JsonNode manifest, String field, Path folder) {
        String name = manifest.path("icons").path(field).asText("");
        Path file = folder.resolve(name);
        if (name.isEmpty() || !Files.isRegularFile(file)) {
            add("/icons/%s \"%s\" is not a file in %s", field, name, folder);
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                add("/icons/%s \"%s\" is not an image", field, name);
            }
            return image;
        } catch (IOException e) {
            add("/icons/%s \"%s\" cannot be read: %s", field, name, e.getMessage());
            return null;
        }
    }

    private void size(String field, BufferedImage image, int side) {
        if (image.getWidth() != side || image.getHeight() != side) {
            add("%s icon is %dx%d; Teams wants %dx%d", field, image.getWidth(), image.getHeight(), side, side);
        }
    }

    private void add(String format, Object... values) {
        problems.add(String.format(format, values));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> fieldTexts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText("")));
        return texts;
    }

    private static String display(JsonNode value) {
        return value == null ? "missing" : value.toString();
    }
}
