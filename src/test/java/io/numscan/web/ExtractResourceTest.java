package io.numscan.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web page's template choice: templates offered, fields in the JSON, the fields CSV, refusals. */
@QuarkusTest
class ExtractResourceTest {
    private static final File INVOICE = new File("samples/fields/invoice-1.pdf");
    private static final File TEMPLATE = new File("samples/fields/templates/northwind-invoice.json");

    @Test
    void listsTheConfiguredTemplates() {
        given().when().get("/api/templates")
                .then().statusCode(200)
                .body("templates.name", hasItems("northwind-invoice", "delivery-receipt-4417"))
                .body("templates.find { it.name == 'northwind-invoice' }.fields.name", hasItem("total"))
                .body("templates.find { it.name == 'northwind-invoice' }.checks", hasItem("net + tax = total"));
    }

    @Test
    void aChosenTemplateAddsTheFieldsTable() throws Exception {
        JsonPath json = given().multiPart("file", INVOICE, "application/pdf").multiPart("template", "*")
                .when().post("/api/scan")
                .then().statusCode(200)
                .body("documents[0].pages[0].numbers.size()", org.hamcrest.Matchers.greaterThan(10))
                .extract().jsonPath();
        List<String> columns = json.getList("fields.columns");
        List<String> row = json.getList("fields.rows[0]");
        assertEquals(columns.size(), row.size());
        String expected = Files.readAllLines(Path.of("samples/fields/expected.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("invoice-1.pdf,")).findFirst().orElseThrow();
        assertEquals("northwind-invoice", row.get(columns.indexOf("template")));
        for (String field : List.of("invoice_number", "date", "customer_id", "net", "tax", "total")) {
            assertEquals(true, expected.contains("," + row.get(columns.indexOf(field)) + ","), field + " " + expected);
        }
        assertEquals("false", row.get(columns.indexOf("flagged")));
    }

    @Test
    void withoutATemplateTheAnswerIsUnchanged() {
        given().multiPart("file", INVOICE, "application/pdf")
                .when().post("/api/scan")
                .then().statusCode(200).body("fields", nullValue());
    }

    @Test
    void anUploadedTemplateGivesTheFieldsCsv() {
        given().multiPart("file", INVOICE, "application/pdf").multiPart("templateFile", TEMPLATE, "application/json")
                .when().post("/api/scan?format=fields")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(startsWith("file,template,invoice_number,invoice_number_confidence,date,"))
                .body(containsString("\ninvoice-1.pdf,northwind-invoice,"));
    }

    @Test
    void badTemplatesAreRefusedInWords() {
        given().multiPart("file", INVOICE, "application/pdf").multiPart("template", "nonesuch")
                .when().post("/api/scan")
                .then().statusCode(422)
                .body("reason", containsString("no template named 'nonesuch'"));
        given().multiPart("file", INVOICE, "application/pdf")
                .multiPart("templateFile", "mine.json", "{\"name\": \"m\", \"fields\": [{\"name\": \"a\", \"type\": \"cash\", \"label\": \"A\"}]}"
                        .getBytes(StandardCharsets.UTF_8), "application/json")
                .when().post("/api/scan")
                .then().statusCode(422)
                .body("file", equalTo("mine.json"))
                .body("reason", containsString("mine.json: field 'a': 'type' is 'cash'"));
        given().multiPart("file", INVOICE, "application/pdf")
                .when().post("/api/scan?format=fields")
                .then().statusCode(400)
                .body("reason", containsString("needs a template"));
    }
}
