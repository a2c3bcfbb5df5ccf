package io.jingda.account;

import io.jingda.system.BehindProxyProfile;
import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Failed Basic and form sign-ins lock an account at an address, and an address, for a growing
 * time: 429 with Retry-After. The owner at another address still signs in. Limits (3 per pair, 8
 * per address) from {@link BehindProxyProfile}; each test uses its own account and addresses.
 */
@QuarkusTest
@TestProfile(BehindProxyProfile.class)
class SignInLockoutTest {
    @Inject
    TestAuthClock clock;

    private static RequestSpecification from(String address) {
        return RestAssured.given().header("X-Forwarded-For", address);
    }

    private static Response basic(String address, String user, String password) {
        return from(address).auth().preemptive().basic(user, password).get("/api/session");
    }

    private static Response form(String address, String user, String password) {
        String csrf = from(address).get("/login").then().statusCode(200).extract().cookie("jingda-csrf");
        return from(address).redirects().follow(false).cookie("jingda-csrf", csrf).header("X-CSRF-Token", csrf)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void wrongBasicPasswordsLockTheAccountAtThatAddressButNotElsewhere() {
        TestAuth.account("lock-basic", "host");
        for (int i = 0; i < 3; i++) {
            basic("10.1.0.1", "lock-basic", "wrong-password").then().statusCode(401);
        }
        // even the right password is refused now, before it is checked
        basic("10.1.0.1", "lock-basic", "lock-basic-password").then().statusCode(429)
                .header("Retry-After", equalTo("60")).body("code", equalTo("SIGN_IN_LOCKED"))
                .header("WWW-Authenticate", nullValue());
        // the owner, elsewhere
        basic("10.1.0.2", "lock-basic", "lock-basic-password").then().statusCode(200).body("username", equalTo("lock-basic"));
        clock.advance(61_000);
        basic("10.1.0.1", "lock-basic", "lock-basic-password").then().statusCode(200);
        // the right password cleared the pair: three more failures before the next lockout
        for (int i = 0; i < 3; i++) {
            basic("10.1.0.1", "lock-basic", "wrong-password").then().statusCode(401);
        }
        basic("10.1.0.1", "lock-basic", "wrong-password").then().statusCode(429);
        clock.advance(61_000);
        // a failure right after a lockout locks again at once, for twice as long
        basic("10.1.0.1", "lock-basic", "wrong-password").then().statusCode(401);
        basic("10.1.0.1", "lock-basic", "lock-basic-password").then().statusCode(429).header("Retry-After", equalTo("120"));
    }

    @Test
    void wrongFormPasswordsLockTheSignInPageWithoutABasicPrompt() {
        TestAuth.account("lock-form", "host");
        for (int i = 0; i < 3; i++) {
            Response r = form("10.2.0.1", "lock-form", "wrong-password");
            assertThat(r.statusCode()).isIn(302, 401);
            assertThat(r.header("WWW-Authenticate")).isNull();
        }
        Response locked = form("10.2.0.1", "lock-form", "lock-form-password");
        locked.then().statusCode(429).header("Retry-After", equalTo("60")).body("code", equalTo("SIGN_IN_LOCKED"))
                .header("WWW-Authenticate", nullValue());
        assertThat(locked.cookie("quarkus-credential")).isNull();
        form("10.2.0.2", "lock-form", "lock-form-password").then().statusCode(302);
        // Basic and the form count together
        basic("10.2.0.1", "lock-form", "lock-form-password").then().statusCode(429);
    }

    @Test
    void anAddressTryingManyAccountsIsLockedForAllOfThem() {
        TestAuth.account("lock-spray", "host");
        for (int i = 0; i < 8; i++) {
            basic("10.3.0.1", "spray-" + i, "wrong-password").then().statusCode(401);
        }
        basic("10.3.0.1", "lock-spray", "lock-spray-password").then().statusCode(429);
        basic("10.3.0.2", "lock-spray", "lock-spray-password").then().statusCode(200);
    }

    @Test
    void anAccountAttackedFromManyAddressesStillSignsInFromItsOwn() {
        TestAuth.account("lock-many", "host");
        for (int i = 0; i < 12; i++) {
            basic("10.4.1." + i, "lock-many", "wrong-password").then().statusCode(401);
        }
        // under attack: a new address is locked at its first failure
        basic("10.4.2.1", "lock-many", "wrong-password").then().statusCode(401);
        basic("10.4.2.1", "lock-many", "lock-many-password").then().statusCode(429);
        basic("10.4.3.1", "lock-many", "lock-many-password").then().statusCode(200);
    }
}
