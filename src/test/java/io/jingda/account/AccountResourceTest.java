package io.jingda.account;

import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.jingda.TestAuth.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AccountResourceTest {

    @Test
    void adminCreatesListsAndDeletesAccounts() {
        admin().delete("/api/accounts/org-one");
        admin().body("{\"username\":\"org-one\",\"password\":\"s3cret-pass\",\"roles\":[\"organizer\"]}")
                .post("/api/accounts").then().statusCode(201).body("roles[0]", equalTo("organizer"))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
        admin().get("/api/accounts").then().statusCode(200).body("username", hasItem("org-one"));
        TestAuth.as("org-one", "s3cret-pass").get("/api/question-sets").then().statusCode(200);
        admin().body("{\"username\":\"org-one\",\"password\":\"s3cret-pass\",\"roles\":[\"organizer\"]}")
                .post("/api/accounts").then().statusCode(409);
        admin().delete("/api/accounts/org-one").then().statusCode(204);
        TestAuth.as("org-one", "s3cret-pass").get("/api/question-sets").then().statusCode(401);
    }

    @Test
    void rejectsBadAccounts() {
        admin().body("{\"username\":\"x\",\"password\":\"short\",\"roles\":[\"king\"]}").post("/api/accounts").then()
                .statusCode(400).body("errors.field", hasItem("username")).body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("roles"));
        admin().delete("/api/accounts/admin").then().statusCode(409);
    }

    @Test
    void passwordsAreStoredHashed() {
        admin().body("{\"username\":\"hash-check\",\"password\":\"plain-text-pw\",\"roles\":[\"host\"]}").post("/api/accounts");
        String hash = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.arc.Arc.container().instance(AccountRepository.class).get().findByUsername("hash-check").orElseThrow().passwordHash);
        org.assertj.core.api.Assertions.assertThat(hash).startsWith("$2").doesNotContain("plain-text-pw");
    }
}
