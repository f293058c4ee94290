package io.numscan.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScanResourceTest {
    private static final File INVOICE = new File("samples/invoice.pdf");
    private static final File FORM = new File("samples/handwritten-form.png");

    @Test
    void returnsTheNumbersAsJson() {
        given().multiPart("file", INVOICE, "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("documents[0].file", equalTo("invoice.pdf"))
                .body("documents[0].id", matchesPattern("[A-Za-z0-9_-]{22}"))
                .body("documents[0].pages[0].image", matchesPattern("/api/pages/[A-Za-z0-9_-]{22}/1\\.png"))
                .body("documents[0].pages[0].numbers.value", hasItem("1,234.56"))
                .body("documents[0].pages[0].numbers.value", hasItem("03/11/2025"))
                .body("errors", hasSize(0));
    }

    @Test
    void returnsCsvWhenAskedFor() {
        given().multiPart("file", INVOICE, "application/pdf").accept("text/csv")
                .when().post("/api/scan")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(startsWith("file,page,value,x,y,width,height,confidence,label\n"))
                .body(containsString("invoice.pdf,1,2024-00173,"));
        given().multiPart("file", INVOICE, "application/pdf")
                .when().post("/api/scan?format=csv")
                .then().statusCode(200).body(containsString("\"1,234.56\""));
    }

    @Test
    void theSourceFieldChoosesTextLayerOrPixels() {
        given().multiPart("file", INVOICE, "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(200)
                .body("documents[0].pages[0].source", equalTo("text"))
                .body("documents[0].pages[0].numbers.find { it.value == '2024-00173' }.label", equalTo("Invoice No"));
        given().multiPart("file", INVOICE, "application/pdf").multiPart("source", "ocr")
                .when().post("/api/scan")
                .then().statusCode(200)
                .body("documents[0].pages[0].source", equalTo("ocr"))
                .body("documents[0].pages[0].numbers.value", hasItem("2024-00173"));
        given().multiPart("file", FORM, "image/png").multiPart("source", "text")
                .when().post("/api/scan")
                .then().statusCode(422)
                .body("file", equalTo("handwritten-form.png"))
                .body("reason", containsString("page 1 has no usable text layer"));
        given().multiPart("file", INVOICE, "application/pdf").multiPart("source", "vision")
                .when().post("/api/scan")
                .then().statusCode(400)
                .body("reason", equalTo("source must be auto, ocr or text, was 'vision'"));
    }

    @Test
    void servesThePageImageTheBoxesReferTo() throws Exception {
        JsonPath json = given().multiPart("file", FORM, "image/png")
                .when().post("/api/scan")
                .then().statusCode(200).extract().jsonPath();
        String url = json.getString("documents[0].pages[0].image");
        byte[] png = given().when().get(url)
                .then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(json.getInt("documents[0].pages[0].width"), image.getWidth());
        assertEquals(json.getInt("documents[0].pages[0].height"), image.getHeight());

        given().when().get(url.replace("/1.png", "/2.png")).then().statusCode(404)
                .contentType(containsString("application/json"));
        given().when().get("/api/pages/AAAAAAAAAAAAAAAAAAAAAA/1.png").then().statusCode(404)
                .body("reason", containsString("unknown"));
    }

    @Test
    void scansSeveralFilesAndListsTheOnesItCannotRead() {
        given().multiPart("file", INVOICE, "application/pdf")
                .multiPart("file", FORM, "image/png")
                .multiPart("file", "notes.txt", "just words".getBytes(), "text/plain")
                .when().post("/api/scan")
                .then().statusCode(200)
                .body("documents.file", equalTo(java.util.List.of("invoice.pdf", "handwritten-form.png")))
                .body("errors[0].file", equalTo("notes.txt"));
    }

    @Test
    void refusesWhatItCannotRead() {
        given().multiPart("file", "notes.txt", "just words".getBytes(), "text/plain")
                .when().post("/api/scan")
                .then().statusCode(415)
                .contentType(containsString("application/json"))
                .body("status", equalTo(415))
                .body("file", equalTo("notes.txt"))
                .body("reason", containsString("not a PDF, PNG, JPEG or TIFF"));
        given().multiPart("file", "broken.pdf", "%PDF-1.4 garbage".getBytes(), "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(422).body("reason", containsString("corrupt PDF"));
        given().multiPart("file", "locked.pdf", TestDocuments.pdf(1, "user-secret"), "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(422).body("file", equalTo("locked.pdf"))
                .body("reason", containsString("password"));
        given().multiPart("file", "empty.png", new byte[0], "image/png")
                .when().post("/api/scan")
                .then().statusCode(422).body("reason", containsString("empty"));
    }

    @Test
    void refusesBadRequests() {
        given().multiPart("other", "x").when().post("/api/scan")
                .then().statusCode(400).body("reason", containsString("no file uploaded"));
        given().multiPart("file", INVOICE, "application/pdf").when().post("/api/scan?format=xml")
                .then().statusCode(400).body("reason", containsString("format must be csv or json"));
    }

    @Test
    void readinessNamesTheModel() throws InterruptedException {
        // The first probe starts loading the model in the background (serve starts it at once).
        for (int i = 0; i < 240 && given().when().get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(250);
        }
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'digit-model' }.data.name", equalTo("cnn"))
                .body("checks.find { it.name == 'digit-model' }.data.version", matchesPattern(".+"));
    }

    @Test
    void publishesMetricsOpenApiAndThePage() {
        given().multiPart("file", INVOICE, "application/pdf").when().post("/api/scan").then().statusCode(200);
        given().multiPart("file", "notes.txt", "x".getBytes(), "text/plain").when().post("/api/scan");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("numscan_documents_scanned_total"))
                .body(containsString("numscan_pages_scanned_total"))
                .body(containsString("numscan_scan_duration_seconds_count{outcome=\"ok\""))
                .body(containsString("numscan_scan_errors_total{reason=\"unsupported_type\""));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/scan"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/pages/{id}/{page}.png"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("NumScan"));
    }
}
