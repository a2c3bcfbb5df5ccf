package io.jingda.account;

/** {@code PUT /api/session/password}: the signed-in user's current password and the new one. */
public record PasswordChange(String currentPassword, String password) {
}
