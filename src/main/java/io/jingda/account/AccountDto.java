package io.jingda.account;

import java.util.List;

/** An account as the API shows it: never the password hash. */
public record AccountDto(String username, List<String> roles) {
}
