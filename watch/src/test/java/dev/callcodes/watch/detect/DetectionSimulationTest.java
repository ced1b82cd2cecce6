package dev.callcodes.watch.detect;

import dev.callcodes.watch.CountingWatchMetrics;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.calls.CallSource;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.demo.CallGenerator;
import dev.callcodes.watch.demo.CallGenerator.Planted;
import dev.callcodes.watch.state.InMemoryLease;
import dev.callcodes.watch.state.InMemoryWatchState;
import dev.callcodes.watch.stub.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two months of generated calls on four SBCs (office hours in Berlin, quiet nights and weekends, the common failure
 * mix, records arriving up to 150 minutes late), with eight incidents planted: every one must be found, and the
 * quiet days must give no alert at all. The watch runs as in production: a poll every 15 minutes with the default
 * rules.
 */
class DetectionSimulationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);
    private static final int DAYS = 61;

    private static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(FIRST_DAY.plusDays(day), java.time.LocalTime.of(hour, minute)).atZone(BERLIN).toInstant();
    }

    private static Planted plant(String name, IncidentType type, String sbc, String pair, int day, int fromHour,
                                 int fromMinute, Duration length, double share) {
        Instant from = at(day, fromHour, fromMinute);
        return new Planted(name, type, sbc, pair == null ? null : CodePair.parse(pair), "planted " + name, from,
                from.plus(length), share);
    }

    @Test
    void findsEveryPlantedIncidentAndRaisesNoFalseAlarm() {
        List<Planted> planted = List.of(
                plant("tls burst, a code the SBC never had", IncidentType.RATE, "sbc2.contoso.com", "569002/504",
                        12, 10, 0, Duration.ofHours(2), 0.4),
                plant("SBC 503s well above their usual share", IncidentType.RATE, "sbc1.contoso.com", "560503/503",
                        18, 14, 0, Duration.ofMinutes(90), 0.12),
                plant("an SBC goes silent in office hours", IncidentType.SILENCE, "sbc-eu.contoso.com", null,
                        25, 9, 0, Duration.ofHours(4), 1.0),
                plant("a new Microsoft pair appears", IncidentType.NEW_PAIR, "sbc1.contoso.com", "510562/403",
                        33, 11, 0, Duration.ofHours(1), 0.03),
                plant("timeouts surge on a known pair", IncidentType.RATE, "sbc-eu.contoso.com", "569008/504",
                        40, 8, 30, Duration.ofMinutes(150), 0.3),
                plant("a second SBC goes silent", IncidentType.SILENCE, "sbc2.contoso.com", null,
                        47, 15, 0, Duration.ofHours(2).plusMinutes(30), 1.0),
                plant("a small lab SBC times out half its calls", IncidentType.RATE, "sbc-lab.contoso.com", "560408/408",
                        52, 10, 0, Duration.ofHours(1), 0.5),
                plant("a Saturday certificate failure", IncidentType.RATE, "sbc1.contoso.com", "569003/504",
                        57, 11, 0, Duration.ofHours(2), 0.5));
        CallGenerator generator = new CallGenerator(2024, List.of(
                new CallGenerator.Sbc("sbc1.contoso.com", 4.0, 0.18),
                new CallGenerator.Sbc("sbc2.contoso.com", 2.5, 0.20),
                new CallGenerator.Sbc("sbc-eu.contoso.com", 3.0, 0.15),
                new CallGenerator.Sbc("sbc-lab.contoso.com", 1.2, 0.25)),
                planted, CallGenerator.Shape.OFFICE_HOURS, Duration.ofMinutes(8), Duration.ofMinutes(150), BERLIN);

        Instant start = at(0, 0, 0);
        ManualClock clock = new ManualClock(start);
        CallSource source = (from, to, sink) -> {
            long rows = generator.generate(from, to, clock.instant(), sink);
            return new CallSource.ReadResult((int) (rows / 1000 + 1), rows, 0, null, 0);
        };
        List<Alert> alerts = new ArrayList<>();
        CountingWatchMetrics metrics = new CountingWatchMetrics();
        Watch watch = new Watch("sim", source, InMemoryWatchState.objects(), new InMemoryLease(clock),
                new Detector(DetectionRules.defaults()), alerts::add, metrics, clock, Duration.ofMinutes(15),
                Duration.ofHours(3), Duration.ZERO);
        Instant end = at(DAYS, 0, 0);
        while (clock.instant().isBefore(end)) {
            watch.tick();
            clock.advance(Duration.ofMinutes(15));
        }

        Set<String> found = new TreeSet<>();
        List<Alert> falseAlarms = new ArrayList<>();
        Set<LocalDate> alarmDays = new HashSet<>();
        for (Alert alert : alerts) {
            if (alert.kind() != AlertKind.OPENED) {
                continue;
            }
            Planted match = planted.stream().filter(p -> matches(p, alert)).findFirst().orElse(null);
            if (match == null) {
                falseAlarms.add(alert);
                alarmDays.add(alert.at().atZone(BERLIN).toLocalDate());
            } else {
                found.add(match.name());
            }
        }
        Set<LocalDate> plantedDays = new HashSet<>();
        planted.forEach(p -> plantedDays.add(p.from().atZone(BERLIN).toLocalDate()));
        long quietDays = DAYS - plantedDays.size();
        long quietDaysWithAlarm = alarmDays.stream().filter(d -> !plantedDays.contains(d)).count();
        long opened = alerts.stream().filter(a -> a.kind() == AlertKind.OPENED).count();
        long resolved = alerts.stream().filter(a -> a.kind() == AlertKind.RESOLVED).count();
        System.out.printf("detection simulation: %d days, %,d calls read (%,d new), %d polls; incidents planted %d, "
                        + "found %d, false alarms %d (quiet days %d, of which with an alarm %d); alerts opened %d, "
                        + "updated %d, resolved %d%n",
                DAYS, metrics.get("records.read"), metrics.get("records.read") - metrics.get("records.duplicate"),
                metrics.get("polls.ok"), planted.size(), found.size(), falseAlarms.size(), quietDays,
                quietDaysWithAlarm, opened, alerts.stream().filter(a -> a.kind() == AlertKind.UPDATED).count(),
                resolved);
        falseAlarms.forEach(a -> System.out.println("  false alarm: " + a.at() + " " + a.headline()));
        alerts.stream().filter(a -> a.kind() == AlertKind.OPENED && !falseAlarms.contains(a))
                .forEach(a -> System.out.println("  found: " + a.at() + " " + a.reasons() + " " + a.headline()));

        assertThat(found).hasSize(planted.size());
        assertThat(falseAlarms).isEmpty();
        assertThat(resolved).as("every incident closed again").isEqualTo(opened);
    }

    private static boolean matches(Planted p, Alert alert) {
        if (!alert.sbc().equals(p.sbc())) {
            return false;
        }
        if (alert.at().isBefore(p.from()) || alert.at().isAfter(p.to().plus(Duration.ofHours(3)))) {
            return false;
        }
        return p.type() == IncidentType.SILENCE
                ? alert.reasons().contains(IncidentType.SILENCE)
                : p.pair().equals(alert.pair());
    }
}
