package io.jingda.live.protocol;

/** The three kinds of connection to a contest. */
public enum Audience {
    PLAYERS, HOSTS, SCREENS
}
