package io.jingda.contest;

import io.jingda.account.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Who calls a host operation: hosts manage their own contests, admins every contest. */
public record Caller(String name, boolean admin) {
    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN));
    }

    public boolean mayManage(String owner) {
        return admin || name.equals(owner);
    }
}
