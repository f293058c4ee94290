package io.numscan.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScanResourceTest {
    private static final File INVOICE = new File("samples/invoice.pdf");

    @Test
    void returnsTheNumbersAsJson() {
        given().multiPart("file", INVOICE, "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("documents[0].file", equalTo("invoice.pdf"))
                .body("documents[0].pages[0].numbers.value", hasItem("1,234.56"))
                .body("documents[0].pages[0].numbers.value", hasItem("03/11/2025"));
    }

    @Test
    void returnsCsvWhenAskedFor() {
        given().multiPart("file", INVOICE, "application/pdf").accept("text/csv")
                .when().post("/api/scan")
                .then().statusCode(200)
                .body(startsWith("file,page,value,x,y,width,height,confidence\n"))
                .body(containsString("invoice.pdf,1,2024-00173,"));
        given().multiPart("file", INVOICE, "application/pdf")
                .when().post("/api/scan?format=csv")
                .then().statusCode(200).body(containsString("\"1,234.56\""));
    }

    @Test
    void refusesWhatItCannotRead() {
        given().multiPart("file", "notes.txt", "just words".getBytes(), "text/plain")
                .when().post("/api/scan")
                .then().statusCode(415)
                .body("file", equalTo("notes.txt"))
                .body("reason", containsString("not a PDF, PNG, JPEG or TIFF"));
        given().multiPart("file", "broken.pdf", "%PDF-1.4 garbage".getBytes(), "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(422).body("reason", containsString("corrupt PDF"));
    }
}
