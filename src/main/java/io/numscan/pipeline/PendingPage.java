package io.numscan.pipeline;

import io.numscan.classify.CropNormalizer;
import io.numscan.ingest.PageImage;
import io.numscan.layout.PageLayout;
import io.numscan.preprocess.PreparedPage;

/**
 * A page read up to classification (see {@link ScanService#preparePage}): its glyphs' normalized
 * crops wait to be classified, possibly in one batch with other pages' crops. Holds only Java
 * memory, so it may cross threads.
 */
public final class PendingPage {
    private final PageImage page;
    private final PreparedPage prepared;
    private final PageLayout layout;
    private final int glyphCount;
    private final float[] crops;

    PendingPage(PageImage page, PreparedPage prepared, PageLayout layout, int glyphCount, float[] crops) {
        this.page = page;
        this.prepared = prepared;
        this.layout = layout;
        this.glyphCount = glyphCount;
        this.crops = crops;
    }

    public int pageNumber() {
        return page.pageNumber();
    }

    public int glyphCount() {
        return glyphCount;
    }

    /** {@code glyphCount() * 784} values, as {@link io.numscan.classify.DigitClassifier#predict} takes them; do not modify. */
    public float[] crops() {
        return crops;
    }

    /** Copies the crops into {@code out} at {@code offset}. */
    public void copyCrops(float[] out, int offset) {
        System.arraycopy(crops, 0, out, offset, glyphCount * CropNormalizer.PIXELS);
    }

    PageImage page() {
        return page;
    }

    PreparedPage prepared() {
        return prepared;
    }

    PageLayout layout() {
        return layout;
    }
}
