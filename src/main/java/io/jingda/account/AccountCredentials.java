package io.jingda.account;

import java.util.List;

/** What signing in needs of an account: never leaves the server. */
record AccountCredentials(String username, String passwordHash, List<String> roles, long sessionVersion) {
}
