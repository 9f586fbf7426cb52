package dev.druidtasks.server.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeepStorageTest {
  @Test
  void pathPartsCannotEscape() {
    assertThat(DeepStorage.pathPart("..")).isEqualTo("_..");
    assertThat(DeepStorage.pathPart("a/b\\c:d")).isEqualTo("a_b_c_d");
    assertThat(DeepStorage.pathPart("")).isEqualTo("_");
  }
}
