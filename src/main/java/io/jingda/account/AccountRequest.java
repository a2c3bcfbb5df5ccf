package io.jingda.account;

import java.util.List;

public record AccountRequest(String username, String password, List<String> roles) {
}
