package io.jingda.media;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** jingda.media.store=dir: the bytes in files named by hash, the table without them; the collector deletes the file. */
@QuarkusTest
@TestProfile(MediaDirStoreTest.DirStore.class)
class MediaDirStoreTest {
    static final Path DIR = Path.of("target", "media-dir-test");

    public static class DirStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jingda.media.store", "dir", "jingda.media.dir", DIR.toString());
        }
    }

    @Inject
    EntityManager em;
    @Inject
    MediaCollector collector;

    @Test
    void picturesLiveInFilesNamedByTheirHash() throws Exception {
        byte[] png = TestImages.png(70, 50, 901);
        String url = MediaApi.url(png);
        String file = url.substring("/media/".length());
        Path stored = DIR.resolve(file);
        assertThat(stored).exists();
        byte[] served = RestAssured.get(url).then().statusCode(200).header("Content-Type", "image/png").extract().asByteArray();
        assertThat(served).isEqualTo(Files.readAllBytes(stored));
        Object content = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.content from Media m where m.sha256 = :s").setParameter("s", file.substring(0, 64)).getSingleResult());
        assertThat(content).as("no bytes in the table").isNull();
        // uploaded again (the file deleted by hand meanwhile): stored once, the file put back
        Files.delete(stored);
        assertThat(MediaApi.url(png)).isEqualTo(url);
        assertThat(stored).exists();

        collector.collect(Instant.now().plus(Duration.ofDays(2)));
        assertThat(stored).doesNotExist();
        RestAssured.get(url).then().statusCode(404);
    }
}
