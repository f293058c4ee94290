package io.numscan.output;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The CSV every front door gives: {@code file,page,value,x,y,width,height,confidence,label}
 * (RFC 4180 quoting). {@code label} is last, so readers that take the first eight columns by
 * position keep working; it is empty when not known.
 */
public final class CsvOutput {
    public static final String HEADER = "file,page,value,x,y,width,height,confidence,label";

    private CsvOutput() {
    }

    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
    }

    public static void writeRows(DocumentResult document, Writer out) throws IOException {
        for (PageResult page : document.pages()) {
            for (RecognizedNumber n : page.numbers()) {
                out.write(field(document.file()));
                out.write(',');
                out.write(Integer.toString(page.page()));
                out.write(',');
                out.write(field(n.value()));
                out.write(',');
                out.write(n.box().x() + "," + n.box().y() + "," + n.box().width() + "," + n.box().height());
                out.write(',');
                out.write(String.format(Locale.ROOT, "%.4f", n.confidence()));
                out.write(',');
                out.write(field(n.label()));
                out.write('\n');
            }
        }
    }

    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
