package io.fathom.tools.sim;

import io.fathom.tools.sim.SimFaultSchedule.Action;
import io.fathom.tools.sim.SimFaultSchedule.Entry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SimFaultScheduleTest
{
    @Test
    void parsesEveryFaultWithItsArguments()
    {
        final SimFaultSchedule schedule = SimFaultSchedule.parse(
            "drop-all@10s,stall@20s:3s,no-pong@25s:40s,malformed@30s:5,gap@35s:1,slow-rest@40s:2s,429@45s:3:1," +
            "drop-one@50s,slow-rest@55s:0s,clear@59s,every=60s");

        assertThat(schedule.entries())
            .extracting(Entry::action, Entry::at, Entry::duration, Entry::count, Entry::retryAfterSeconds)
            .containsExactly(
                tuple(Action.DROP_ALL, Duration.ofSeconds(10), Duration.ZERO, 0, 0),
                tuple(Action.STALL, Duration.ofSeconds(20), Duration.ofSeconds(3), 0, 0),
                tuple(Action.NO_PONG, Duration.ofSeconds(25), Duration.ofSeconds(40), 0, 0),
                tuple(Action.MALFORMED, Duration.ofSeconds(30), Duration.ZERO, 5, 0),
                tuple(Action.GAP, Duration.ofSeconds(35), Duration.ZERO, 1, 0),
                tuple(Action.SLOW_REST, Duration.ofSeconds(40), Duration.ofSeconds(2), 0, 0),
                tuple(Action.TOO_MANY_REQUESTS, Duration.ofSeconds(45), Duration.ZERO, 3, 1),
                tuple(Action.DROP_ONE, Duration.ofSeconds(50), Duration.ZERO, 0, 0),
                tuple(Action.SLOW_REST, Duration.ofSeconds(55), Duration.ZERO, 0, 0),
                tuple(Action.CLEAR, Duration.ofSeconds(59), Duration.ZERO, 0, 0));
        assertThat(schedule.repeatPeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.entries()).extracting(Entry::description)
            .startsWith("drop-all", "stall:3s", "no-pong:40s", "malformed:5", "gap:1", "slow-rest:2s", "429:3:1");
    }

    @Test
    void ordersByTimeKeepingTiesAsWrittenAndPrintsBackASpecThatParsesTheSame()
    {
        final SimFaultSchedule schedule = SimFaultSchedule.parse(" gap@2m:4 , clear@500ms,stall@500ms:1h,drop-one@0s");

        assertThat(schedule.entries()).extracting(Entry::action)
            .containsExactly(Action.DROP_ONE, Action.CLEAR, Action.STALL, Action.GAP);
        assertThat(schedule.repeatPeriod()).isEqualTo(Duration.ZERO);
        assertThat(schedule).hasToString("drop-one@0s,clear@500ms,stall@500ms:1h,gap@2m:4");
        assertThat(SimFaultSchedule.parse(schedule.toString())).hasToString(schedule.toString());
        assertThat(SimFaultSchedule.NONE.isEmpty()).isTrue();
        assertThat(SimFaultSchedule.NONE.corrupts()).isFalse();
        assertThat(SimFaultSchedule.parse("gap@1s:1,corrupt@2s:3").corrupts()).isTrue();
        assertThat(schedule.isEmpty()).isFalse();
    }

    @Test
    void rejectsABadItemNamingIt()
    {
        assertRejected("", "empty fault schedule");
        assertRejected("drop-all@1s,,gap@2s:1", "fault item 2 of 'drop-all@1s,,gap@2s:1' is empty");
        assertRejected("explode@1s", "bad fault item 'explode@1s': unknown fault 'explode'; expected one of " +
            "drop-all, drop-one, stall, no-pong, malformed, gap, corrupt, slow-rest, 429, clear or every=PERIOD");
        assertRejected("drop-all", "bad fault item 'drop-all': expected drop-all@TIME");
        assertRejected("drop-all@1s:2s", "bad fault item 'drop-all@1s:2s': expected drop-all@TIME");
        assertRejected("stall@20s", "bad fault item 'stall@20s': expected stall@TIME:DURATION");
        assertRejected("stall@20s:0s", "bad fault item 'stall@20s:0s': stall needs a positive duration");
        assertRejected("no-pong@1s:-5s", "bad fault item 'no-pong@1s:-5s': '-5s' is not a duration");
        assertRejected("drop-one@10", "bad fault item 'drop-one@10': '10' is not a duration");
        assertRejected("drop-one@1.5s", "'1.5s' is not a duration");
        assertRejected("stall@1s:400d", "'400d' is not a duration");
        assertRejected("stall@1s:9000h", "bad fault item 'stall@1s:9000h': '9000h' is longer than 365 days");
        assertRejected("malformed@1s:0", "bad fault item 'malformed@1s:0': count 0 is outside 1..1000000000");
        assertRejected("gap@1s:x", "bad fault item 'gap@1s:x': count 'x' is not a whole number 1..1000000000");
        assertRejected("gap@1s:-1", "count '-1' is not a whole number");
        assertRejected("corrupt@1s", "bad fault item 'corrupt@1s': expected corrupt@TIME:COUNT");
        assertRejected("429@1s:3", "bad fault item '429@1s:3': expected 429@TIME:COUNT:RETRY_AFTER_SECONDS");
        assertRejected("429@1s:3:86401", "Retry-After seconds 86401 is outside 0..86400");
        assertRejected("every=30s", "has no fault, only a repeat period");
        assertRejected("drop-all@1s,every=0s", "bad fault item 'every=0s': the repeat period must be positive");
        assertRejected("drop-all@1s,every=5s,every=6s", "bad fault item 'every=6s': 'every=' may be given once");
        assertRejected("drop-all@30s,every=30s",
            "bad fault item 'every=30s': the repeat period must exceed the last fault time (30s)");
    }

    @Test
    void everyActionHasASpecName()
    {
        for (final Action action : Action.values())
        {
            assertThat(SimFaultSchedule.parse(action.specName() + "@1s" + arguments(action)).entries())
                .extracting(Entry::action).containsExactly(action);
        }
    }

    private static String arguments(final Action action)
    {
        switch (action)
        {
            case STALL:
            case NO_PONG:
            case SLOW_REST:
                return ":1s";
            case MALFORMED:
            case GAP:
            case CORRUPT:
                return ":2";
            case TOO_MANY_REQUESTS:
                return ":2:0";
            default:
                return "";
        }
    }

    private static void assertRejected(final String spec, final String message)
    {
        assertThatThrownBy(() -> SimFaultSchedule.parse(spec))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(message);
    }
}
