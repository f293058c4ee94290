package io.numscan.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The page images that result boxes refer to, while they are kept. */
@Path("/api/pages")
@Tag(name = "scan")
public class PageResource {
    public static final String PNG = "image/png";

    @Inject
    WebScanService service;

    static String url(String id, int page) {
        return "/api/pages/" + id + "/" + page + ".png";
    }

    @GET
    @Path("/{id}/{page: [0-9]+}.png")
    @Produces({PNG, "application/json"})
    @Operation(summary = "A scanned page as PNG",
            description = "The image the boxes of that page refer to (for PDFs the 300-DPI render). Kept for "
                    + "numscan.web.page-images.keep after the scan, then deleted.")
    @APIResponse(responseCode = "200", description = "The page image")
    @APIResponse(responseCode = "404", description = "Unknown document or page, or no longer kept")
    public Response page(@PathParam("id") String id, @PathParam("page") int page) {
        return service.pageImage(id, page)
                .map(file -> Response.ok(file.toFile(), PNG).header("Cache-Control", "private, max-age="
                        + service.pageImagesKept().toSeconds()).build())
                .orElseGet(() -> ApiErrors.response(404, null, "no page " + page + " of document " + id
                        + ": unknown, or older than " + words(service.pageImagesKept()) + " and deleted"));
    }

    private static String words(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
