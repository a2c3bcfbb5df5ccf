package io.jingda.account;

import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.Matchers.equalTo;

/** Every protected endpoint: 401 without credentials, 403 with the wrong role. */
@QuarkusTest
class AccessTest {

    private static io.restassured.response.Response call(RequestSpecification spec, String method, String path) {
        spec = spec.contentType(ContentType.JSON).body("{}");
        return switch (method) {
            case "GET" -> spec.get(path);
            case "POST" -> spec.post(path);
            case "PUT" -> spec.put(path);
            case "DELETE" -> spec.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/question-sets, host",
            "POST, /api/question-sets, host",
            "GET, /api/question-sets/liaoning, host",
            "PUT, /api/question-sets/liaoning, host",
            "DELETE, /api/question-sets/liaoning, host",
            "GET, /api/question-sets/load-report, host",
            "GET, /api/questions, host",
            "POST, /api/questions, host",
            "GET, /api/questions/liaoning-001, host",
            "PUT, /api/questions/liaoning-001, host",
            "DELETE, /api/questions/liaoning-001, host",
            "GET, /api/accounts, organizer",
            "POST, /api/accounts, organizer",
            "DELETE, /api/accounts/admin, organizer",
            "GET, /api/accounts, host",
    })
    void anonymousGets401AndWrongRoleGets403(String method, String path, String wrongRole) {
        call(RestAssured.given(), method, path).then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")).body("code", equalTo("UNAUTHORIZED"));
        call(RestAssured.given().auth().preemptive().basic("admin", "wrong-password"), method, path).then().statusCode(401);
        RequestSpecification wrong = TestAuth.account("acc-" + wrongRole, wrongRole);
        call(wrong, method, path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @org.junit.jupiter.api.Test
    void organizerReadsTheBank() {
        TestAuth.account("acc-organizer", "organizer").get("/api/questions/liaoning-001").then().statusCode(200);
    }
}
