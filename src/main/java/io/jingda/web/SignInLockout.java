package io.jingda.web;

import io.jingda.system.SignInLockedException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A locked sign-in outside the REST layer (the login form's {@code POST /j_security_check}, which
 * Vert.x handles) is 429 with {@code Retry-After} and the API's JSON error, like a locked Basic call.
 */
@ApplicationScoped
public class SignInLockout {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext rc) {
        Throwable t = rc.failure();
        while (t != null && !(t instanceof SignInLockedException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof SignInLockedException locked && !rc.response().ended()) {
            rc.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(locked.retryAfterSeconds()))
                    .putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.json.Json.encode(locked.body()));
            return;
        }
        rc.next();
    }
}
