package io.numscan.ingest;

import io.numscan.geom.GrayImage;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * A page that is a scan: nothing on it but one 8-bit grey image that fills the crop box exactly,
 * with as many pixels as the rendered page would have (give or take the renderer's rounding). Such a page is its image's samples, so
 * they are taken as they are instead of going through PDFBox's renderer, which converts every
 * pixel to RGB and draws it back into grey one pixel at a time (the costliest part of reading a
 * scanned PDF). Anything else on the page (text, paths, a second image, a mask, a rotation, another
 * size or colour space) leaves the page to the renderer.
 */
final class ScannedPage {
    /** How far, in points, the image's placement may be from the crop box's edges. */
    private static final double PLACEMENT_TOLERANCE = 0.01;

    private ScannedPage() {
    }

    static Optional<GrayImage> samples(PDPage page, PagePixels pixels) throws IOException {
        // The renderer also draws annotations' appearances over the page.
        if (pixels.rotation() != 0 || !page.getAnnotations().isEmpty()) {
            return Optional.empty();
        }
        PDRectangle crop = page.getCropBox();
        OnlyImage finder = new OnlyImage(page, crop);
        finder.processPage(page);
        if (finder.otherContent || finder.image == null) {
            return Optional.empty();
        }
        Matrix m = finder.placement;
        boolean fillsCrop = Math.abs(m.getShearX()) < PLACEMENT_TOLERANCE && Math.abs(m.getShearY()) < PLACEMENT_TOLERANCE
                && Math.abs(m.getScaleX() - crop.getWidth()) < PLACEMENT_TOLERANCE
                && Math.abs(m.getScaleY() - crop.getHeight()) < PLACEMENT_TOLERANCE
                && Math.abs(m.getTranslateX() - crop.getLowerLeftX()) < PLACEMENT_TOLERANCE
                && Math.abs(m.getTranslateY() - crop.getLowerLeftY()) < PLACEMENT_TOLERANCE;
        PDImageXObject image = finder.image;
        // The renderer floors the page's size in float: a scan made for the page can come out a
        // pixel larger, and is then the page's pixels all the same.
        if (!fillsCrop || Math.abs(image.getWidth() - pixels.width()) > 1 || Math.abs(image.getHeight() - pixels.height()) > 1
                || !isPlainGrey(image)) {
            return Optional.empty();
        }
        return greyBytes(image);
    }

    private static boolean isPlainGrey(PDImageXObject image) throws IOException {
        if (image.isStencil() || image.getBitsPerComponent() != 8 || image.getMask() != null
                || image.getSoftMask() != null || image.getCOSObject().containsKey(COSName.MASK)
                || !(image.getColorSpace() instanceof PDDeviceGray)) {
            return false;
        }
        COSArray decode = image.getDecode();
        return decode == null || (decode.size() == 2 && decode.get(0) instanceof COSNumber low
                && decode.get(1) instanceof COSNumber high && low.floatValue() == 0 && high.floatValue() == 1);
    }

    /**
     * The image's samples through its filters: 8-bit grey rows are the bytes themselves (PDFBox's
     * own raw raster reads them a sample at a time, slower than rendering).
     */
    private static Optional<GrayImage> greyBytes(PDImageXObject image) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] grey = new byte[Math.multiplyExact(w, h)];
        try (InputStream in = image.createInputStream()) {
            if (in.readNBytes(grey, 0, grey.length) != grey.length) {
                // A short stream is the renderer's to deal with (it pads or reports it).
                return Optional.empty();
            }
        }
        return Optional.of(GrayImage.wrap(w, h, grey));
    }

    /** Follows the content stream, noting the one image drawn and whether anything else is painted. */
    private static final class OnlyImage extends PDFGraphicsStreamEngine {
        private final PDRectangle crop;
        private PDImageXObject image;
        private Matrix placement;
        private boolean otherContent;
        /** The current path, as far as a clip needs it: its last rectangle, how many, and any other segment. */
        private Point2D[] rectangle;
        private int rectangles;
        private boolean otherSegments;

        OnlyImage(PDPage page, PDRectangle crop) {
            super(page);
            this.crop = crop;
        }

        @Override
        public void drawImage(PDImage pdImage) {
            var state = getGraphicsState();
            if (image != null || !(pdImage instanceof PDImageXObject xobject) || state.getSoftMask() != null
                    || state.getNonStrokeAlphaConstant() != 1) {
                otherContent = true;
                return;
            }
            image = xobject;
            placement = getGraphicsState().getCurrentTransformationMatrix().clone();
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
            otherContent = true;
        }

        @Override
        public void strokePath() {
            otherContent = true;
        }

        @Override
        public void fillPath(int windingRule) {
            otherContent = true;
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            otherContent = true;
        }

        @Override
        public void shadingFill(COSName shadingName) {
            otherContent = true;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            rectangle = new Point2D[] {p0, p1, p2, p3};
            rectangles++;
        }

        /** A clip that cuts into the page changes what is seen; one around the whole crop box does not. */
        @Override
        public void clip(int windingRule) {
            if (rectangles != 1 || otherSegments || !coversCrop(rectangle)) {
                otherContent = true;
            }
        }

        private boolean coversCrop(Point2D[] corners) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Point2D p : corners) {
                minX = Math.min(minX, p.getX());
                minY = Math.min(minY, p.getY());
                maxX = Math.max(maxX, p.getX());
                maxY = Math.max(maxY, p.getY());
            }
            boolean axisAligned = corners[0].getX() == corners[3].getX() && corners[1].getX() == corners[2].getX()
                    && corners[0].getY() == corners[1].getY() && corners[2].getY() == corners[3].getY();
            return axisAligned && minX <= crop.getLowerLeftX() + PLACEMENT_TOLERANCE
                    && minY <= crop.getLowerLeftY() + PLACEMENT_TOLERANCE
                    && maxX >= crop.getUpperRightX() - PLACEMENT_TOLERANCE
                    && maxY >= crop.getUpperRightY() - PLACEMENT_TOLERANCE;
        }

        @Override
        public void moveTo(float x, float y) {
            otherSegments = true;
        }

        @Override
        public void lineTo(float x, float y) {
            otherSegments = true;
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            otherSegments = true;
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        /** A path ends after it is painted or, with n, after it only clipped. */
        @Override
        public void endPath() {
            rectangle = null;
            rectangles = 0;
            otherSegments = false;
        }
    }
}
