package io.jingda.system;

import java.util.List;

/** An account as the API shows it: never the password hash. */
public record AccountDto(String username, List<String> roles) {
}
