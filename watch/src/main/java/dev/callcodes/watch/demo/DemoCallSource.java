package dev.callcodes.watch.demo;

import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CallSource;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.detect.IncidentType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code CALLCODES_WATCH_SOURCE=demo}: calls of three SBCs at a steady rate, with a TLS failure burst (569008 /
 * 504, "Remote certificate expired") on sbc-eu.contoso.com starting a few seconds after the demo starts and again
 * every hour, 5 minutes each. With the demo's 10-second interval and 5-minute window the first alert comes within
 * a minute, and its "resolved" about 10 minutes later.
 */
public final class DemoCallSource implements CallSource {

    public static final String BURST_SBC = "sbc-eu.contoso.com";
    public static final CodePair BURST_PAIR = new CodePair("569008", 504);
    static final String BURST_PHRASE = "Unable to deliver INVITE: Outgoing TLS negotiation failed. Remote certificate"
            + " expired; HRESULT=0x80090328 SEC_E_CERT_EXPIRED";
    private static final Duration BURST = Duration.ofMinutes(5);
    private static final Duration EVERY = Duration.ofHours(1);

    private final CallGenerator generator;
    private final Clock clock;

    public DemoCallSource(Clock clock) {
        this(clock, clock.instant().plusSeconds(5));
    }

    DemoCallSource(Clock clock, Instant firstBurst) {
        this.clock = clock;
        List<CallGenerator.Planted> bursts = new ArrayList<>();
        for (int i = 0; i < 24 * 14; i++) {
            Instant from = firstBurst.plus(EVERY.multipliedBy(i));
            bursts.add(new CallGenerator.Planted("tls-burst-" + i, IncidentType.RATE, BURST_SBC, BURST_PAIR,
                    BURST_PHRASE, from, from.plus(BURST), 0.85));
        }
        this.generator = new CallGenerator(15, List.of(
                new CallGenerator.Sbc("sbc1.contoso.com", 12, 0.2),
                new CallGenerator.Sbc("sbc2.contoso.com", 8, 0.2),
                new CallGenerator.Sbc(BURST_SBC, 30, 0.15)),
                bursts, CallGenerator.Shape.FLAT, Duration.ZERO, Duration.ZERO, ZoneOffset.UTC);
    }

    @Override
    public ReadResult read(Instant from, Instant to, Consumer<CallRow> sink) {
        Instant now = clock.instant();
        Instant end = to.isAfter(now) ? now : to;
        long rows = end.isAfter(from) ? generator.generate(from, end, now, sink) : 0;
        return new ReadResult((int) Math.max(1, (rows + 999) / 1000), rows, 0, null, 0);
    }
}
