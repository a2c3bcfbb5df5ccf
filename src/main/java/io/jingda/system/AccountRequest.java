package io.jingda.system;

import java.util.List;

public record AccountRequest(String username, String password, List<String> roles) {
}
