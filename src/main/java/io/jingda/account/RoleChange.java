package io.jingda.account;

import java.util.List;

/** An account's new roles (organizer, host, admin): all of them, not a difference. */
public record RoleChange(List<String> roles) {
}
