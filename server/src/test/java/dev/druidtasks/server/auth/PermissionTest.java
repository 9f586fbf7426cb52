package dev.druidtasks.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PermissionTest {
  @ParameterizedTest(name = "{0} {1} {2} on {3} {4} {5}: {6}")
  @CsvSource({
      "A, DATASOURCE, READ, DATASOURCE, A, READ, true",
      "A, DATASOURCE, READ, DATASOURCE, AB, READ, false",   // the whole name must match
      "A.*, DATASOURCE, READ, DATASOURCE, AB, READ, true",
      "A, DATASOURCE, READ, DATASOURCE, A, WRITE, false",   // WRITE does not include READ or the reverse
      "A, DATASOURCE, WRITE, DATASOURCE, A, READ, false",
      ".*, STATE, READ, DATASOURCE, A, READ, false",        // types do not mix
      ".*, STATE, READ, STATE, STATE, READ, true",
      "wiki(pedia)?, DATASOURCE, WRITE, DATASOURCE, wikipedia, WRITE, true"})
  void grantsByTypeActionAndWholeNameMatch(String name, ResourceType type, Action action, ResourceType askedType,
      String asked, Action askedAction, boolean granted) {
    Identity id = new Identity("u", List.of(new Permission(name, type, action)));
    assertThat(id.allows(askedType, asked, askedAction)).isEqualTo(granted);
  }

  @Test
  void anIdentityWithoutRolesMayDoNothingAndAnyoneMayDoEverything() {
    assertThat(new Identity("u", List.of()).allows(ResourceType.DATASOURCE, "A", Action.READ)).isFalse();
    assertThat(Identity.ANYONE.allows(ResourceType.CONFIG, "security", Action.WRITE)).isTrue();
  }

  @Test
  void theAdminRoleGrantsEverything() {
    Identity admin = new Identity("admin", Security.everything());
    for (ResourceType t : ResourceType.values()) {
      for (Action a : Action.values()) {
        assertThat(admin.allows(t, "anything", a)).isTrue();
      }
    }
  }

  @Test
  void aNameThatIsNotARegularExpressionIsRefused() {
    assertThatThrownBy(() -> new Permission("(", ResourceType.DATASOURCE, Action.READ))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid permission, resource name regex[(] does not compile.");
  }
}
