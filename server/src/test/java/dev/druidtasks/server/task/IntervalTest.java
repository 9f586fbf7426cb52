package dev.druidtasks.server.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalTest {
  @Test
  void readsDruidsIntervalForms() {
    assertThat(Interval.parse("2015-09-12/2015-09-13", '/').toString())
        .isEqualTo("2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z");
    assertThat(Interval.parse("2023-06-27_2023-06-28", '_').end()).isEqualTo(Instant.parse("2023-06-28T00:00:00Z"));
    assertThat(Interval.parse("2015-09-12/P1DT12H", '/').end()).isEqualTo(Instant.parse("2015-09-13T12:00:00Z"));
    assertThat(Interval.parse("P1M/2015-09-13T06:00:00Z", '/').start())
        .isEqualTo(Instant.parse("2015-08-13T06:00:00Z"));
    assertThat(Interval.parse("PT30M/2015-09-13", '/').start()).isEqualTo(Instant.parse("2015-09-12T23:30:00Z"));
  }

  @Test
  void readsWhatJodaTimeReads() {
    assertThat(Interval.parse("2015-09-12T00:00:00+02:00/PT1H", '/').toString())
        .isEqualTo("2015-09-11T22:00:00.000Z/2015-09-11T23:00:00.000Z");
    assertThat(Interval.parse("2015/2016", '/').end()).isEqualTo(Instant.parse("2016-01-01T00:00:00Z"));
    assertThat(Interval.parse("2020-01-01T06/P1D", '/').end()).isEqualTo(Instant.parse("2020-01-02T06:00:00Z"));
    assertThat(Interval.parse("10000-01-01/10001-01-01", '/').start()).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
    assertThat(Interval.parse("-999999999-01-01/2015-01-01", '/').clampedToEternity().start())
        .isEqualTo(Interval.ETERNITY.start());
    assertThatThrownBy(() -> Interval.parse("2015-01-01/P999999999Y", '/')).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesMalformedOnes() {
    for (String bad : new String[] {"", "2015-09-12", "2015-09-13/2015-09-12", "a/b", "2015/2016/2017"}) {
      assertThatThrownBy(() -> Interval.parse(bad, '/')).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
