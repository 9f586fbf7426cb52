package dev.druidtasks.server.auth;

import dev.druidtasks.server.store.SecurityDao;
import dev.druidtasks.server.store.SecurityDao.Grant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users, roles and permissions as last read from the database. Read once per change, not per
 * request: a node checks the version at most once per {@code checkPeriod}, so a change made through
 * another node is seen within that time; changes made here are seen at once.
 */
final class SecurityDirectory {
  private final SecurityDao dao;
  private final Clock clock;
  private final Duration checkPeriod;
  private volatile View view;
  private volatile Instant checked = Instant.MIN;

  /** One consistent reading of the tables. */
  record View(long version, Map<String, Optional<String>> passwordHashes, Map<String, List<String>> rolesOfUser,
      Map<String, List<Permission>> permissionsOfRole) {
    Identity identity(String user) {
      return new Identity(user, rolesOfUser.getOrDefault(user, List.of()).stream()
          .flatMap(role -> permissionsOfRole.getOrDefault(role, List.of()).stream()).toList());
    }
  }

  SecurityDirectory(SecurityDao dao, Clock clock, Duration checkPeriod) {
    this.dao = dao;
    this.clock = clock;
    this.checkPeriod = checkPeriod;
  }

  View current() {
    Instant now = clock.instant();
    View v = view;
    if (v == null || now.isAfter(checked.plus(checkPeriod))) {
      checked = now;
      if (v == null || dao.version() != v.version()) {
        v = reload();
      }
    }
    return v;
  }

  /** After a change made through this node. */
  synchronized View reload() {
    SecurityDao.Snapshot s = dao.snapshot();
    Map<String, Optional<String>> hashes = new LinkedHashMap<>();
    s.credentials().forEach(c -> hashes.put(c.name(), Optional.ofNullable(c.passwordHash())));
    Map<String, List<String>> roles = new LinkedHashMap<>();
    s.authorizerUsers().forEach(u -> roles.put(u, new ArrayList<>()));
    s.assignments().forEach(a -> roles.get(a.userName()).add(a.roleName()));
    Map<String, List<Permission>> permissions = new LinkedHashMap<>();
    s.roles().forEach(r -> permissions.put(r, new ArrayList<>()));
    for (Grant g : s.grants()) {
      permissions.get(g.roleName()).add(new Permission(g.resourceName(), ResourceType.valueOf(g.resourceType()),
          Action.valueOf(g.action())));
    }
    View v = new View(s.version(), hashes, roles, permissions);
    view = v;
    checked = clock.instant();
    return v;
  }
}
