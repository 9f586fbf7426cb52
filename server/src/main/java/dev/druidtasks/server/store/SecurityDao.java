package dev.druidtasks.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Users, credentials, roles and grants of basic security. The authenticator's users (who may log in)
 * and the authorizer's users (who holds which roles) are separate lists, as in Druid. Every change
 * bumps one version number, so every node sees it at its next check.
 */
@RegisterConstructorMapper(SecurityDao.Credentials.class)
@RegisterConstructorMapper(SecurityDao.Assignment.class)
@RegisterConstructorMapper(SecurityDao.Grant.class)
public interface SecurityDao {
  /** A user of the authenticator; {@code passwordHash} is null until credentials are set. */
  record Credentials(String name, String passwordHash) {}

  record Assignment(String userName, String roleName) {}

  /** One permission of a role, at its position in the role's list. */
  record Grant(String roleName, String resourceName, String resourceType, String action) {}

  record Snapshot(long version, List<Credentials> credentials, List<String> authorizerUsers, List<String> roles,
      List<Assignment> assignments, List<Grant> grants) {}

  static SecurityDao on(Jdbi jdbi) {
    return jdbi.onDemand(SecurityDao.class);
  }

  @SqlQuery("SELECT version FROM security_version WHERE id = 1")
  long version();

  @Transaction(value = TransactionIsolationLevel.REPEATABLE_READ, readOnly = true)
  default Snapshot snapshot() {
    return new Snapshot(version(), credentials(), authorizerUsers(), roles(), assignments(), grants());
  }

  @SqlQuery("SELECT name, password_hash FROM auth_users ORDER BY name")
  List<Credentials> credentials();

  @SqlQuery("SELECT name FROM auth_authorizer_users ORDER BY name")
  List<String> authorizerUsers();

  @SqlQuery("SELECT name FROM auth_roles ORDER BY name")
  List<String> roles();

  @SqlQuery("SELECT user_name, role_name FROM auth_user_roles ORDER BY user_name, role_name")
  List<Assignment> assignments();

  @SqlQuery("SELECT role_name, resource_name, resource_type, action FROM auth_role_permissions"
      + " ORDER BY role_name, position")
  List<Grant> grants();

  @SqlQuery("SELECT password_hash FROM auth_users WHERE name = :name")
  Optional<String> passwordHash(@Bind("name") String name);

  /**
   * Runs {@code update} (one of the inserts, updates or deletes below) and, when it changed a row, bumps the
   * version, in one transaction; false when nothing changed (the row was there already, or is not there).
   */
  @Transaction
  default boolean change(ToIntFunction<SecurityDao> update) {
    return changed(update.applyAsInt(this));
  }

  /** Replaces the role's permissions; false when there is no such role. */
  @Transaction
  default boolean setGrants(String role, List<Grant> grants) {
    if (roleExists(role) == 0) {
      return false;
    }
    removeGrants(role);
    insertGrants(grants, java.util.stream.IntStream.range(0, grants.size()).boxed().toList());
    bump();
    return true;
  }

  private boolean changed(int rows) {
    if (rows > 0) {
      bump();
    }
    return rows > 0;
  }

  @SqlUpdate("INSERT INTO auth_users (name, created_time) VALUES (:name, now()) ON CONFLICT DO NOTHING")
  int insertUser(@Bind("name") String name);

  @SqlUpdate("DELETE FROM auth_users WHERE name = :name")
  int removeUser(@Bind("name") String name);

  @SqlUpdate("UPDATE auth_users SET password_hash = :hash WHERE name = :name")
  int updatePasswordHash(@Bind("name") String name, @Bind("hash") String hash);

  @SqlUpdate("INSERT INTO auth_authorizer_users (name) VALUES (:name) ON CONFLICT DO NOTHING")
  int insertAuthorizerUser(@Bind("name") String name);

  @SqlUpdate("DELETE FROM auth_authorizer_users WHERE name = :name")
  int removeAuthorizerUser(@Bind("name") String name);

  @SqlUpdate("INSERT INTO auth_roles (name) VALUES (:name) ON CONFLICT DO NOTHING")
  int insertRole(@Bind("name") String name);

  @SqlUpdate("DELETE FROM auth_roles WHERE name = :name")
  int removeRole(@Bind("name") String name);

  @SqlQuery("SELECT count(*) FROM auth_roles WHERE name = :name")
  int roleExists(@Bind("name") String name);

  /** Both must exist. */
  @SqlUpdate("INSERT INTO auth_user_roles (user_name, role_name) SELECT u.name, r.name"
      + " FROM auth_authorizer_users u, auth_roles r WHERE u.name = :user AND r.name = :role ON CONFLICT DO NOTHING")
  int insertAssignment(@Bind("user") String user, @Bind("role") String role);

  @SqlUpdate("DELETE FROM auth_user_roles WHERE user_name = :user AND role_name = :role")
  int removeAssignment(@Bind("user") String user, @Bind("role") String role);

  @SqlUpdate("DELETE FROM auth_role_permissions WHERE role_name = :role")
  void removeGrants(@Bind("role") String role);

  @SqlBatch("INSERT INTO auth_role_permissions (role_name, position, resource_name, resource_type, action)"
      + " VALUES (:g.roleName, :position, :g.resourceName, :g.resourceType, :g.action)")
  void insertGrants(@BindMethods("g") List<Grant> grants, @Bind("position") List<Integer> positions);

  @SqlUpdate("UPDATE security_version SET version = version + 1 WHERE id = 1")
  void bump();
}
