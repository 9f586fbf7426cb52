package dev.druidtasks.server.api;

import dev.druidtasks.server.auth.AdminRefusal;
import dev.druidtasks.server.auth.Security;
import dev.druidtasks.server.auth.SecurityAdmin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Druid's basic-security admin API for the authenticator: who may log in, and with which password. */
@Path("/druid-ext/basic-security/authentication")
@Produces(MediaType.APPLICATION_JSON)
public record BasicSecurityAuthenticationResource(Security security) {
  record Credentials(String password) {}

  @GET
  @Path("/loadStatus")
  public Map<String, Boolean> loadStatus() {
    return Map.of(security.authenticatorName(), true);
  }

  @GET
  @Path("/refreshAll")
  public Response refreshAll() {
    return Response.ok().build();
  }

  @GET
  @Path("/db/{authenticatorName}/users")
  public Object users(@PathParam("authenticatorName") String authenticator) {
    return admin(authenticator).authenticatorUsers();
  }

  @GET
  @Path("/db/{authenticatorName}/users/{userName}")
  public SecurityAdmin.AuthenticatorUser user(@PathParam("authenticatorName") String authenticator,
      @PathParam("userName") String user) {
    return admin(authenticator).authenticatorUser(user);
  }

  @POST
  @Path("/db/{authenticatorName}/users/{userName}")
  public Response createUser(@PathParam("authenticatorName") String authenticator, @PathParam("userName") String user) {
    admin(authenticator).createAuthenticatorUser(user);
    return Response.ok().build();
  }

  @DELETE
  @Path("/db/{authenticatorName}/users/{userName}")
  public Response deleteUser(@PathParam("authenticatorName") String authenticator, @PathParam("userName") String user) {
    admin(authenticator).deleteAuthenticatorUser(user);
    return Response.ok().build();
  }

  @POST
  @Path("/db/{authenticatorName}/users/{userName}/credentials")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setCredentials(@PathParam("authenticatorName") String authenticator,
      @PathParam("userName") String user, Credentials credentials) {
    admin(authenticator).setPassword(user, credentials == null ? null : credentials.password());
    return Response.ok().build();
  }

  private SecurityAdmin admin(String authenticator) {
    if (!authenticator.equals(security.authenticatorName())) {
      throw new AdminRefusal("Basic authenticator with name [" + authenticator + "] does not exist.");
    }
    return security.admin();
  }
}
