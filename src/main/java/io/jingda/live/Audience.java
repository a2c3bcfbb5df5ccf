package io.jingda.live;

/** The three kinds of connection to a contest. */
public enum Audience {
    PLAYERS, HOSTS, SCREENS
}
