package io.jingda;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request specs for the test accounts. The admin password is set in %test config. */
public final class TestAuth {
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private TestAuth() {
    }

    public static RequestSpecification admin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String user, String password) {
        return RestAssured.given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    /** Creates the account if it does not exist yet; returns a spec authenticated as it. */
    public static RequestSpecification account(String user, String role) {
        String password = user + "-password";
        admin().body("{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}")
                .post("/api/accounts");
        return as(user, password);
    }
}
