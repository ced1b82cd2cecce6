package dev.callcodes.bot.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.cards.Card;
import dev.callcodes.cards.template.Template;
import dev.callcodes.cards.template.TemplateException;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.usage.Surface;
import dev.callcodes.team.usage.UsageCounts;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code stats} card, from {@code team-cards/stats.json} filled with a tenant's {@link TeamStats.Report}. */
public final class StatsCards {

    static final String STATS = "stats";
    /** Rows of one list: the card is read in a chat, not a dashboard ({@code GET /api/stats} has more). */
    public static final int ROWS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template stats = template(STATS);
    private final Catalog catalog;

    public StatsCards(Catalog catalog) {
        this.catalog = catalog;
    }

    record Row(String label, String value) {
    }

    record Section(String title, List<Row> rows, boolean empty, String emptyText) {
    }

    record StatsData(String title, String subtitle, List<Section> sections, String fallbackText) {
    }

    public Card stats(TeamStats.Report report) {
        List<Section> sections = new ArrayList<>();
        sections.add(section("Most asked, last " + TeamStats.WEEK + " days", pairRows(report.topPairsWeek()),
                "Nothing asked yet."));
        sections.add(section("Most asked, last " + TeamStats.MONTH + " days", pairRows(report.topPairsMonth()),
                "Nothing asked yet."));
        sections.add(section("Asked but not in the catalog, last " + TeamStats.MONTH + " days",
                report.unknownCodesMonth().stream().map(p -> new Row(p.pair().toString(), times(p.count()))).toList(),
                "None: every code asked is in the catalog."));
        sections.add(section("Feedback, last " + TeamStats.MONTH + " days", List.of(
                new Row("Helpful", Long.toString(report.helpfulMonth())),
                new Row("Not helpful", Long.toString(report.notHelpfulMonth()))), ""));
        sections.add(section("Most \"Not helpful\" votes", report.mostNotHelpful().stream().limit(ROWS)
                .map(t -> new Row(entryLabel(t.entryId()), votes(t))).toList(), "None."));
        String fallback = "Team stats: " + (report.topPairsWeek().isEmpty() ? "nothing asked in the last "
                + TeamStats.WEEK + " days" : "most asked in the last " + TeamStats.WEEK + " days "
                + report.topPairsWeek().get(0).pair() + " (" + times(report.topPairsWeek().get(0).count()) + ")")
                + "; " + report.unknownCodesMonth().size() + " unknown code(s) asked; feedback "
                + report.helpfulMonth() + " helpful, " + report.notHelpfulMonth() + " not helpful.";
        StatsData data = new StatsData("Team stats", "Codes asked in this tenant, by UTC day. No message text is"
                + " kept: only the codes and how often.", sections, fallback);
        return new Card(STATS, stats.expand(JSON.valueToTree(data)), fallback);
    }

    private static Section section(String title, List<Row> rows, String emptyText) {
        List<Row> shown = rows.size() > ROWS ? rows.subList(0, ROWS) : rows;
        return new Section(title, shown, shown.isEmpty(), emptyText);
    }

    private static List<Row> pairRows(List<UsageCounts.PairCount> pairs) {
        return pairs.stream().map(p -> new Row(p.pair().toString(), times(p.count()) + surfaces(p.bySurface())))
                .toList();
    }

    private static String surfaces(Map<Surface, Long> bySurface) {
        if (bySurface.size() < 2) {
            return bySurface.isEmpty() ? "" : " (" + bySurface.keySet().iterator().next().name()
                    .toLowerCase(Locale.ROOT) + ")";
        }
        return bySurface.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT, " %,d", e.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String times(long count) {
        return count == 1 ? "1 time" : String.format(Locale.ROOT, "%,d times", count);
    }

    private static String votes(Tally tally) {
        return tally.notHelpful() + " not helpful, " + tally.helpful() + " helpful";
    }

    /** A catalog entry by its codes; a pair the catalog does not list by its key's codes. */
    String entryLabel(String entryId) {
        return catalog.entry(entryId).map(StatsCards::label).orElseGet(() -> {
            try {
                return CodePair.fromKey(entryId).toString();
            } catch (IllegalArgumentException notAPair) {
                return entryId;
            }
        });
    }

    private static String label(CatalogEntry entry) {
        String sip = entry.sipCodes().stream().map(String::valueOf).collect(Collectors.joining("/"));
        return (entry.microsoftCode() == null ? "?" : entry.microsoftCode()) + " / SIP " + (sip.isEmpty() ? "?" : sip);
    }

    private static Template template(String name) {
        String resource = "team-cards/" + name + ".json";
        try (InputStream in = StatsCards.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateException(name, "$", "resource missing from the class path: " + resource);
            }
            return Template.compile(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new TemplateException(name, "$", "not valid JSON: " + e.getMessage());
        }
    }
}
