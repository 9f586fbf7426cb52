package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.AdminRefusal;
import dev.druidtasks.server.auth.Permission;
import dev.druidtasks.server.auth.Security;
import dev.druidtasks.server.auth.SecurityAdmin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Druid's basic-security admin API for the authorizer: users, roles, assignments and permissions. */
@Path("/druid-ext/basic-security/authorization")
@Produces(MediaType.APPLICATION_JSON)
public record BasicSecurityAuthorizationResource(Security security) {
  @GET
  @Path("/loadStatus")
  public Map<String, Boolean> loadStatus() {
    return Map.of(security.authorizerName(), true);
  }

  @GET
  @Path("/refreshAll")
  public Response refreshAll() {
    return Response.ok().build();
  }

  /** Names only, whatever {@code full} says (as Druid). */
  @GET
  @Path("/db/{authorizerName}/users")
  public List<String> users(@PathParam("authorizerName") String authorizer) {
    return admin(authorizer).authorizerUsers();
  }

  @GET
  @Path("/db/{authorizerName}/users/{userName}")
  public Object user(@PathParam("authorizerName") String authorizer, @PathParam("userName") String user,
      @QueryParam("full") String full, @QueryParam("simplifyPermissions") String simplify) {
    SecurityAdmin admin = admin(authorizer);
    return full == null ? admin.authorizerUser(user) : admin.fullAuthorizerUser(user, simplify != null);
  }

  @POST
  @Path("/db/{authorizerName}/users/{userName}")
  public Response createUser(@PathParam("authorizerName") String authorizer, @PathParam("userName") String user) {
    admin(authorizer).createAuthorizerUser(user);
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authorizerName}/users/{userName}")
  public Response deleteUser(@PathParam("authorizerName") String authorizer, @PathParam("userName") String user) {
    admin(authorizer).deleteAuthorizerUser(user);
    return Response.ok().build();
  }

  /** Names only, whatever {@code full} says (as Druid). */
  @GET
  @Path("/db/{authorizerName}/roles")
  public List<String> roles(@PathParam("authorizerName") String authorizer) {
    return admin(authorizer).roles();
  }

  @GET
  @Path("/db/{authorizerName}/roles/{roleName}/permissions")
  public List<SecurityAdmin.RolePermission> rolePermissions(@PathParam("authorizerName") String authorizer,
      @PathParam("roleName") String role) {
    return admin(authorizer).rolePermissions(role);
  }

  /** LDAP group mappings: there are none in a database-backed authorizer. */
  @GET
  @Path("/db/{authorizerName}/groupMappings")
  public List<String> groupMappings(@PathParam("authorizerName") String authorizer) {
    admin(authorizer);
    return List.of();
  }

  @GET
  @Path("/db/{authorizerName}/roles/{roleName}")
  public Object role(@PathParam("authorizerName") String authorizer, @PathParam("roleName") String role,
      @QueryParam("full") String full, @QueryParam("simplifyPermissions") String simplify) {
    return admin(authorizer).role(role, full != null, simplify != null);
  }

  @POST
  @Path("/db/{authorizerName}/roles/{roleName}")
  public Response createRole(@PathParam("authorizerName") String authorizer, @PathParam("roleName") String role) {
    admin(authorizer).createRole(role);
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authorizerName}/roles/{roleName}")
  public Response deleteRole(@PathParam("authorizerName") String authorizer, @PathParam("roleName") String role) {
    admin(authorizer).deleteRole(role);
    return Response.ok().build();
  }

  @POST
  @Path("/db/{authorizerName}/users/{userName}/roles/{roleName}")
  public Response assignRole(@PathParam("authorizerName") String authorizer, @PathParam("userName") String user,
      @PathParam("roleName") String role) {
    admin(authorizer).assignRole(user, role);
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authorizerName}/users/{userName}/roles/{roleName}")
  public Response unassignRole(@PathParam("authorizerName") String authorizer, @PathParam("userName") String user,
      @PathParam("roleName") String role) {
    admin(authorizer).unassignRole(user, role);
    return Response.ok().build();
  }

  @POST
  @Path("/db/{authorizerName}/roles/{roleName}/permissions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setPermissions(@PathParam("authorizerName") String authorizer, @PathParam("roleName") String role,
      List<Permission.Requested> permissions) {
    admin(authorizer).setPermissions(role, permissions);
    return Response.ok().build();
  }

  private SecurityAdmin admin(String authorizer) {
    if (!authorizer.equals(security.authorizerName())) {
      throw new AdminRefusal("Basic authorizer with name [" + authorizer + "] does not exist.");
    }
    return security.admin();
  }
}
