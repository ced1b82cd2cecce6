package dev.callcodes.bot.team;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.store.StoreException;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.usage.Surface;
import dev.callcodes.team.usage.UsageCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts the pairs the bot answered, by tenant and surface: a pair the catalog lists as asked, one it does not as an
 * unknown code. Codes and counts only; the message they came in is not kept. A pair asked several times in one
 * message (a pasted report) counts once.
 */
public final class UsageRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    /** The surfaces of {@code AnswerMetrics}, as usage counts them: card buttons are chat. */
    private static final Map<String, Surface> SURFACES = Map.of("chat", Surface.CHAT, "card", Surface.CHAT,
            "extension", Surface.EXTENSION, "action", Surface.ACTION, "upload", Surface.UPLOAD);

    /** Counts nothing (the command line, tests of other things). */
    public static final UsageRecorder OFF = new UsageRecorder(null);

    private final UsageCounts usage;

    public UsageRecorder(UsageCounts usage) {
        this.usage = usage;
    }

    /** Counts the answers one surface gave in one tenant ({@code null}: the local tenant). */
    public void answered(String tenantId, String surface, List<Answer> answers) {
        Surface counted = SURFACES.get(surface.toLowerCase(Locale.ROOT));
        if (usage == null || counted == null || answers.isEmpty()) {
            return;
        }
        String tenant = tenantId == null || tenantId.isBlank() ? Tenants.LOCAL : tenantId;
        Set<CodePair> known = new LinkedHashSet<>();
        Set<CodePair> unknown = new LinkedHashSet<>();
        for (Answer answer : answers) {
            CodePair pair = pairOf(answer);
            if (pair != null) {
                (isUnknown(answer) ? unknown : known).add(pair);
            }
        }
        try {
            usage.asked(tenant, counted, known, unknown);
        } catch (IllegalArgumentException | StoreException e) {
            LOG.warn("Could not count {} answer(s) ({})", answers.size(), e.getClass().getSimpleName());
        }
    }

    static boolean isUnknown(Answer answer) {
        return answer.entries().isEmpty() || answer.match() == Match.UNKNOWN;
    }

    /** The codes asked; for an answer found by its words (a phrase, a search), the entry's. Null when there are none. */
    static CodePair pairOf(Answer answer) {
        String microsoft = answer.microsoftCode();
        Integer sip = answer.sipCode();
        if (microsoft == null && sip == null && !answer.entries().isEmpty()) {
            microsoft = answer.entries().get(0).microsoftCode();
            List<Integer> sips = answer.entries().get(0).sipCodes();
            sip = sips.size() == 1 ? sips.get(0) : null;
        }
        try {
            return microsoft == null && sip == null ? null : new CodePair(microsoft, sip);
        } catch (IllegalArgumentException notAPair) {
            return null;
        }
    }
}
