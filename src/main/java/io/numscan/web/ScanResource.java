package io.numscan.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.extract.FieldExtractor;
import io.numscan.extract.TemplateException;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.FieldsCsvOutput;
import io.numscan.output.CsvOutput;
import io.numscan.output.JsonOutput;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.NumberSource;
import io.numscan.pipeline.ScanFailure;
import io.numscan.web.WebScanService.Outcome;
import io.numscan.web.WebScanService.ScannedDocument;
import io.numscan.web.WebScanService.Upload;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** POST documents, get their numbers back as JSON (default) or CSV. */
@Path("/api/scan")
@Tag(name = "scan")
public class ScanResource {
    public static final String CSV = "text/csv";

    @Inject
    WebScanService service;

    @Inject
    TemplateCatalog templates;

    // Runs on the event loop: the uploads are already on disk, and all the work (reading them
    // included) is handed to the ScanPool. (A blocking endpoint would read a chunked body through
    // Quarkus's input stream, which answers a too-large one with a bare 413 instead of our JSON.)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Find and read the numbers in documents",
            description = "Multipart field `file`, once per document (PDF, PNG, JPEG or TIFF). JSON gives each "
                    + "document an `id` and each page an `image` URL, the page image the boxes (in its pixels) refer to.")
    @APIResponse(responseCode = "200", description = "The numbers, as JSON or CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "No file, or an unknown format or source")
    @APIResponse(responseCode = "413", description = "Upload too large, too many pages or a page with too many pixels")
    @APIResponse(responseCode = "415", description = "Not a PDF, PNG, JPEG or TIFF")
    @APIResponse(responseCode = "422", description = "Corrupt, encrypted or otherwise unreadable document, or "
            + "(with source text) a page without a usable text layer")
    @APIResponse(responseCode = "503", description = "Every scanner busy and the queue full; see Retry-After")
    public CompletionStage<Response> scan(
            @RestForm("file") @Schema(type = SchemaType.ARRAY, implementation = String.class, format = "binary")
            List<FileUpload> files,
            @RestForm("source") @Parameter(description = "Where numbers are read from: auto (default: a PDF page's "
                    + "text layer when it has a usable one, else its pixels), ocr (always the pixels) or text (only "
                    + "text layers; a page without one is refused)") String source,
            @QueryParam("format") @Parameter(description = "csv or json; overrides Accept; fields: the fields CSV "
                    + "of numscan extract (needs a template)") String format,
            @HeaderParam("Accept") String accept,
            @RestForm("template") @Parameter(description = "Name of an extract template (GET /api/templates), or * for "
                    + "all: the JSON then has a `fields` table, one row per document") String template,
            @RestForm("templateFile") @Schema(type = SchemaType.STRING, format = "binary") FileUpload templateFile) {
        if (files == null || files.isEmpty()) {
            return done(ApiErrors.response(400, null, "no file uploaded: send one or more multipart fields named 'file'"));
        }
        if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")
                && !format.equalsIgnoreCase("fields")) {
            return done(ApiErrors.response(400, null, "format must be csv or json (or fields, with a template), was '" + format + "'"));
        }
        Optional<FieldExtractor> extractor;
        try {
            extractor = templates.choose(template, templateFile == null ? null : templateFile.fileName(),
                    templateFile == null ? null : templateFile.uploadedFile());
        } catch (TemplateException e) {
            return done(ApiErrors.response(422, e.source(), e.getMessage()));
        }
        boolean fieldsCsv = "fields".equalsIgnoreCase(format);
        if (fieldsCsv && extractor.isEmpty()) {
            return done(ApiErrors.response(400, null, "format=fields needs a template: send the multipart field 'template' "
                    + "or 'templateFile'"));
        }
        Optional<NumberSource> numberSource = parseSource(source);
        if (numberSource.isEmpty()) {
            return done(ApiErrors.response(400, null, "source must be auto, ocr or text, was '" + source + "'"));
        }
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains(CSV));
        List<Upload> uploads = files.stream().map(f -> new Upload(f.fileName(), f.uploadedFile())).toList();
        try {
            return service.scan(uploads, numberSource.get(), extractor).thenApply(outcome -> fieldsCsv
                    ? respondFields(outcome, extractor.get())
                    : withFields(respond(outcome, csv), outcome, csv ? Optional.empty() : extractor));
        } catch (ScanPool.Busy e) {
            return done(Response.fromResponse(ApiErrors.response(503, null, e.getMessage()))
                    .header("Retry-After", e.retryAfterSeconds()).build());
        }
    }

    private static Response respond(Outcome outcome, boolean csv) {
        List<ScanFailure> failures = outcome.failures().stream()
                .map(e -> new ScanFailure(e.source(), e.getMessage())).toList();
        if (outcome.documents().isEmpty() && !outcome.failures().isEmpty()) {
            UnreadableDocumentException first = outcome.failures().get(0);
            int status = ApiErrors.statusFor(first.reason());
            ObjectNode body = ApiErrors.body(status, first.source(), first.getMessage());
            if (failures.size() > 1) {
                body.set("errors", JsonOutput.toTree(List.of(), failures).get("errors"));
            }
            return ApiErrors.response(status, body);
        }
        List<DocumentResult> results = outcome.documents().stream().map(ScannedDocument::result).toList();
        if (csv) {
            try {
                StringWriter body = new StringWriter();
                CsvOutput.writeHeader(body);
                for (DocumentResult r : results) {
                    CsvOutput.writeRows(r, body);
                }
                return Response.ok(body.toString(), CSV).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ObjectNode tree = JsonOutput.toTree(results, failures);
        ArrayNode docs = (ArrayNode) tree.get("documents");
        for (int i = 0; i < docs.size(); i++) {
            String id = outcome.documents().get(i).id();
            ObjectNode doc = (ObjectNode) docs.get(i);
            ObjectNode withId = JsonOutput.mapper().createObjectNode().put("id", id);
            withId.setAll(doc);
            docs.set(i, withId);
            for (JsonNode page : withId.get("pages")) {
                ((ObjectNode) page).put("image", PageResource.url(id, page.get("page").asInt()));
            }
        }
        return Response.ok(tree.toString(), MediaType.APPLICATION_JSON).build();
    }

    /** The fields CSV of the documents read (a refusal of them all stays a refusal). */
    private static Response respondFields(Outcome outcome, FieldExtractor extractor) {
        if (outcome.documents().isEmpty() && !outcome.failures().isEmpty()) {
            return respond(outcome, false);
        }
        try {
            StringWriter body = new StringWriter();
            FieldsCsvOutput fields = new FieldsCsvOutput(extractor.templates());
            fields.writeHeader(body);
            for (ScannedDocument d : outcome.documents()) {
                fields.writeRow(d.fields().orElseThrow(), body);
            }
            return Response.ok(body.toString(), CSV).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code "fields": {"columns": [...], "rows": [[...]]}}, the cells of the fields CSV, to a JSON answer. */
    private static Response withFields(Response response, Outcome outcome, Optional<FieldExtractor> extractor) {
        if (extractor.isEmpty() || response.getStatus() != 200) {
            return response;
        }
        try {
            ObjectNode tree = (ObjectNode) JsonOutput.mapper().readTree((String) response.getEntity());
            FieldsCsvOutput fields = new FieldsCsvOutput(extractor.get().templates());
            ObjectNode node = tree.putObject("fields");
            ArrayNode columns = node.putArray("columns");
            fields.columns().forEach(columns::add);
            ArrayNode rows = node.putArray("rows");
            for (ScannedDocument d : outcome.documents()) {
                ArrayNode row = rows.addArray();
                fields.cells(d.fields().orElseThrow()).forEach(row::add);
            }
            return Response.ok(tree.toString(), MediaType.APPLICATION_JSON).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Absent or blank means auto; an unknown value gives empty. */
    static Optional<NumberSource> parseSource(String source) {
        if (source == null || source.isBlank()) {
            return Optional.of(NumberSource.AUTO);
        }
        for (NumberSource s : NumberSource.values()) {
            if (s.name().equalsIgnoreCase(source.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
