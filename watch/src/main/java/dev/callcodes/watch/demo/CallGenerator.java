package dev.callcodes.watch.demo;

import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.detect.IncidentType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generated Direct Routing calls, as Graph would list them: several SBCs, a daily and weekly rhythm, the common
 * failure pairs of Direct Routing, and planted incidents. Every minute of every SBC is drawn from its own seeded
 * random stream, so asking for an overlapping window again gives the same calls with the same ids, as Graph does.
 * Records can be made to arrive late (visible only some minutes after they start), as Graph's do.
 */
public final class CallGenerator {

    /** An SBC and its calls per minute at the busiest hour; {@code failureShare} of its calls fail normally. */
    public record Sbc(String fqdn, double peakCallsPerMinute, double failureShare) {
    }

    /**
     * An incident to plant: in [from, to) a call of the SBC fails with {@code pair} with probability {@code share};
     * for {@link IncidentType#SILENCE} the SBC's calls are dropped instead.
     */
    public record Planted(String name, IncidentType type, String sbc, CodePair pair, String phrase, Instant from,
                          Instant to, double share) {

        boolean covers(String fqdn, long epochSecond) {
            return sbc.equals(fqdn) && epochSecond >= from.getEpochSecond() && epochSecond < to.getEpochSecond();
        }
    }

    /** How traffic varies over the week. */
    public enum Shape {
        /** The same all the time: the demo. */
        FLAT,
        /** Office hours on weekdays, little at night and at weekends. */
        OFFICE_HOURS;

        double factor(ZonedDateTime at) {
            if (this == FLAT) {
                return 1.0;
            }
            boolean weekend = at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
            int hour = at.getHour();
            boolean day = hour >= 8 && hour < 18;
            boolean shoulder = hour == 7 || (hour >= 18 && hour < 20);
            if (weekend) {
                return day ? 0.15 : 0.03;
            }
            return day ? 1.0 : shoulder ? 0.4 : 0.05;
        }
    }

    /** The common Direct Routing failures and their weights (as the catalog's synthetic export mixes them). */
    static final List<Object[]> FAILURES = List.of(
            new Object[] {403, "510559", "Forbidden; Call rejected", 30},
            new Object[] {487, "540487", "Request terminated", 20},
            new Object[] {486, "560486", "Busy Here", 15},
            new Object[] {480, "560480", "Temporarily Unavailable", 10},
            new Object[] {504, "569008", "Server Time-out", 8},
            new Object[] {404, "510404", "Not Found", 6},
            new Object[] {408, "560408", "Request Timeout", 4},
            new Object[] {500, "560500", "Internal Server Error", 3},
            new Object[] {488, "560488", "Not Acceptable Here", 2},
            new Object[] {503, "560503", "Service Unavailable", 1},
            new Object[] {603, "560603", "Decline", 1});
    private static final int TOTAL_WEIGHT = FAILURES.stream().mapToInt(f -> (int) f[3]).sum();
    private static final String[] CALL_TYPES = {"ByotOut", "ByotIn", "ByotOutUserForwarding", "ByotOutUserTransfer"};

    private final long seed;
    private final List<Sbc> sbcs;
    private final List<Planted> planted;
    private final Shape shape;
    private final Duration meanLateness;
    private final Duration maxLateness;
    private final ZoneId zone;

    public CallGenerator(long seed, List<Sbc> sbcs, List<Planted> planted, Shape shape, Duration meanLateness,
                         Duration maxLateness, ZoneId zone) {
        this.seed = seed;
        this.sbcs = List.copyOf(sbcs);
        this.planted = List.copyOf(planted);
        this.shape = shape;
        this.meanLateness = meanLateness;
        this.maxLateness = maxLateness;
        this.zone = zone;
    }

    public List<Planted> planted() {
        return planted;
    }

    /** Hands on every call that started in [from, to) and is visible at {@code visibleAt}; returns how many. */
    public long generate(Instant from, Instant to, Instant visibleAt, Consumer<CallRow> sink) {
        long count = 0;
        long firstMinute = Math.floorDiv(from.getEpochSecond(), 60);
        long lastMinute = Math.floorDiv(to.getEpochSecond() - 1, 60);
        for (long minute = firstMinute; minute <= lastMinute; minute++) {
            double factor = shape.factor(Instant.ofEpochSecond(minute * 60).atZone(zone));
            for (int s = 0; s < sbcs.size(); s++) {
                count += minute(minute, s, factor, from, to, visibleAt, sink);
            }
        }
        return count;
    }

    private long minute(long minute, int sbcIndex, double factor, Instant from, Instant to, Instant visibleAt,
                        Consumer<CallRow> sink) {
        Sbc sbc = sbcs.get(sbcIndex);
        SplittableRandom random = new SplittableRandom(mix(seed, sbcIndex, minute));
        int calls = poisson(random, sbc.peakCallsPerMinute() * factor);
        long count = 0;
        for (int j = 0; j < calls; j++) {
            // Every draw happens in the same order whatever is kept, so the calls of a minute never change.
            long startMillis = minute * 60_000 + random.nextInt(60_000);
            UUID id = new UUID(random.nextLong(), random.nextLong());
            UUID correlation = new UUID(random.nextLong(), random.nextLong());
            double plantedRoll = random.nextDouble();
            double failureRoll = random.nextDouble();
            int pick = random.nextInt(TOTAL_WEIGHT);
            int user = random.nextInt(200);
            int callType = random.nextInt(8);
            int duration = 20 + random.nextInt(900);
            double late = -Math.log(1 - random.nextDouble()) * meanLateness.toMillis();
            boolean clearedBySbc = random.nextBoolean();

            Instant start = Instant.ofEpochMilli(startMillis);
            long arrives = startMillis + (long) Math.min(late, maxLateness.toMillis());
            if (start.isBefore(from) || !start.isBefore(to) || arrives > visibleAt.toEpochMilli()) {
                continue;
            }
            Planted incident = active(sbc.fqdn(), start.getEpochSecond());
            if (incident != null && incident.type() == IncidentType.SILENCE && plantedRoll < incident.share()) {
                continue;
            }
            Integer sip;
            String microsoft;
            String phrase;
            if (incident != null && incident.type() != IncidentType.SILENCE && plantedRoll < incident.share()) {
                sip = incident.pair().sipCode();
                microsoft = incident.pair().microsoftCode();
                phrase = incident.phrase();
            } else if (failureRoll < sbc.failureShare()) {
                Object[] failure = pick(pick);
                sip = (Integer) failure[0];
                microsoft = (String) failure[1];
                phrase = (String) failure[2];
            } else {
                sip = 0;
                microsoft = clearedBySbc ? "560000" : "540000";
                phrase = "BYE";
            }
            boolean failed = !(sip == 0);
            sink.accept(new CallRow(id.toString(), correlation.toString(), start, start.minusMillis(400),
                    failed ? start.plusSeconds(2) : null, failed ? null : start.plusSeconds(duration), sip, phrase,
                    microsoft, CALL_TYPES[callType < 5 ? 0 : callType - 4], sbc.fqdn(),
                    "user" + user + "@" + domain(sbc.fqdn()), null, failed ? 0 : duration, !failed));
            count++;
        }
        return count;
    }

    private Planted active(String fqdn, long epochSecond) {
        for (Planted p : planted) {
            if (p.covers(fqdn, epochSecond)) {
                return p;
            }
        }
        return null;
    }

    private static Object[] pick(int roll) {
        for (Object[] failure : FAILURES) {
            roll -= (int) failure[3];
            if (roll < 0) {
                return failure;
            }
        }
        return FAILURES.get(0);
    }

    private static String domain(String fqdn) {
        int dot = fqdn.indexOf('.');
        return dot < 0 ? fqdn : fqdn.substring(dot + 1);
    }

    private static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static long mix(long seed, int sbc, long minute) {
        long h = seed * 0x9E3779B97F4A7C15L + sbc * 0xC2B2AE3D27D4EB4FL + minute * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
