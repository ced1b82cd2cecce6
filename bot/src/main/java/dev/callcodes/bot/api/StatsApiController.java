package dev.callcodes.bot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.server.Problem;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.usage.UsageCounts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/stats}: what the {@code stats} card shows, as JSON and with longer lists, for a dashboard or a
 * script. Behind the same access rule as the rest of {@code /api/*}. Codes and counts only.
 */
@RestController
class StatsApiController {

    static final int MAX_LIMIT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TeamStats stats;
    private final String ownTenant;
    private final boolean ownTenantOnly;

    StatsApiController(TeamStats stats, BotSettings settings) {
        this.stats = stats;
        this.ownTenant = settings.tenantId().isEmpty() ? Tenants.LOCAL : settings.tenantId();
        // A tenant's counts stay in the tenant: a deployed bot's API answers for the tenant it is registered in.
        this.ownTenantOnly = settings.authenticationEnabled();
    }

    /** {@code ?tenant=GUID&limit=10}; the tenant defaults to the bot's own (the local one without an app ID). */
    @GetMapping(path = "/api/stats")
    ResponseEntity<ObjectNode> stats(@RequestParam(name = "tenant", required = false) String tenant,
                                     @RequestParam(name = "limit", required = false) String limit) {
        String asked = tenant == null || tenant.isBlank() ? ownTenant : tenant.strip();
        try {
            Tenants.key(asked);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problem.INVALID, "tenant", "the parameter 'tenant' must be a tenant id (a GUID), not '"
                    + shorten(asked) + "'");
        }
        if (ownTenantOnly && !asked.equalsIgnoreCase(ownTenant)) {
            throw new ApiException(Problem.FORBIDDEN, "tenant", "this app's API answers for its own tenant only ("
                    + ownTenant + "), not '" + shorten(asked) + "'");
        }
        TeamStats.Report report = stats.report(asked, limit(limit));
        ObjectNode body = JSON.createObjectNode();
        body.put("tenant", asked.toLowerCase(Locale.ROOT));
        body.put("weekDays", TeamStats.WEEK);
        body.put("monthDays", TeamStats.MONTH);
        pairs(body.putArray("topPairsWeek"), report.topPairsWeek());
        pairs(body.putArray("topPairsMonth"), report.topPairsMonth());
        pairs(body.putArray("unknownCodesMonth"), report.unknownCodesMonth());
        ObjectNode feedback = body.putObject("feedbackMonth");
        feedback.put("helpful", report.helpfulMonth());
        feedback.put("notHelpful", report.notHelpfulMonth());
        ArrayNode worst = body.putArray("mostNotHelpful");
        for (Tally tally : report.mostNotHelpful()) {
            worst.addObject().put("entryId", tally.entryId()).put("helpful", tally.helpful())
                    .put("notHelpful", tally.notHelpful());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static void pairs(ArrayNode out, List<UsageCounts.PairCount> pairs) {
        for (UsageCounts.PairCount count : pairs) {
            ObjectNode row = out.addObject();
            CodePair pair = count.pair();
            row.put("microsoftCode", pair.microsoftCode());
            if (pair.sipCode() == null) {
                row.putNull("sipCode");
            } else {
                row.put("sipCode", pair.sipCode());
            }
            row.put("count", count.count());
            if (!count.bySurface().isEmpty()) {
                ObjectNode surfaces = row.putObject("bySurface");
                count.bySurface().forEach((surface, n) -> surfaces.put(surface.name().toLowerCase(Locale.ROOT), n));
            }
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 10;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(Problem.INVALID, "limit", "the parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT
                + ", not '" + shorten(value) + "'");
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
