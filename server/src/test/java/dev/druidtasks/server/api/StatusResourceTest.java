package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StatusResourceTest {
  @Test
  void healthFollowsTheLoops() {
    AtomicBoolean loopsHealthy = new AtomicBoolean(true);
    StatusResource r = new StatusResource("v", "all", 2, loopsHealthy::get);
    assertThat(r.getHealth().getStatus()).isEqualTo(200);
    assertThat(r.getHealth().getEntity()).isEqualTo(true);
    loopsHealthy.set(false);
    assertThat(r.getHealth().getStatus()).isEqualTo(503);
    assertThat(((ErrorBody) r.getHealth().getEntity()).errorCode()).isEqualTo("unhealthy");
  }
}
