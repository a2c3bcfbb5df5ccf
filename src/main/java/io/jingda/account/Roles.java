package io.jingda.account;

import java.util.List;

/** The three roles: organizers manage banks, hosts run contests, admins do both and manage accounts. */
public final class Roles {
    public static final String ORGANIZER = "organizer";
    public static final String HOST = "host";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(ORGANIZER, HOST, ADMIN);

    private Roles() {
    }
}
