package dev.callcodes.bot.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.chat.ChatTurn;
import dev.callcodes.bot.chat.WatchControl;
import dev.callcodes.cards.Card;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchHealth;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.detect.Incident;
import dev.callcodes.watch.digest.DigestSchedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * What {@code watch} does, for the route table: subscriptions in the store, status from the running watch. A
 * conversation of another tenant than the watched one is told so, and sees neither incidents nor status.
 */
final class WatchChat implements WatchControl {

    /** A reply carries at most ten cards: the confirmation and up to nine incidents open now. */
    static final int MAX_OPEN_SHOWN = 9;
    static final Duration MUTE_FOR = Duration.ofDays(1);
    private static final Pattern INCIDENT_ID = Pattern.compile("inc-[0-9a-f]{1,16}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final WatchRunner runner;
    private final Subscriptions subscriptions;
    private final WatchCards cards;
    private final WatchedTenant tenant;
    private final WindowReports reports;
    private final Clock clock;

    WatchChat(WatchRunner runner, Subscriptions subscriptions, WatchCards cards, WatchedTenant tenant,
              WindowReports reports, Clock clock) {
        this.runner = runner;
        this.subscriptions = subscriptions;
        this.cards = cards;
        this.tenant = tenant;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public List<Card> subscribe(ChatTurn turn) {
        if (!turn.hasConversation()) {
            return List.of(noConversation());
        }
        if (runner.watch().isEmpty()) {
            return List.of(off());
        }
        WatchedTenant.Match match = tenant.match(turn.tenantId());
        if (match == WatchedTenant.Match.NO) {
            return List.of(otherTenant());
        }
        String conversation = channelOf(turn.conversationId());
        boolean added = subscriptions.subscribe(new Subscription(turn.tenantId(), conversation,
                turn.conversationType(), proactiveReference(turn.reference(), conversation), clock.instant(), null,
                null));
        // Until the tenant is known, its incidents are not shown to a conversation that may not be of it.
        List<Incident> open = match == WatchedTenant.Match.YES ? runner.watch().get().openIncidents() : List.of();
        List<String> lines = new ArrayList<>();
        lines.add(added ? "This conversation now gets an alert when calls start failing, and another when they are"
                + " back to normal." : "This conversation already gets the watch's alerts.");
        lines.add(match == WatchedTenant.Match.UNKNOWN ? tenant.unknownReason() : open.isEmpty()
                ? "Nothing is failing right now." : open.size() == 1 ? "One incident is open now:"
                + " its card follows." : open.size() + " incidents are open now: their cards follow.");
        lines.add("Also: watch digest 08:00 Europe/Berlin for a daily summary, watch status, watch off.");
        List<Card> reply = new ArrayList<>();
        reply.add(cards.note(added ? "Watching Direct Routing calls" : "Already watching", lines, List.of()));
        Instant now = clock.instant();
        open.stream().limit(MAX_OPEN_SHOWN).forEach(incident -> reply.add(cards.openIncident(incident, now)));
        return reply;
    }

    @Override
    public Card unsubscribe(ChatTurn turn) {
        if (!turn.hasConversation()) {
            return noConversation();
        }
        boolean removed = subscriptions.unsubscribe(channelOf(turn.conversationId()));
        return cards.note(removed ? "No more alerts here" : "Not watching here",
                List.of(removed ? "This conversation gets no more alerts or digests. Send watch to start again."
                        : "This conversation was not getting alerts. Send watch to start."), List.of());
    }

    @Override
    public Card status(ChatTurn turn) {
        if (ofAnotherTenant(turn)) {
            return otherTenant();
        }
        WatchHealth health = runner.health();
        List<WatchCards.Fact> facts = new ArrayList<>();
        facts.add(new WatchCards.Fact("Watch", health.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        if (runner.watch().isPresent()) {
            facts.add(new WatchCards.Fact("Source", runner.settings().source().name().toLowerCase(Locale.ROOT)));
            facts.add(new WatchCards.Fact("Polls every", words(runner.settings().interval())));
            facts.add(new WatchCards.Fact("Last good poll", health.lastSuccess() == null ? "none yet"
                    : TIME.format(health.lastSuccess())));
            if (health.consecutiveFailures() > 0) {
                facts.add(new WatchCards.Fact("Failed polls in a row", Integer.toString(health.consecutiveFailures())));
            }
            facts.add(new WatchCards.Fact("Open incidents", Integer.toString(runner.watch().get().openIncidents()
                    .size())));
        }
        Optional<Subscription> here = turn.hasConversation()
                ? subscriptions.find(channelOf(turn.conversationId())) : Optional.empty();
        facts.add(new WatchCards.Fact("This conversation", here.isEmpty() ? "not subscribed (send watch)"
                : "subscribed" + (here.get().digest() == null ? ", no digest" : ", digest at " + here.get().digest())));
        return cards.note("Watch status", health.reason() == null ? List.of() : List.of(health.reason()), facts);
    }

    @Override
    public Card digest(ChatTurn turn, String schedule) {
        if (!turn.hasConversation()) {
            return noConversation();
        }
        if (ofAnotherTenant(turn)) {
            return otherTenant();
        }
        String conversation = channelOf(turn.conversationId());
        if (schedule.isBlank()) {
            return problem("Give the time and the time zone: watch digest 08:00 Europe/Berlin (or watch digest off).");
        }
        if (schedule.equalsIgnoreCase("off")) {
            return subscriptions.change(conversation, s -> s.withDigest(null))
                    .map(s -> cards.note("No daily digest", List.of("Alerts still come here; the digest does not."),
                            List.of()))
                    .orElseGet(this::notSubscribed);
        }
        DigestSchedule parsed;
        try {
            parsed = DigestSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            return problem("That digest time cannot be used: " + e.getMessage() + ".");
        }
        if (runner.watch().isEmpty()) {
            return off();
        }
        Instant now = clock.instant();
        // A time already past today starts tomorrow, rather than sending a digest the moment it is asked for.
        java.time.LocalDate skip = WatchRunner.dueDay(parsed, now);
        return subscriptions.change(conversation, s -> s.withDigest(parsed.toString()).withLastDigestDay(skip))
                .map(s -> cards.note("Daily digest at " + parsed, List.of("Each day at " + parsed.time() + " ("
                        + parsed.zone().getId() + ") this conversation gets the calls of the day before, failures by"
                        + " pair and SBC, and what changed against the week before. The next one: "
                        + TIME.format(parsed.nextAfter(now)) + "."), List.of()))
                .orElseGet(this::notSubscribed);
    }

    @Override
    public Card mute(ChatTurn turn, String incidentId) {
        return withIncident(turn, incidentId, (watch, id) -> {
            watch.mute(id, MUTE_FOR);
            return cards.note("Muted for a day", List.of("No updates about " + id + " until "
                    + TIME.format(clock.instant().plus(MUTE_FOR)) + "; a new incident still alerts."), List.of());
        });
    }

    @Override
    public Card report(ChatTurn turn, String incidentId) {
        return withIncident(turn, incidentId, (watch, id) -> reports.report(watch, id, turn.tenantId()));
    }

    /** A card button's incident id, checked, for the running watch; else a note saying what is wrong. */
    private Card withIncident(ChatTurn turn, String incidentId,
                              BiFunction<Watch, String, Card> action) {
        String id = incidentId.strip().toLowerCase(Locale.ROOT);
        if (!INCIDENT_ID.matcher(id).matches()) {
            return problem("'" + (id.length() > 40 ? id.substring(0, 40) + "..." : id)
                    + "' is not an incident id (they look like inc-3f2a9c01be4d).");
        }
        Optional<Watch> watch = runner.watch();
        if (watch.isEmpty()) {
            return off();
        }
        return ofAnotherTenant(turn) ? otherTenant() : action.apply(watch.get(), id);
    }

    @Override
    public Card problem(String message) {
        return cards.note("Watch", List.of(message), List.of());
    }

    private Card off() {
        return cards.note("The watch is off", List.of(runner.settings().offReason()), List.of());
    }

    private boolean ofAnotherTenant(ChatTurn turn) {
        return tenant.match(turn.tenantId()) == WatchedTenant.Match.NO;
    }

    /** Names no tenant: the watched tenant's ID is not another tenant's business. */
    private Card otherTenant() {
        return cards.note("Not for this tenant", List.of("The watch here reads the calls of another Microsoft 365"
                + " organization (tenant), and sends its alerts only to that organization's chats and channels."),
                List.of());
    }

    private Card notSubscribed() {
        return problem("This conversation does not get the watch's alerts yet: send watch first.");
    }

    private Card noConversation() {
        return problem("The watch sends alerts to a chat or channel: send watch there.");
    }

    /**
     * A channel message's conversation id ends with {@code ;messageid=N} (its thread); alerts go to the channel
     * itself, as new posts, whichever thread asked.
     */
    static String channelOf(String conversationId) {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /** The reference without the message that asked, so alerts start their own posts instead of replying to it. */
    static JsonNode proactiveReference(JsonNode reference, String conversationId) {
        ObjectNode copy = reference.deepCopy();
        copy.remove("activityId");
        if (copy.path("conversation").isObject()) {
            ((ObjectNode) copy.get("conversation")).put("id", conversationId);
        }
        return copy;
    }

    private static String words(Duration d) {
        return d.toSeconds() < 120 ? d.toSeconds() + " s" : d.toMinutes() + " min";
    }
}
