package io.jingda.media;

import io.jingda.TestAuth;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Uploads through POST /api/media as the test admin. */
public final class MediaApi {
    private MediaApi() {
    }

    public static ValidatableResponse upload(byte[] bytes, String fileName) {
        return RestAssured.given().auth().preemptive().basic("admin", TestAuth.ADMIN_PASSWORD)
                .multiPart("file", fileName, bytes, "application/octet-stream")
                .post("/api/media").then();
    }

    /** Uploads and returns the picture's URL. */
    public static String url(byte[] bytes) {
        return upload(bytes, "picture.bin").statusCode(201).extract().path("url");
    }
}
