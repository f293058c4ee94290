package io.numscan.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.extract.FieldSpec;
import io.numscan.extract.Template;
import io.numscan.extract.TemplateException;
import io.numscan.output.JsonOutput;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The extract templates the server offers, for the page's template choice. */
@Path("/api/templates")
@Tag(name = "extract")
public class TemplateResource {
    @Inject
    TemplateCatalog catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The extract templates offered",
            description = "Templates of the folder numscan.web.templates, with their fields; name one as the multipart "
                    + "field `template` of POST /api/scan (or `*` for all) to get the fields of each document.")
    public Response list() {
        List<Template> templates;
        try {
            templates = catalog.available();
        } catch (TemplateException e) {
            return ApiErrors.response(500, e.source(), e.getMessage());
        }
        ObjectNode root = JsonOutput.mapper().createObjectNode();
        ArrayNode list = root.putArray("templates");
        for (Template t : templates) {
            ObjectNode node = list.addObject();
            node.put("name", t.name());
            ArrayNode fields = node.putArray("fields");
            for (FieldSpec f : t.fields()) {
                fields.addObject().put("name", f.name()).put("type", f.type().name().toLowerCase(Locale.ROOT))
                        .put("multiple", f.multiple());
            }
            ArrayNode checks = node.putArray("checks");
            t.checks().forEach(c -> checks.add(c.text()));
        }
        return Response.ok(root.toString(), MediaType.APPLICATION_JSON).build();
    }
}
