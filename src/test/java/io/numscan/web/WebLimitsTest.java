package io.numscan.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
class WebLimitsTest {
    private static final File FORM = new File("samples/handwritten-form.png"); // 101 KB, 4.3 Mpx
    private static final File BIG = new File("samples/invoice-scan.png"); // 3 MB

    @TestHTTPResource("/api/scan")
    URL scanUrl;

    @Test
    void refusesAnUploadOverTheSizeLimit() {
        given().multiPart("file", BIG, "image/png")
                .when().post("/api/scan")
                .then().statusCode(413)
                .contentType(containsString("application/json"))
                .body("error", equalTo("Content Too Large"))
                .body("reason", containsString("larger than the limit of 256 KB"));
    }

    @Test
    void refusesAChunkedUploadOverTheSizeLimitToo() throws Exception {
        String boundary = "numscan-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[600 * 1024];
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(scanUrl.toURI())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                // An InputStream publisher has no length, so the body goes chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(all)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("application/json"),
                response.headers().toString());
        assertTrue(response.body().contains("\"reason\""), response.body());
    }

    @Test
    void refusesTooManyPages() {
        given().multiPart("file", "long.pdf", TestDocuments.pdf(3, null), "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(413)
                .body("file", equalTo("long.pdf"))
                .body("reason", containsString("more than the limit of 2"));
    }

    @Test
    void refusesAPageWithTooManyPixels() {
        given().multiPart("file", "wide.png", TestDocuments.png(3000, 2000), "image/png")
                .when().post("/api/scan")
                .then().statusCode(413)
                .body("file", equalTo("wide.png"))
                .body("reason", containsString("more than the limit of 5000000 pixels"));
    }

    @Test
    void deletesPageImagesAfterTheirTime() throws Exception {
        String url = given().multiPart("file", FORM, "image/png")
                .when().post("/api/scan")
                .then().statusCode(200).extract().jsonPath().getString("documents[0].pages[0].image");
        given().when().get(url).then().statusCode(200);
        Thread.sleep(3_500);
        given().when().get(url).then().statusCode(404).body("reason", containsString("deleted"));
    }

    @Test
    void aBurstBeyondPoolAndQueueIsToldToRetry() throws Exception {
        int requests = 8;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                calls.add(() -> given().multiPart("file", FORM, "image/png").when().post("/api/scan"));
            }
            int ok = 0;
            int busy = 0;
            for (Future<Response> f : clients.invokeAll(calls)) {
                Response r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(503, r.statusCode(), r.asString());
                    assertEquals("7", r.header("Retry-After"));
                    assertTrue(r.contentType().contains("application/json"));
                    assertTrue(r.jsonPath().getString("reason").contains("busy"), r.asString());
                    busy++;
                }
            }
            assertTrue(ok >= 1, "some scans must succeed: ok=" + ok + " busy=" + busy);
            assertTrue(busy >= 1, "a full queue must answer 503: ok=" + ok + " busy=" + busy);
        } finally {
            clients.shutdownNow();
        }
    }
}
