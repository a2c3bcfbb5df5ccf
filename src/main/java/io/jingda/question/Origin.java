package io.jingda.question;

/** Where a set or question came from: the loader only ever touches FILE rows. */
public enum Origin {
    FILE, API
}
