package io.jingda.account;

import jakarta.enterprise.context.ApplicationScoped;

/** Time for sign-in lockouts (epoch milliseconds); tests replace it with a clock they move by hand. */
@ApplicationScoped
public class AuthClock {
    public long now() {
        return System.currentTimeMillis();
    }
}
