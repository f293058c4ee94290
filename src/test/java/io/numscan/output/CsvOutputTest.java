package io.numscan.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.numscan.assemble.RecognizedDigit;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.pipeline.PageSource;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvOutputTest {
    @Test
    void writesTheDocumentedColumnsAndQuotesWhereNeeded() throws Exception {
        RecognizedNumber n = new RecognizedNumber("1,234.56", new Box(10, 20, 30, 40), 0.98765,
                List.of(new RecognizedDigit('1', new Box(10, 20, 5, 40), 0.98765)));
        RecognizedNumber labelled = new RecognizedNumber("7", new Box(50, 20, 8, 40), 1.0,
                List.of(new RecognizedDigit('7', new Box(50, 20, 8, 40), 1.0)), "Qty, \"boxed\"");
        DocumentResult doc = new DocumentResult("in \"q\", dir/a.pdf", "pdf",
                List.of(new PageResult(2, 100, 100, 300, 0, List.of(n, labelled), PageSource.TEXT)));
        StringWriter out = new StringWriter();
        CsvOutput.writeHeader(out);
        CsvOutput.writeRows(doc, out);
        assertEquals("file,page,value,x,y,width,height,confidence,label\n"
                + "\"in \"\"q\"\", dir/a.pdf\",2,\"1,234.56\",10,20,30,40,0.9877,\n"
                + "\"in \"\"q\"\", dir/a.pdf\",2,7,50,20,8,40,1.0000,\"Qty, \"\"boxed\"\"\"\n", out.toString());
    }
}
