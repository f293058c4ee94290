package io.numscan.synth;

import io.numscan.assemble.NumberTokens;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws on a PDF page in points measured from the top-left corner (y grows downward), as the
 * generators lay pages out, and records the ink box of every number token it draws when given
 * a list to record into.
 */
public final class TopDownPage {
    private final PDPageContentStream cs;
    private final float pageHeight;
    private final List<InvoiceDocument.TokenBox> tokens;

    /** {@code tokens} receives the number tokens drawn; null to record none. */
    public TopDownPage(PDPageContentStream cs, float pageHeight, List<InvoiceDocument.TokenBox> tokens) {
        this.cs = cs;
        this.pageHeight = pageHeight;
        this.tokens = tokens;
    }

    /** The stream itself, for what has no helper here (colours, shaded rectangles). */
    public PDPageContentStream stream() {
        return cs;
    }

    /** PDF's bottom-up y for a top-down one. */
    public float y(float top) {
        return pageHeight - top;
    }

    public void line(float x0, float y0, float x1, float y1, float width) throws IOException {
        cs.setLineWidth(width);
        cs.moveTo(x0, pageHeight - y0);
        cs.lineTo(x1, pageHeight - y1);
        cs.stroke();
    }

    public void textRight(PDFont font, float size, float xRight, float baseline, String s) throws IOException {
        text(font, size, xRight - font.getStringWidth(s) / 1000f * size, baseline, s);
    }

    /** Draws {@code s} with its baseline at {@code baseline} (from the top) and records its tokens. */
    public void text(PDFont font, float size, float x, float baseline, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, pageHeight - baseline);
        cs.showText(s);
        cs.endText();
        if (tokens == null) {
            return;
        }
        for (NumberTokens.Token t : NumberTokens.tokens(s)) {
            float start = x + font.getStringWidth(s.substring(0, t.start())) / 1000f * size;
            tokens.add(new InvoiceDocument.TokenBox(t.value(), InvoiceDocument.inkBox(font, size, start, baseline, t.value())));
        }
    }
}
