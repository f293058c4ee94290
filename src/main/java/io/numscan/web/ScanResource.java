package io.numscan.web;

import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.CsvOutput;
import io.numscan.output.JsonOutput;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.ScanFailure;
import io.numscan.pipeline.ScanService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** POST documents, get their numbers back as JSON (default) or CSV. */
@Path("/api/scan")
public class ScanResource {
    public static final String CSV = "text/csv";

    @Inject
    ScanService service;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response scan(@RestForm("file") List<FileUpload> files, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) throws IOException {
        if (files == null || files.isEmpty()) {
            return error(400, null, "no file uploaded: send one or more multipart fields named 'file'");
        }
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains(CSV));
        if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
            return error(400, null, "format must be csv or json, was '" + format + "'");
        }
        List<DocumentResult> results = new ArrayList<>();
        List<ScanFailure> failures = new ArrayList<>();
        UnreadableDocumentException onlyFailure = null;
        for (FileUpload upload : files) {
            try {
                results.add(service.scan(upload.fileName(), Files.readAllBytes(upload.uploadedFile())));
            } catch (UnreadableDocumentException e) {
                failures.add(new ScanFailure(upload.fileName(), e.getMessage()));
                onlyFailure = e;
            }
        }
        if (results.isEmpty() && failures.size() == 1) {
            return error(statusFor(onlyFailure.reason()), onlyFailure.source(), onlyFailure.getMessage());
        }
        StringWriter body = new StringWriter();
        if (csv) {
            CsvOutput.writeHeader(body);
            for (DocumentResult r : results) {
                CsvOutput.writeRows(r, body);
            }
            return Response.ok(body.toString(), CSV).build();
        }
        return Response.ok(JsonOutput.toTree(results, failures).toString(), MediaType.APPLICATION_JSON).build();
    }

    static int statusFor(UnreadableDocumentException.Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE, TOO_MANY_PAGES -> 413;
            default -> 422;
        };
    }

    private static Response error(int status, String file, String reason) {
        var node = JsonOutput.mapper().createObjectNode();
        node.put("error", switch (status) {
            case 400 -> "Bad Request";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Unprocessable Content";
        });
        if (file != null) {
            node.put("file", file);
        }
        node.put("reason", reason);
        return Response.status(status).entity(node.toString()).type(MediaType.APPLICATION_JSON).build();
    }
}
