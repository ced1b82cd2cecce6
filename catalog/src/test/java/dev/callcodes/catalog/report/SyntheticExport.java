package dev.callcodes.catalog.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A Direct Routing report as the admin center exports it (CSV, every column), with the mix a real month shows:
 * mostly normal calls, a long tail of failure pairs from both sides, several SBCs and call types, display names
 * that need quoting, and one malformed row in 5,000. Deterministic for a seed. Shared with the benchmarks and the
 * bot's tests through the test jar.
 */
public final class SyntheticExport {

    public static final String HEADER = "Start time,Display name,SIP address,Caller number,Callee number,Call type,"
            + "Invite time,Failure time,End time,Duration,Media bypass,SBC FQDN,Azure region,Event type,"
            + "Final SIP code,Final Microsoft subcode,Final SIP phrase,Correlation ID,Shared Correlation ID";

    /** Failure pairs with their weights: the common ones of Direct Routing, Microsoft's and the SBC's. */
    private static final List<Object[]> FAILURES = List.of(
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
    private static final String[] SBCS = {"sbc1.contoso.com", "sbc2.contoso.com", "sbc-eu.contoso.com", "sbc-lab.contoso.com"};
    private static final String[] CALL_TYPES = {"dr_out", "dr_in", "dr_out_user_forwarding", "dr_out_user_transfer"};
    private static final String[] NAMES = {"Adele Vance", "\"Doe, Jane\"", "Alex Wilber", "Megan Bowen", "Lee Gu"};
    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

    private SyntheticExport() {
    }

    /** Writes the header and {@code rows} rows; about 30% failed, 1 in 5,000 malformed. */
    public static void write(Writer out, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        int totalWeight = FAILURES.stream().mapToInt(f -> (int) f[3]).sum();
        out.write(HEADER);
        out.write("\r\n");
        for (int i = 0; i < rows; i++) {
            Instant start = START.plus(random.nextInt(31 * 24 * 3600), ChronoUnit.SECONDS);
            String sbc = SBCS[Math.min(random.nextInt(SBCS.length + 2), SBCS.length - 1)];
            String callType = CALL_TYPES[random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0];
            String name = NAMES[random.nextInt(NAMES.length)];
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            StringBuilder row = new StringBuilder(300)
                    .append(start).append(',').append(name).append(",sip:user").append(i % 500).append("@contoso.com,")
                    .append("+1425555").append(String.format("%04d", i % 10_000)).append(",+1206555")
                    .append(String.format("%04d", random.nextInt(10_000))).append(',').append(callType).append(',')
                    .append(start.minusSeconds(1)).append(',');
            if (i % 5_000 == 4_999) {
                row.append("garbled row cut off here");
            } else if (random.nextInt(10) < 3) {
                Object[] failure = pick(random, totalWeight);
                row.append(start.plusSeconds(2)).append(",,00:00:00,False,").append(sbc).append(",USWE,Failure,")
                        .append(failure[0]).append(',').append(failure[1]).append(",\"").append(failure[2]).append("\",")
                        .append(id).append(',');
            } else {
                int seconds = 20 + random.nextInt(1200);
                row.append(',').append(start.plusSeconds(seconds)).append(",00:")
                        .append(String.format("%02d:%02d", seconds / 60, seconds % 60)).append(",False,").append(sbc)
                        .append(",USWE,Success,0,").append(random.nextBoolean() ? "560000" : "540000").append(",,")
                        .append(id).append(',');
            }
            out.write(row.append("\r\n").toString());
        }
    }

    private static Object[] pick(Random random, int totalWeight) {
        int roll = random.nextInt(totalWeight);
        for (Object[] failure : FAILURES) {
            roll -= (int) failure[3];
            if (roll < 0) {
                return failure;
            }
        }
        return FAILURES.get(0);
    }
}
