package io.numscan.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.assemble.RecognizedDigit;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.pipeline.ScanFailure;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON: the CSV's fields plus every character's box, class and probability. The layout is
 * spelled out here rather than derived from the records, so renaming a Java field cannot change
 * what users parse.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonOutput() {
    }

    public static void write(List<DocumentResult> documents, List<ScanFailure> failures, Writer out) throws IOException {
        MAPPER.writeValue(out, toTree(documents, failures));
        out.write('\n');
    }

    public static ObjectNode toTree(List<DocumentResult> documents, List<ScanFailure> failures) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode docs = root.putArray("documents");
        for (DocumentResult d : documents) {
            docs.add(document(d));
        }
        ArrayNode errors = root.putArray("errors");
        for (ScanFailure f : failures) {
            errors.addObject().put("file", f.file()).put("reason", f.reason());
        }
        return root;
    }

    public static ObjectNode document(DocumentResult d) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("file", d.file());
        doc.put("type", d.type());
        ArrayNode pages = doc.putArray("pages");
        for (PageResult p : d.pages()) {
            ObjectNode page = pages.addObject();
            page.put("page", p.page());
            page.put("width", p.width());
            page.put("height", p.height());
            page.put("dpi", p.dpi());
            page.put("deskewDegrees", Math.round(p.deskewDegrees() * 100) / 100.0);
            page.put("source", p.source().label());
            ArrayNode numbers = page.putArray("numbers");
            for (RecognizedNumber n : p.numbers()) {
                ObjectNode number = numbers.addObject();
                number.put("value", n.value());
                putBox(number, n.box());
                number.put("confidence", round(n.confidence()));
                number.put("label", n.label());
                ArrayNode chars = number.putArray("characters");
                for (RecognizedDigit c : n.characters()) {
                    ObjectNode ch = chars.addObject();
                    ch.put("class", String.valueOf(c.symbol()));
                    putBox(ch, c.box());
                    ch.put("probability", round(c.probability()));
                }
            }
        }
        return doc;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void putBox(ObjectNode node, Box b) {
        node.put("x", b.x());
        node.put("y", b.y());
        node.put("width", b.width());
        node.put("height", b.height());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
