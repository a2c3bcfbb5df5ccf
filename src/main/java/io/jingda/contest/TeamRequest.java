package io.jingda.contest;

import java.util.List;

/** One team in {@code POST /api/contests} ({@code teams[]}). */
public record TeamRequest(String name, String color, List<String> members, String captain) {
}
