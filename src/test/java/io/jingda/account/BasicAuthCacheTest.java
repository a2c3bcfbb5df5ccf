package io.jingda.account;

import io.jingda.TestAuth;
import io.jingda.system.BehindProxyProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * HTTP Basic with the cache of verified sign-ins (default ttl, 60 s): bcrypt runs once per ttl for the
 * same user name and password, and a new password, new roles or a deleted account apply at the next
 * request. Wrong passwords are checked every time and count toward the lockout (3 per account and
 * address under {@link BehindProxyProfile}). Each test uses its own account and address.
 */
@QuarkusTest
@TestProfile(BehindProxyProfile.class)
class BasicAuthCacheTest {
    @Inject
    SignInGuard guard;
    @Inject
    TestAuthClock clock;

    private static Response basic(String address, String user, String password) {
        return RestAssured.given().header("X-Forwarded-For", address).auth().preemptive().basic(user, password)
                .get("/api/session");
    }

    private static void admin(String method, String path, String body, int status) {
        TestAuth.admin().header("X-Forwarded-For", "10.9.9.9").body(body == null ? "" : body)
                .request(method, path).then().statusCode(status);
    }

    @Test
    void aCredentialIsCheckedWithBcryptOncePerTtl() {
        TestAuth.account("cache-once", "host");
        long before = guard.passwordChecks();
        for (int i = 0; i < 5; i++) {
            basic("10.20.0.1", "cache-once", "cache-once-password").then().statusCode(200)
                    .body("username", equalTo("cache-once")).body("roles", contains("host"));
        }
        assertThat(guard.passwordChecks() - before).isEqualTo(1);
        clock.advance(61_000);
        basic("10.20.0.1", "cache-once", "cache-once-password").then().statusCode(200);
        basic("10.20.0.1", "cache-once", "cache-once-password").then().statusCode(200);
        assertThat(guard.passwordChecks() - before).isEqualTo(2);
    }

    @Test
    void aPasswordResetRefusesTheOldPasswordAtOnce() {
        TestAuth.account("cache-reset", "host");
        basic("10.20.1.1", "cache-reset", "cache-reset-password").then().statusCode(200);
        basic("10.20.1.1", "cache-reset", "cache-reset-password").then().statusCode(200);
        admin("PUT", "/api/accounts/cache-reset/password", "{\"password\":\"a-new-password\"}", 204);
        basic("10.20.1.1", "cache-reset", "cache-reset-password").then().statusCode(401);
        basic("10.20.1.1", "cache-reset", "a-new-password").then().statusCode(200);
    }

    @Test
    void changingOnesOwnPasswordRefusesTheOldOneAtOnce() {
        TestAuth.account("cache-own", "host");
        basic("10.20.2.1", "cache-own", "cache-own-password").then().statusCode(200);
        RestAssured.given().header("X-Forwarded-For", "10.20.2.1").auth().preemptive().basic("cache-own", "cache-own-password")
                .contentType(ContentType.JSON).body("{\"currentPassword\":\"cache-own-password\",\"password\":\"my-new-password\"}")
                .put("/api/session/password").then().statusCode(204);
        basic("10.20.2.1", "cache-own", "cache-own-password").then().statusCode(401);
        basic("10.20.2.1", "cache-own", "my-new-password").then().statusCode(200);
    }

    @Test
    void aRoleChangeTakesEffectAtTheNextRequest() {
        TestAuth.account("cache-roles", "host");
        RestAssured.given().header("X-Forwarded-For", "10.20.3.1").auth().preemptive().basic("cache-roles", "cache-roles-password")
                .get("/api/contests").then().statusCode(200);
        basic("10.20.3.1", "cache-roles", "cache-roles-password").then().statusCode(200).body("roles", contains("host"));
        long before = guard.passwordChecks();
        admin("PUT", "/api/accounts/cache-roles/roles", "{\"roles\":[\"organizer\"]}", 200);
        RestAssured.given().header("X-Forwarded-For", "10.20.3.1").auth().preemptive().basic("cache-roles", "cache-roles-password")
                .get("/api/contests").then().statusCode(403);
        basic("10.20.3.1", "cache-roles", "cache-roles-password").then().statusCode(200).body("roles", contains("organizer"));
        // the admin's own sign-in was remembered; only the changed account was checked again
        assertThat(guard.passwordChecks() - before).isEqualTo(1);
    }

    @Test
    void aDeletedAccountIsRefusedAtOnce() {
        TestAuth.account("cache-deleted", "host");
        basic("10.20.4.1", "cache-deleted", "cache-deleted-password").then().statusCode(200);
        basic("10.20.4.1", "cache-deleted", "cache-deleted-password").then().statusCode(200);
        admin("DELETE", "/api/accounts/cache-deleted", null, 204);
        basic("10.20.4.1", "cache-deleted", "cache-deleted-password").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndStillLocksTheRememberedOneOut() {
        TestAuth.account("cache-wrong", "host");
        basic("10.20.5.1", "cache-wrong", "cache-wrong-password").then().statusCode(200); // remembered
        long before = guard.passwordChecks();
        for (int i = 0; i < 3; i++) {
            basic("10.20.5.1", "cache-wrong", "not-the-password").then().statusCode(401);
        }
        assertThat(guard.passwordChecks() - before).isEqualTo(3);
        // locked: the remembered right password is refused too, before the cache is asked
        basic("10.20.5.1", "cache-wrong", "cache-wrong-password").then().statusCode(429)
                .body("code", equalTo("SIGN_IN_LOCKED"));
        basic("10.20.5.1", "cache-wrong", "not-the-password").then().statusCode(429);
        assertThat(guard.passwordChecks() - before).isEqualTo(3);
        // the owner elsewhere, from the cache
        basic("10.20.5.2", "cache-wrong", "cache-wrong-password").then().statusCode(200);
        assertThat(guard.passwordChecks() - before).isEqualTo(3);
    }

    @Test
    void anUnknownUserIsCheckedEveryTime() {
        long before = guard.passwordChecks();
        basic("10.20.6.1", "cache-nobody", "some-password").then().statusCode(401);
        basic("10.20.6.1", "cache-nobody", "some-password").then().statusCode(401);
        assertThat(guard.passwordChecks() - before).isEqualTo(2);
    }

    @Test
    void anAdminCannotTakeTheAdminRoleFromThemselves() {
        admin("PUT", "/api/accounts/admin/roles", "{\"roles\":[\"host\"]}", 409);
        admin("PUT", "/api/accounts/nobody-here/roles", "{\"roles\":[\"host\"]}", 404);
        admin("PUT", "/api/accounts/admin/roles", "{\"roles\":[\"king\"]}", 400);
    }
}
