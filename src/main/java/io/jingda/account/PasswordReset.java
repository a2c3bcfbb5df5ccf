package io.jingda.account;

/** {@code PUT /api/accounts/{username}/password}: an admin sets a new password. */
public record PasswordReset(String password) {
}
