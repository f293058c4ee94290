package io.numscan.pipeline;

import io.numscan.assemble.DecimalMarks;
import io.numscan.assemble.NumberAssembler;
import io.numscan.assemble.RecognizedNumber;
import io.numscan.assemble.TextLayerNumbers;
import io.numscan.classify.Classification;
import io.numscan.classify.DigitClasses;
import io.numscan.classify.DigitClassifier;
import io.numscan.classify.GlyphClassifier;
import io.numscan.classify.HandwritingClassifier;
import io.numscan.classify.ModelStore;
import io.numscan.classify.TouchingDigitSplitter;
import io.numscan.geom.Box;
import io.numscan.geom.GrayImage;
import io.numscan.ingest.Document;
import io.numscan.ingest.DocumentReader;
import io.numscan.ingest.PageImage;
import io.numscan.ingest.PageSize;
import io.numscan.ingest.TextWord;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.ingest.UnreadableDocumentException.Reason;
import io.numscan.layout.LayoutAnalyzer;
import io.numscan.layout.PageLayout;
import io.numscan.layout.TextLine;
import io.numscan.layout.Token;
import io.numscan.preprocess.PreparedPage;
import io.numscan.preprocess.Preprocessor;
import io.numscan.segment.DottedLetter;
import io.numscan.segment.Glyph;
import io.numscan.segment.LabelImage;
import io.numscan.segment.PercentShape;
import io.numscan.segment.SegmentedPage;
import io.numscan.segment.Segmenter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The whole pipeline for one document: ingest, preprocess, segment, layout, classify, assemble.
 * A PDF page with a usable text layer can be read from it instead ({@link ScanOptions#source()}),
 * which skips every stage after ingest. Front doors call this and nothing else. Thread-safe; the
 * classifier is shared.
 */
public final class ScanService {
    private static final int MAX_SPLIT_PASSES = 3;
    private static final double MIN_JOINED_FRAGMENT_PROBABILITY = 0.5;
    private static final int MIN_DIGITS_AROUND_FUSED = 2;
    /** A classification at least this probable is sure; below it, on a digit-sized glyph, a sign of broken ink. */
    static final double SURE = 0.9;
    /** A character read as a digit counts as one, when judging whether a token is numeric, from this probability. */
    private static final double MIN_DIGIT_IN_BROKEN_TOKEN = 0.5;
    /** The region read from the faint ink: the token's box grown by these shares of its line height. */
    private static final double FAINT_REGION_SIDE = 0.3;
    private static final double FAINT_REGION_ABOVE = 0.2;
    private static final double FAINT_REGION_BELOW = 0.35;
    /** A character at least this wide for its height that is no digit is characters fused together. */
    private static final double FUSED_WIDTH = 0.9;
    /** A glyph half the line's height or more whose bottom is this share of it above the baseline is part of one torn off. */
    private static final double FLOATING = 0.25;
    /** A page is read again from its faint ink when at least this share of its numeric tokens look broken ... */
    private static final double MOSTLY_BROKEN = 0.5;
    /** ... and it has this many: a handful of labels says nothing about the print. */
    private static final int MIN_TOKENS_FOR_A_PAGE_VERDICT = 20;
    /**
     * A character of a digit's height at least this many times as wide as tall, not surely a
     * digit, is two or more run together: one digit is about half as wide as tall.
     */
    private static final double FUSED_WIDTH_FOR_DARK_INK = 1.0;
    /** A word with this many words of sure digits over or under it stands in a column of numbers... */
    private static final int COLUMN_SUPPORT = 2;
    /** ...counting those no more than this many line heights above or below it (a table's rows, not the next table's). */
    private static final double COLUMN_REACH = 12;
    /** Digit groups at most this many line heights apart are one number written in groups (a phone number, an IBAN). */
    private static final double DIGIT_GROUP_GAP = 0.8;

    /** Tokens at most this share of the line height apart are read from faint ink together. */
    private static final double STRETCH_GAP = 0.8;
    /** A digit part of a split is at least this share of its neighbours' width (see {@link #wideEnoughFor}). */
    private static final double PART_OF_A_DIGIT = 0.9;
    /** The same for a split into two sure digits other than 9 and 6, which no cut % reads as. */
    private static final double SURE_PART_OF_A_DIGIT = 0.8;
    /** A digit with a hyphen run into it is at least this wide for its height. */
    private static final double HYPHENATED_ASPECT = 0.75;
    private static final double NARROW_ONE = 0.6;
    static final double FULL_HEIGHT = 0.8;
    /** A digit this many times as wide as its token's other digits has something run into it. */
    static final double WIDE_AMONG_DIGITS = 1.5;
    /** The widest, for its height, a glyph fused of two digits is taken to be where only a sure digit before it speaks for it. */
    private static final double TRAILING_PAIR_ASPECT = 1.3;
    private static final double ONE_DIGIT_ASPECT = 0.8;
    private static final double SLASH_WIDTH = 0.5;
    /**
     * A % is narrower than this many digits: about one and a half, nearer two where the cut through
     * the 9 fused to it (19% at 200 DPI) left that 9 narrow; two touching digits are wider.
     */
    private static final double PERCENT_WIDTH = 1.9;
    /** A % put back together from the parts a split had cut it into (see {@link #withPercentSignWhole}). */
    private static final Classification PERCENT_SIGN = new Classification(DigitClasses.NOT_A_DIGIT, 1f, 0, 0f);
    /** An i or a j ({@link DottedLetter}), whatever the classifier made of it. */
    private static final Classification DOTTED_LETTER = new Classification(DigitClasses.NOT_A_DIGIT, 1f, 0, 0f);
    /** What a glyph too short to be a digit is taken for, unclassified: surely not one. */
    private static final Classification SHORTER_THAN_A_DIGIT = new Classification(DigitClasses.NOT_A_DIGIT, 1f, 0, 0f);
    private final DocumentReader reader;
    private final Preprocessor preprocessor;
    private final Segmenter segmenter;
    private final LayoutAnalyzer layout;
    private final GlyphClassifier classifier;
    private final DigitPieces digitPieces;
    private final NumberAssembler assembler;
    private final TouchingDigitSplitter splitter;
    private final ScanOptions options;

    /** A service whose form fields are read by {@code classifier} alone. */
    public ScanService(ScanOptions options, DigitClassifier classifier) {
        this(options, classifier, null);
    }

    /**
     * @param handwriting which digit a glyph in a form field is, where {@code classifier} says it is
     *     a digit; null to leave fields to {@code classifier} too
     */
    public ScanService(ScanOptions options, DigitClassifier classifier, HandwritingClassifier handwriting) {
        this.options = options;
        this.reader = new DocumentReader(options.limits());
        this.preprocessor = new Preprocessor(options.preprocess());
        this.segmenter = new Segmenter();
        this.layout = new LayoutAnalyzer(options.layout());
        this.classifier = new GlyphClassifier(classifier, handwriting, options.batchSize());
        this.digitPieces = new DigitPieces(this.classifier);
        this.assembler = new NumberAssembler(options.assemble());
        this.splitter = new TouchingDigitSplitter(this.classifier);
    }

    /**
     * A service reading pages with the page classifier {@code kind} from {@code models}, and form
     * fields with the handwriting reader found there, if there is one.
     */
    public static ScanService withModels(ScanOptions options, ModelStore models, String kind) throws IOException {
        return new ScanService(options, models.load(kind), models.loadHandwriting().orElse(null));
    }

    private ScanService(ScanService base, ScanOptions options) {
        this.options = options;
        this.reader = base.reader;
        this.preprocessor = base.preprocessor;
        this.segmenter = base.segmenter;
        this.layout = base.layout;
        this.classifier = base.classifier;
        this.digitPieces = base.digitPieces;
        this.assembler = base.assembler;
        this.splitter = base.splitter;
    }

    /** This service reading pages from {@code source}, sharing everything else (the loaded model included). */
    public ScanService withSource(NumberSource source) {
        return source == options.source() ? this : new ScanService(this, options.withSource(source));
    }

    public ScanOptions options() {
        return options;
    }

    public DigitClassifier classifier() {
        return classifier.classifier();
    }

    public DocumentResult scan(Path file) throws UnreadableDocumentException {
        try (Document document = reader.open(file)) {
            return scan(document);
        }
    }

    public DocumentResult scan(String name, byte[] content) throws UnreadableDocumentException {
        try (Document document = reader.open(name, content)) {
            return scan(document);
        }
    }

    /**
     * Like {@link #scan(String, byte[])}, and hands each page image with its result to
     * {@code pages} as soon as it is read (e.g. to show the boxes over the page), so no caller
     * needs to render the document a second time.
     */
    public DocumentResult scan(String name, byte[] content, BiConsumer<PageImage, PageResult> pages)
            throws UnreadableDocumentException {
        try (Document document = reader.open(name, content)) {
            return scan(document, pages);
        }
    }

    public DocumentResult scan(Document document) throws UnreadableDocumentException {
        return scanPages(document, null);
    }

    /** Like {@link #scan(Document)}, handing {@code observer} each page's image (drawn even for a page read from text). */
    public DocumentResult scan(Document document, BiConsumer<PageImage, PageResult> observer)
            throws UnreadableDocumentException {
        return scanPages(document, java.util.Objects.requireNonNull(observer, "observer"));
    }

    private DocumentResult scanPages(Document document, BiConsumer<PageImage, PageResult> observer)
            throws UnreadableDocumentException {
        List<PageResult> pages = new ArrayList<>(document.pageCount());
        for (int p = 1; p <= document.pageCount(); p++) {
            Optional<PageResult> text = textPage(document, p);
            PageImage image = text.isPresent() && observer == null ? null : document.renderPage(p);
            PageResult result = text.isPresent() ? text.get() : scanPage(image);
            if (observer != null) {
                observer.accept(image, result);
            }
            pages.add(result);
        }
        return new DocumentResult(document.name(), document.type().name().toLowerCase(java.util.Locale.ROOT),
                inOneConvention(pages));
    }

    /**
     * A document's pages with the amounts read from pixels written in one decimal convention
     * (see {@link DecimalMarks#harmonizePages}): a page that lost its decimal commas to the scan
     * takes the convention of the document's other pages. Pages read from a text layer say
     * exactly what the PDF says and are left as they are. Whoever puts a document's pages
     * together calls this once they are all read.
     */
    public static List<PageResult> inOneConvention(List<PageResult> pages) {
        List<List<RecognizedNumber>> read = new ArrayList<>();
        for (PageResult p : pages) {
            if (p.source() == PageSource.OCR) {
                read.add(p.numbers());
            }
        }
        if (read.size() < 2) {
            return pages;
        }
        List<List<RecognizedNumber>> harmonized = DecimalMarks.harmonizePages(read);
        List<PageResult> result = new ArrayList<>(pages.size());
        int next = 0;
        for (PageResult p : pages) {
            result.add(p.source() == PageSource.OCR ? new PageResult(p.page(), p.width(), p.height(), p.dpi(),
                    p.deskewDegrees(), harmonized.get(next++), p.source()) : p);
        }
        return result;
    }

    /**
     * The page read from its text layer, when {@link ScanOptions#source()} says to: in AUTO when
     * the layer is usable and visible, in TEXT whenever it is usable. Empty when the page is to be
     * read from its pixels ({@link #scanPage} or {@link #preparePage}).
     *
     * @throws UnreadableDocumentException in TEXT, for a page without a usable text layer
     */
    public Optional<PageResult> textPage(Document document, int pageNumber) throws UnreadableDocumentException {
        NumberSource source = options.source();
        if (source == NumberSource.OCR) {
            return Optional.empty();
        }
        Optional<List<TextWord>> layer = document.textLayer(pageNumber);
        if (source == NumberSource.AUTO) {
            // An invisible layer is some earlier program's OCR of the picture: the pixels are the truth.
            layer = layer.filter(words -> !mostlyInvisible(words));
        }
        if (layer.isEmpty()) {
            if (source == NumberSource.TEXT) {
                throw new UnreadableDocumentException(document.name(), Reason.NO_TEXT_LAYER, "page " + pageNumber
                        + " has no usable text layer (an image-only page?); read it with source auto or ocr");
            }
            return Optional.empty();
        }
        PageSize size = document.pageSize(pageNumber);
        return Optional.of(new PageResult(pageNumber, size.width(), size.height(), size.dpi(), 0,
                TextLayerNumbers.read(layer.get()), PageSource.TEXT));
    }

    private static boolean mostlyInvisible(List<TextWord> words) {
        long all = 0;
        long invisible = 0;
        for (TextWord w : words) {
            all += w.text().length();
            if (w.invisible()) {
                invisible += w.text().length();
            }
        }
        return invisible * 2 > all;
    }

    public PageResult scanPage(PageImage page) {
        PreparedPage prepared = preprocessor.prepare(page);
        SegmentedPage segmented = segmenter.segment(prepared);
        PageLayout lines = layout.analyze(segmented);
        List<Glyph> glyphs = glyphsToClassify(lines);
        float[] crops = classifier.crops(segmented.labels(), glyphs);
        return finishPage(new PendingPage(page, prepared, lines, glyphs.size(), crops), classifier.predictAll(crops, glyphs.size()), 0);
    }

    /** Pixels a page of this size is read at (a 200-DPI scan is enlarged): what reading it holds in memory. */
    public static long workingPixels(PageSize size) {
        return Preprocessor.workingPixels(size.dpi(), size.width(), size.height());
    }

    /**
     * The first half of {@link #scanPage}: everything up to classification, ending with the
     * normalized crops of the page's glyphs. Lets a caller classify the crops of many pages in
     * one batch, then call {@link #finishPage}; the result is the same as {@code scanPage}'s.
     */
    public PendingPage preparePage(PageImage page) {
        PreparedPage prepared = preprocessor.prepare(page);
        SegmentedPage segmented = segmenter.segment(prepared);
        PageLayout lines = layout.analyze(segmented);
        List<Glyph> glyphs = glyphsToClassify(lines);
        return new PendingPage(page, prepared, lines, glyphs.size(), classifier.crops(segmented.labels(), glyphs));
    }

    /**
     * The second half of {@link #scanPage}.
     *
     * @param probabilities the classifier's output for {@code page.crops()}, starting at {@code offset}
     */
    public PageResult finishPage(PendingPage page, float[] probabilities, int offset) {
        return assemble(page.page(), page.prepared(), page.layout(),
                classesOf(page.layout(), page.crops(), page.glyphCount(), probabilities, offset));
    }

    /**
     * The classes of the glyphs {@link #glyphsToClassify} lists, from the page classifier's
     * {@code probabilities}; in form fields, with the digits the handwriting reader reads.
     */
    private List<Classification> classesOf(PageLayout lines, float[] crops, int count, float[] probabilities, int offset) {
        int[] fieldGlyphs = fieldGlyphs(lines);
        float[] handwritten = classifier.readAsHandwriting(crops, fieldGlyphs);
        float[] fieldProbabilities = new float[DigitClasses.COUNT];
        List<Classification> classes = new ArrayList<>(count);
        int nextField = 0;
        for (int i = 0; i < count; i++) {
            int at = offset + i * DigitClasses.COUNT;
            if (handwritten != null && nextField < fieldGlyphs.length && fieldGlyphs[nextField] == i) {
                System.arraycopy(probabilities, at, fieldProbabilities, 0, DigitClasses.COUNT);
                HandwritingClassifier.readDigitsAsHandwriting(fieldProbabilities, 0, handwritten, nextField * HandwritingClassifier.CLASSES);
                classes.add(Classification.fromProbabilities(fieldProbabilities, 0));
                nextField++;
            } else {
                classes.add(Classification.fromProbabilities(probabilities, at));
            }
        }
        return classes;
    }

    /** Where in {@link #glyphsToClassify}'s order the glyphs of form boxes (not table cells) stand, ascending. */
    private int[] fieldGlyphs(PageLayout lines) {
        List<Integer> inFields = new ArrayList<>();
        int index = 0;
        for (TextLine line : lines.lines()) {
            for (Token token : line.tokens()) {
                for (Glyph g : token.glyphs()) {
                    if (mayBeADigit(token, g)) {
                        if (lines.inFormBox(token)) {
                            inFields.add(index);
                        }
                        index++;
                    }
                }
            }
        }
        return inFields.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@link #scanPage(PageImage)} with each stage's wall time told to {@code timer}; the result
     * is the one {@link #preparePage} and {@link #finishPage} give (crops first, then one
     * inference in batches of the configured size). For benchmarks and profiles.
     */
    public PageResult scanPage(PageImage page, StageTimer timer) {
        PreparedPage prepared = timer.time(Stage.PREPROCESS, () -> preprocessor.prepare(page));
        SegmentedPage segmented = timer.time(Stage.SEGMENT, () -> segmenter.segment(prepared));
        PageLayout lines = timer.time(Stage.LAYOUT, () -> layout.analyze(segmented));
        List<Glyph> glyphs = glyphsToClassify(lines);
        float[] crops = timer.time(Stage.CROPS, () -> classifier.crops(segmented.labels(), glyphs));
        float[] probabilities = timer.time(Stage.CLASSIFY, () -> classifier.predictAll(crops, glyphs.size()));
        PendingPage pending = new PendingPage(page, prepared, lines, glyphs.size(), crops);
        return timer.time(Stage.ASSEMBLE, () -> finishPage(pending, probabilities, 0));
    }

    /** The glyphs, in reading order, whose class can matter (see {@link #mayBeADigit}). */
    private List<Glyph> glyphsToClassify(PageLayout lines) {
        List<Glyph> glyphs = new ArrayList<>();
        for (TextLine line : lines.lines()) {
            for (Token token : line.tokens()) {
                for (Glyph g : token.glyphs()) {
                    if (mayBeADigit(token, g)) {
                        glyphs.add(g);
                    }
                }
            }
        }
        return glyphs;
    }

    /**
     * Outside form fields a glyph shorter than a digit can be (a lower-case o, a comma) is read by
     * its shape alone, so the classifier is not asked: on an invoice that is about half of all
     * glyphs. Such a glyph is also never worth cutting into digits, whose parts are no taller. A
     * digit torn from its foot ({@link NumberAssembler#tornFromItsFoot}) is asked about all the same.
     */
    private boolean mayBeADigit(Token token, Glyph glyph) {
        double minDigitHeight = options.assemble().minDigitHeight();
        return token.field() >= 0 || glyph.box().height() >= minDigitHeight * token.lineHeight()
                || NumberAssembler.tornFromItsFoot(token.glyphs(), token.glyphs().indexOf(glyph), token.lineHeight(), minDigitHeight);
    }

    private PageResult assemble(PageImage page, PreparedPage prepared, PageLayout lines, List<Classification> classes) {
        PageReading reading = readLines(prepared, lines, classes, true);
        if (reading.mostlyBroken()) {
            PageReading faint = readFaintPage(prepared);
            if (faint.readsBetterThan(reading)) {
                reading = faint;
            }
        }
        List<RecognizedNumber> numbers = new ArrayList<>();
        List<List<Reading>> lineWords = new ArrayList<>(reading.lines().size());
        List<Token> sureNumbers = new ArrayList<>();
        for (List<Reading> line : reading.lines()) {
            double letterGap = WordSpaces.letterGap(line.stream().map(Reading::token).toList());
            List<Reading> words = new ArrayList<>();
            for (Reading whole : line) {
                words.addAll(words(whole, letterGap));
            }
            lineWords.add(words);
            for (Reading word : words) {
                if (isSureNumber(word)) {
                    sureNumbers.add(word.token());
                }
            }
        }
        for (List<Reading> words : lineWords) {
            boolean[] digitGroup = new boolean[words.size()];
            for (int i = 0; i < words.size(); i++) {
                digitGroup[i] = isDigitGroup(words.get(i));
            }
            for (int i = 0; i < words.size(); i++) {
                Reading word = words.get(i);
                boolean besideDigitGroup = (i > 0 && digitGroup[i - 1] && adjoin(words.get(i - 1), word) && isDigit(word, 0))
                        || (i + 1 < words.size() && digitGroup[i + 1] && adjoin(word, words.get(i + 1))
                        && isDigit(word, word.token().glyphs().size() - 1));
                boolean inNumberColumn = word.token().field() < 0 && inNumberColumn(word.token(), sureNumbers);
                for (RecognizedNumber n : assembler.assemble(word.token(), word.classes(), word.labels(), besideDigitGroup, inNumberColumn)) {
                    numbers.add(n.mapBoxes(prepared.toPage()::toPage));
                }
            }
        }
        return new PageResult(page.pageNumber(), page.width(), page.height(), page.dpi(), prepared.deskewDegrees(),
                DecimalMarks.harmonize(numbers));
    }

    /** A word of sure digits only (and marks under a digit's height): a number, whatever its neighbours. */
    private boolean isSureNumber(Reading word) {
        double digitHeight = options.assemble().minDigitHeight() * word.token().lineHeight();
        int digits = 0;
        for (int i = 0; i < word.classes().size(); i++) {
            if (word.token().glyphs().get(i).box().height() >= digitHeight) {
                if (!isSureDigit(word.classes().get(i))) {
                    return false;
                }
                digits++;
            }
        }
        return digits > 0;
    }

    /**
     * A word in a column of numbers: at least {@link #COLUMN_SUPPORT} words of sure digits on other lines
     * of about its line's height, no more than {@link #COLUMN_REACH} lines away, stand over or under it.
     */
    static boolean inNumberColumn(Token token, List<Token> sureNumbers) {
        Box b = token.box();
        double lineHeight = token.lineHeight();
        int support = 0;
        for (Token number : sureNumbers) {
            Box n = number.box();
            if (n.verticalOverlap(b) == 0 && n.horizontalOverlap(b) >= 0.5 * b.width()
                    && Math.abs(number.lineHeight() - lineHeight) <= 0.25 * lineHeight
                    && Math.abs(n.y() - b.y()) <= COLUMN_REACH * lineHeight) {
                support++;
            }
        }
        return support >= COLUMN_SUPPORT;
    }

    /**
     * A page's readings, line by line.
     *
     * @param numericTokens numeric tokens outside form fields, as first read (before any faint-ink mending)
     * @param brokenTokens how many of those looked broken
     */
    private record PageReading(List<List<Reading>> lines, int numericTokens, int brokenTokens) {
        /**
         * Most of a page's numbers look broken when its print is too light for the page's threshold
         * (a light serif whose hairlines the scan blurred to near paper): then the whole page
         * reads better from its faint ink than stretch by stretch.
         */
        boolean mostlyBroken() {
            return ScanService.mostlyBroken(numericTokens, brokenTokens);
        }

        /**
         * A smaller share of this reading's numbers looks broken than of {@code other}'s. The share,
         * not the count of broken signs: a reading that finds more numbers also finds more to doubt.
         */
        boolean readsBetterThan(PageReading other) {
            return ScanService.readsBetterThan(numericTokens, brokenTokens, other.numericTokens, other.brokenTokens);
        }
    }

    static boolean readsBetterThan(int numericTokens, int brokenTokens, int otherNumericTokens, int otherBrokenTokens) {
        return (long) brokenTokens * otherNumericTokens < (long) otherBrokenTokens * numericTokens;
    }

    static boolean mostlyBroken(int numericTokens, int brokenTokens) {
        return numericTokens >= MIN_TOKENS_FOR_A_PAGE_VERDICT && brokenTokens >= MOSTLY_BROKEN * numericTokens;
    }

    /**
     * Reads every line's tokens; with {@code mendFromFaintInk}, stretches that look broken are
     * read again from the faint ink, and those that look fused from the dark ink ({@link #withOtherInkWhereMisread}).
     */
    private PageReading readLines(PreparedPage prepared, PageLayout lines, List<Classification> classes, boolean mendFromFaintInk) {
        List<List<Reading>> read = new ArrayList<>(lines.lines().size());
        int numeric = 0;
        int broken = 0;
        int next = 0;
        for (TextLine line : lines.lines()) {
            List<Reading> readings = new ArrayList<>(line.tokens().size());
            for (Token original : line.tokens()) {
                List<Classification> tokenClasses = new ArrayList<>(original.glyphs().size());
                for (Glyph g : original.glyphs()) {
                    tokenClasses.add(mayBeADigit(original, g) ? classes.get(next++) : SHORTER_THAN_A_DIGIT);
                }
                Reading reading = read(lines.page().labels(), original, tokenClasses);
                if (original.field() < 0 && reading.numeric()) {
                    numeric++;
                    broken += reading.looksBroken() ? 1 : 0;
                }
                readings.add(reading);
            }
            read.add(mendFromFaintInk ? withOtherInkWhereMisread(prepared, line, readings) : readings);
        }
        return new PageReading(read, numeric, broken);
    }

    /** The whole page read from its faint ink instead of its ink. */
    private PageReading readFaintPage(PreparedPage prepared) {
        PreparedPage faint = new PreparedPage(prepared.page(), prepared.faintInk(), prepared.faintInk(), prepared.darkInk(),
                prepared.deskewDegrees(), prepared.cells(), prepared.toPage());
        SegmentedPage segmented = segmenter.segment(faint);
        PageLayout lines = layout.analyze(segmented);
        List<Glyph> glyphs = glyphsToClassify(lines);
        float[] crops = classifier.crops(segmented.labels(), glyphs);
        return readLines(faint, lines, classesOf(lines, crops, glyphs.size(), classifier.predictAll(crops, glyphs.size()), 0), false);
    }

    /** Neighbouring words of a line no further apart than a word space may be. */
    private static boolean adjoin(Reading left, Reading right) {
        double lineHeight = Math.max(left.token().lineHeight(), right.token().lineHeight());
        int gap = right.token().box().x() - left.token().box().right();
        return gap >= 0 && gap <= DIGIT_GROUP_GAP * lineHeight;
    }

    /** A group of digits: two or more digits of a digit's height, at most one other character (a + or a bracket). */
    private boolean isDigitGroup(Reading word) {
        int digits = 0;
        for (int i = 0; i < word.token().glyphs().size(); i++) {
            if (isDigit(word, i)) {
                digits++;
            }
        }
        return digits >= 2 && word.token().glyphs().size() - digits <= 1;
    }

    private boolean isDigit(Reading word, int i) {
        return i >= 0 && i < word.classes().size() && word.classes().get(i).isDigit()
                && mayBeADigit(word.token(), word.token().glyphs().get(i));
    }

    /** A token's glyphs as joined and split for reading, their classes, and the labels they refer to. */
    private record Reading(Token token, List<Classification> classes, LabelImage labels, int brokenness, boolean numeric) {
        /** Worth reading again from the faint ink: something in it is broken, and it is mostly digits. */
        boolean looksBroken() {
            return brokenness > 0 && numeric;
        }
    }

    /** A reading cut into its words (see {@link WordSpaces#besideDigits}). */
    private static List<Reading> words(Reading reading, double letterGap) {
        List<Integer> starts = new ArrayList<>(WordSpaces.besideDigits(reading.token(), reading.classes(), letterGap));
        if (starts.isEmpty()) {
            return List.of(reading);
        }
        starts.add(reading.token().glyphs().size());
        List<Reading> words = new ArrayList<>(starts.size());
        int from = 0;
        for (int to : starts) {
            words.add(new Reading(part(reading.token(), from, to), reading.classes().subList(from, to), reading.labels(),
                    reading.brokenness(), reading.numeric()));
            from = to;
        }
        return words;
    }

    private static Token part(Token token, int from, int to) {
        if (from == 0 && to == token.glyphs().size()) {
            return token;
        }
        List<Glyph> glyphs = token.glyphs().subList(from, to);
        return new Token(Box.enclosing(glyphs.stream().map(Glyph::box).toList()), glyphs, token.lineHeight(),
                token.baseline(), token.field(), token.comb());
    }

    /** Joins and splits a token's glyphs for the assembler; {@code classes} changes with them. */
    private Reading read(LabelImage labels, Token original, List<Classification> classes) {
        return read(labels, original, classes, box -> false);
    }

    /** Like {@link #read(LabelImage, Token, List)}, leaving whole the glyphs in the boxes {@code keepWhole} names. */
    private Reading read(LabelImage labels, Token original, List<Classification> classes, java.util.function.Predicate<Box> keepWhole) {
        if (original.field() < 0) {
            // Outside form fields (handwriting can leave a dot-like stroke over a digit), and only
            // where the classifier doubts its digit: a 4 whose tip broke off has the same shape.
            for (int i = 0; i < classes.size(); i++) {
                Classification c = classes.get(i);
                if (c.isDigit() && c.probability() < SURE && DottedLetter.isDottedLetter(labels, original.glyphs().get(i))) {
                    classes.set(i, DOTTED_LETTER);
                }
            }
        }
        Token joined = digitPieces.join(labels, joinBrokenDigits(labels, joinStrokeFragments(labels, original, classes), classes), classes);
        Token token = splitTouchingDigits(labels, joined, classes, keepWhole);
        return new Reading(token, classes, labels, brokenness(labels, token, classes, options.assemble().minDigitHeight()),
                numeric(token, classes));
    }

    /**
     * Whether a token may be (part of) a number: at least half of its characters of a digit's
     * height read as digits, or it has none (a mark alone, a comma torn off its amount). Words
     * are not read from the faint ink: they fuse there, and their letters are unsure in any ink.
     */
    private boolean numeric(Token token, List<Classification> classes) {
        double digitHeight = options.assemble().minDigitHeight() * token.lineHeight();
        int tall = 0;
        int digits = 0;
        for (int i = 0; i < classes.size(); i++) {
            if (token.glyphs().get(i).box().height() >= digitHeight) {
                tall++;
                Classification c = classes.get(i);
                if (c.isDigit() && c.probability() >= MIN_DIGIT_IN_BROKEN_TOKEN) {
                    digits++;
                }
            }
        }
        return 2 * digits >= tall;
    }

    /**
     * How broken a reading looks: characters of a digit's height the classifier is unsure of (the
     * two bars of a 0 that lost its hairlines, the tail of a 9), and marks beside marks (the dot
     * and tail of a comma torn apart); and, the other way, characters between digits fused into one
     * too wide for a digit (a slash run into the 2 after it). The bar and rings of a % are whole as they are.
     */
    static int brokenness(LabelImage labels, Token token, List<Classification> classes, double minDigitHeight) {
        double lineHeight = token.lineHeight();
        double digitHeight = minDigitHeight * lineHeight;
        double markHeight = 0.5 * lineHeight;
        List<Glyph> glyphs = token.glyphs();
        boolean[] percent = NumberAssembler.percentSignParts(glyphs, lineHeight);
        int broken = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            if (percent[i]) {
                continue;
            }
            if (g.box().height() >= digitHeight) {
                Classification c = classes.get(i);
                boolean fused = !c.isDigit() && g.box().width() >= FUSED_WIDTH * g.box().height()
                        && i > 0 && i + 1 < glyphs.size() && classes.get(i - 1).isDigit() && classes.get(i + 1).isDigit();
                if ((c.probability() < SURE || fused) && !NumberAssembler.isPercentSign(labels, g, lineHeight)) {
                    broken++;
                }
            } else if (i > 0 && !percent[i - 1] && g.box().height() < markHeight
                    && glyphs.get(i - 1).box().height() < markHeight) {
                broken++;
            } else if (g.box().height() >= markHeight && g.box().bottom() < token.baseline() - FLOATING * lineHeight
                    && !besidePercentSign(labels, glyphs, percent, i, lineHeight)) {
                broken++;
            }
        }
        return broken;
    }

    /** The ring of a % that stands apart floats too. */
    private static boolean besidePercentSign(LabelImage labels, List<Glyph> glyphs, boolean[] percent, int i, double lineHeight) {
        for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < glyphs.size() && (percent[j] || NumberAssembler.isPercentSign(labels, glyphs.get(j), lineHeight))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line's readings, where stretches of it that look broken read better from the page's faint
     * ink ({@link PreparedPage#faintInk()}) replaced by that reading, and those that look fused (see
     * {@link #fusedGlyphs}) by their reading from the dark ink ({@link PreparedPage#darkInk()}) where
     * that reads better. A stretch is a run of numeric
     * tokens outside form fields with no more than {@link #STRETCH_GAP} between them: a comma torn in two
     * can cut an amount into two tokens, which only a reading of both puts back together.
     */
    private List<Reading> withOtherInkWhereMisread(PreparedPage prepared, TextLine line, List<Reading> readings) {
        List<Token> tokens = line.tokens();
        List<Reading> result = new ArrayList<>(readings.size());
        int start = 0;
        while (start < tokens.size()) {
            int end = start + 1;
            boolean open = tokens.get(start).field() < 0 && readings.get(start).numeric();
            if (open) {
                double reach = STRETCH_GAP * tokens.get(start).lineHeight();
                while (end < tokens.size() && tokens.get(end).field() < 0 && readings.get(end).numeric()
                        && tokens.get(end).box().x() - tokens.get(end - 1).box().right() <= reach) {
                    end++;
                }
            }
            List<Reading> stretch = readings.subList(start, end);
            List<Reading> faint = null;
            if (open && stretch.stream().anyMatch(Reading::looksBroken)) {
                faint = readStretch(prepared.faintInk(), line, tokens.subList(start, end), stretch);
                if (faint != null && faintReadingWins(stretch, faint)) {
                    result.addAll(faint);
                    start = end;
                    continue;
                }
            }
            // A word with a sure digit in it may be a number whose digits ran together: a blurred
            // condensed face can fuse all but one or two of them, and the word is then not numeric.
            boolean mayHoldNumbers = open || (tokens.get(start).field() < 0
                    && readings.get(start).classes().stream().anyMatch(ScanService::isSureDigit));
            List<Reading> dark = null;
            if (mayHoldNumbers && fusedGlyphs(stretch) > 0) {
                dark = readStretch(prepared.darkInk(), line, tokens.subList(start, end), stretch);
            }
            result.addAll(dark != null && darkReadingWins(stretch, dark) ? dark : stretch);
            start = end;
        }
        return result;
    }

    private static int brokenness(List<Reading> readings) {
        int sum = 0;
        for (Reading r : readings) {
            sum += r.brokenness();
        }
        return sum;
    }

    /**
     * The dark reading shows fewer characters run together (each sure digit it lost counted as
     * one), is no more broken, finds more digits, some of them where the first reading saw
     * characters run together, and no such run came apart in it as digits and letters both.
     */
    private boolean darkReadingWins(List<Reading> first, List<Reading> dark) {
        int before = fusedGlyphs(first);
        int after = fusedGlyphs(dark);
        return after < before && brokenness(dark) <= brokenness(first) && digits(dark) > digits(first)
                && after + sureDigitsLost(glyphsOf(first), classesOf(first), glyphsOf(dark), classesOf(dark)) < before
                && digitsFromRuns(first, dark) > 0;
    }

    private int fusedGlyphs(List<Reading> readings) {
        int count = 0;
        for (Reading r : readings) {
            for (boolean fused : fusedGlyphs(r.labels(), r.token(), r.classes(), options.assemble().minDigitHeight())) {
                count += fused ? 1 : 0;
            }
        }
        return count;
    }

    /**
     * Which of a token's glyphs are characters run together: of a digit's height, at least
     * {@link #FUSED_WIDTH_FOR_DARK_INK} times as wide as tall, not surely a digit, not a % or part of one.
     */
    static boolean[] fusedGlyphs(LabelImage labels, Token token, List<Classification> classes, double minDigitHeight) {
        List<Glyph> glyphs = token.glyphs();
        boolean[] percent = NumberAssembler.percentSignParts(glyphs, token.lineHeight());
        boolean[] fused = new boolean[glyphs.size()];
        for (int i = 0; i < glyphs.size(); i++) {
            Box b = glyphs.get(i).box();
            Classification c = classes.get(i);
            fused[i] = !percent[i] && b.height() >= minDigitHeight * token.lineHeight()
                    && b.width() >= FUSED_WIDTH_FOR_DARK_INK * b.height()
                    && !isSureDigit(c)
                    && !NumberAssembler.isPercentSign(labels, glyphs.get(i), token.lineHeight());
        }
        return fused;
    }

    /**
     * How many digits {@code dark} finds where {@code first} saw characters run together; -1 where
     * such a run came apart as digits and other characters both. Digits found elsewhere are no
     * reason to prefer the dark reading: there the darker cut only broke letters into digit-like
     * pieces (the f of "of 2" read as a 1 ran into the 2).
     */
    private int digitsFromRuns(List<Reading> first, List<Reading> dark) {
        double minDigitHeight = options.assemble().minDigitHeight();
        List<Glyph> darkGlyphs = glyphsOf(dark);
        List<Classification> darkClasses = classesOf(dark);
        int digits = 0;
        for (Reading r : first) {
            boolean[] fused = fusedGlyphs(r.labels(), r.token(), r.classes(), minDigitHeight);
            for (int i = 0; i < fused.length; i++) {
                if (fused[i]) {
                    int found = digitsCameApartInto(r.token().glyphs().get(i).box(), r.token().lineHeight(),
                            minDigitHeight, darkGlyphs, darkClasses);
                    if (found < 0) {
                        return -1;
                    }
                    digits += found;
                }
            }
        }
        return digits;
    }

    /**
     * The digits among the characters of another reading that fill {@code fused} (at least half of
     * each inside it, at least half a line tall), or -1 where they are digits and other characters
     * both: letters beside a digit ("of 2"), whose pieces the darker cut can make look like digits.
     * Digits run together come apart as digits, a word as letters.
     */
    static int digitsCameApartInto(Box fused, double lineHeight, double minDigitHeight,
            List<Glyph> glyphs, List<Classification> classes) {
        int digits = 0;
        boolean other = false;
        for (int j = 0; j < glyphs.size(); j++) {
            Box b = glyphs.get(j).box();
            if (b.height() >= 0.5 * lineHeight && b.horizontalOverlap(fused) >= 0.5 * b.width()) {
                Classification c = classes.get(j);
                if (c.isDigit() && c.probability() >= MIN_DIGIT_IN_BROKEN_TOKEN && b.height() >= minDigitHeight * lineHeight) {
                    digits++;
                } else {
                    other = true;
                }
            }
        }
        return digits > 0 && other ? -1 : digits;
    }


    private static int digits(List<Reading> readings) {
        int digits = 0;
        for (Reading r : readings) {
            for (Classification c : r.classes()) {
                if (c.isDigit() && c.probability() >= MIN_DIGIT_IN_BROKEN_TOKEN) {
                    digits++;
                }
            }
        }
        return digits;
    }

    /** The faint reading shows fewer signs of brokenness, each sure digit it lost counted as one. */
    private static boolean faintReadingWins(List<Reading> first, List<Reading> faint) {
        int before = brokenness(first);
        int after = brokenness(faint);
        // Matching glyphs is only worth it where the faint reading wins without it.
        return after < before
                && after + sureDigitsLost(glyphsOf(first), classesOf(first), glyphsOf(faint), classesOf(faint)) < before;
    }

    private static List<Glyph> glyphsOf(List<Reading> readings) {
        return readings.stream().flatMap(r -> r.token().glyphs().stream()).toList();
    }

    private static List<Classification> classesOf(List<Reading> readings) {
        return readings.stream().flatMap(r -> r.classes().stream()).toList();
    }

    /**
     * How many digits the first reading was sure of the faint reading has no digit for: faint ink
     * is there to mend torn strokes, and a reading that ran a sure 1 into the slash beside it
     * (03/11/2025 as 03/1 and 2025) has broken what was whole, however sure it is of the rest.
     */
    static int sureDigitsLost(List<Glyph> firstGlyphs, List<Classification> firstClasses,
            List<Glyph> faintGlyphs, List<Classification> faintClasses) {
        int lost = 0;
        for (int i = 0; i < firstGlyphs.size(); i++) {
            Classification c = firstClasses.get(i);
            if (!c.isDigit() || c.probability() < SURE) {
                continue;
            }
            Box b = firstGlyphs.get(i).box();
            boolean kept = false;
            for (int j = 0; j < faintGlyphs.size() && !kept; j++) {
                Classification f = faintClasses.get(j);
                Box fb = faintGlyphs.get(j).box();
                // One glyph wider than tall is no single digit to the assembler, however sure the
                // classifier is of it: a + run into the 4 after it reads as a sure 4.
                kept = f.isDigit() && f.probability() >= MIN_DIGIT_IN_BROKEN_TOKEN && fb.width() <= fb.height()
                        && fb.horizontalOverlap(b) >= 0.5 * b.width();
            }
            if (!kept) {
                lost++;
            }
        }
        return lost;
    }

    /**
     * Whether the first reading saw only symbols where {@code box} lies: ink there that the faint
     * cut fused into one wide glyph (the rings and bar of a %) is no digits to cut apart.
     */
    static boolean onlySymbolsUnder(List<Glyph> firstGlyphs, List<Classification> firstClasses, Box box) {
        boolean any = false;
        for (int i = 0; i < firstGlyphs.size(); i++) {
            Box b = firstGlyphs.get(i).box();
            if (b.horizontalOverlap(box) >= 0.5 * b.width()) {
                Classification c = firstClasses.get(i);
                if (c.isDigit() && c.probability() >= MIN_DIGIT_IN_BROKEN_TOKEN) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * A stretch of a line read again from another cut of the page's ink: the glyphs in and just around its
     * tokens' boxes, labelled afresh, cut into tokens at word spaces as layout would, classified,
     * joined and split, except where the first reading ({@code originals}) saw only symbols. Null
     * when nothing is there.
     */
    private List<Reading> readStretch(GrayImage ink, TextLine line, List<Token> stretch, List<Reading> originals) {
        Token first = stretch.get(0);
        double lineHeight = first.lineHeight();
        List<Box> tokenBoxes = new ArrayList<>(stretch.size());
        for (Token t : stretch) {
            tokenBoxes.add(t.box());
        }
        Box box = Box.enclosing(tokenBoxes);
        int side = (int) Math.round(FAINT_REGION_SIDE * lineHeight);
        int above = (int) Math.round(FAINT_REGION_ABOVE * lineHeight);
        int below = (int) Math.round(FAINT_REGION_BELOW * lineHeight);
        Box region = new Box(box.x() - side, box.y() - above, box.width() + 2 * side, box.height() + above + below);
        Segmenter.SegmentedRegion segmented = segmenter.segmentRegion(ink, region);
        List<Glyph> glyphs = new ArrayList<>();
        for (Glyph g : segmented.glyphs()) {
            // Ink of the lines above and below that reaches in is not the stretch's.
            if (g.box().verticalOverlap(box) >= 0.5 * g.box().height()) {
                glyphs.add(g);
            }
        }
        if (glyphs.isEmpty()) {
            return null;
        }
        List<Token> tokens = layout.tokensOutsideFields(glyphs, line, first.baseline());
        List<Glyph> asked = new ArrayList<>();
        for (Token t : tokens) {
            for (Glyph g : t.glyphs()) {
                if (mayBeADigit(t, g)) {
                    asked.add(g);
                }
            }
        }
        List<Classification> answers = classifier.classify(segmented.labels(), asked);
        List<Glyph> firstGlyphs = new ArrayList<>();
        List<Classification> firstClasses = new ArrayList<>();
        for (Reading r : originals) {
            firstGlyphs.addAll(r.token().glyphs());
            firstClasses.addAll(r.classes());
        }
        List<Reading> readings = new ArrayList<>(tokens.size());
        int next = 0;
        for (Token t : tokens) {
            List<Classification> classes = new ArrayList<>(t.glyphs().size());
            for (Glyph g : t.glyphs()) {
                classes.add(mayBeADigit(t, g) ? answers.get(next++) : SHORTER_THAN_A_DIGIT);
            }
            readings.add(read(segmented.labels(), t, classes, fused -> onlySymbolsUnder(firstGlyphs, firstClasses, fused)));
        }
        return readings;
    }

    /**
     * Gives wide glyphs in a numeric context (a form field, or beside a digit) the chance to be
     * read as several touching digits. Words are left alone, so an m never becomes "11".
     */
    private Token splitTouchingDigits(LabelImage labels, Token token, List<Classification> classes, java.util.function.Predicate<Box> keepWhole) {
        boolean inField = token.field() >= 0;
        List<Glyph> glyphs = new ArrayList<>(token.glyphs());
        java.util.Set<Glyph> tried = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Glyph> hyphenTried = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Glyph> slashTried = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // Scratch for wideAmongItsDigits: one array per token, not one per glyph.
        int[] widths = new int[2 * glyphs.size()];
        boolean changed = false;
        // A split can reveal the sure digit that puts its neighbour in a numeric context (8|22|,|00):
        // another pass looks again at the glyphs not tried yet.
        for (int pass = 0; pass < MAX_SPLIT_PASSES; pass++) {
            boolean[] digitBeside = besideSureDigits(glyphs, classes, token.lineHeight());
            boolean[] percentParts = NumberAssembler.percentSignParts(glyphs, token.lineHeight());
            // A token that is one glyph too wide for a character (a fused quantity, 77, alone in
            // its table cell) is its own numeric context, unless the classifier is certain it is a
            // symbol; so is one of such glyphs and digits between marks (99,50 with both pairs fused;
            // beside a mark, 46,80 in condensed print, a glyph as wide as tall is such a glyph).
            boolean fusedAmount = onlyFusedAndDigits(glyphs, classes, token.lineHeight());
            if (fusedAmount) {
                for (int i = 0; i < glyphs.size(); i++) {
                    digitBeside[i] = true;
                }
            }
            boolean splitNow = false;
            for (int i = glyphs.size() - 1; i >= 0; i--) {
                if (widths.length < glyphs.size()) {
                    widths = new int[2 * glyphs.size()];
                }
                Glyph g = glyphs.get(i);
                // A hyphen a coarse scan ran into a digit beside it first: cut into digits with it, the
                // glyph reads as digits that are not there (-0 as a sure 4), and whole, 5- reads as a 5.
                if (!inField && digitBeside[i] && !tried.contains(g) && !percentParts[i] && !keepWhole.test(g.box())
                        && g.box().width() >= HYPHENATED_ASPECT * g.box().height() && g.box().height() >= FULL_HEIGHT * token.lineHeight()
                        && hyphenTried.add(g)) {
                    List<Glyph> hyphenAndRest = FusedHyphen.peeled(labels, g, token.lineHeight());
                    if (hyphenAndRest != null) {
                        List<Classification> peeledClasses = classifier.classify(labels, hyphenAndRest);
                        int rest = hyphenAndRest.get(0).box().height() < hyphenAndRest.get(1).box().height() ? 1 : 0;
                        // What is left is a sure digit, or digits to cut apart next.
                        if (isSureDigit(peeledClasses.get(rest))
                                || TouchingDigitSplitter.mayHoldSeveralDigits(hyphenAndRest.get(rest).box(), token.lineHeight())) {
                            glyphs.remove(i);
                            classes.remove(i);
                            glyphs.addAll(i, hyphenAndRest);
                            classes.addAll(i, peeledClasses);
                            tried.add(hyphenAndRest.get(1 - rest));
                            splitNow = true;
                            continue;
                        }
                    }
                }
                // A digit with a slash run into it (the 3/ of a blurred 03/2021) reads as the digit and
                // is wider than the digits around it, yet too narrow for the cuts below, which take
                // the wider such glyphs.
                if (!inField && digitBeside[i] && classes.get(i).isDigit() && !keepWhole.test(g.box())
                        && !TouchingDigitSplitter.mayHoldSeveralDigits(g.box(), token.lineHeight())
                        && wideAmongItsDigits(glyphs, classes, i, token.lineHeight(), widths) && slashTried.add(g)) {
                    TouchingDigitSplitter.Split digitAndSlash = splitter.digitBesideSlash(labels, g, token.lineHeight(),
                            piece -> NumberAssembler.leansLikeASlash(piece, labels));
                    if (digitAndSlash != null) {
                        replaceByParts(glyphs, classes, i, digitAndSlash, tried);
                        splitNow = true;
                        continue;
                    }
                }
                // Alone in its token, as wide as tall and of a digit's height: two digits of condensed
                // print fused (a quantity alone in its column), which the classifier may firmly call
                // no character. Tried too, and kept only as two sure digits.
                boolean pairShaped = g.box().width() >= g.box().height() && g.box().height() >= FULL_HEIGHT * token.lineHeight();
                boolean lonePair = !inField && !digitBeside[i] && glyphs.size() == 1 && pairShaped;
                // The % test reads the glyph's pixels, so it comes after the checks on boxes alone.
                if (tried.contains(g) || percentParts[i] || !(inField || digitBeside[i] || lonePair)
                        || !TouchingDigitSplitter.mayHoldSeveralDigits(g.box(), token.lineHeight())
                        || NumberAssembler.isPercentSign(labels, g, token.lineHeight())) {
                    continue;
                }
                tried.add(g);
                Classification whole = classes.get(i);
                if (keepWhole.test(g.box())) {
                    continue;
                }
                if (inField && !TouchingDigitSplitter.worthTryingInField(g.box(), whole, otherBoxes(glyphs, i),
                        token.lineHeight(), token.comb())) {
                    continue;
                }
                // On open paper a glyph the classifier firmly calls "not a digit" (a %, a W) stays whole;
                // in a field (a table cell is one too) only one it is certain of. A glyph too wide to be
                // one character may still be a digit touching a symbol (19%).
                boolean firmSymbol = (!inField && !whole.isDigit() && whole.probability() >= 0.8) || NumberAssembler.firmlyNotADigit(whole);
                // Fused digits (the 12 of 12.09.2025) can look like nothing the classifier knows but a
                // letter; a mark and a sure digit beyond it say they are digits after all.
                boolean numberPastMark = sureDigitPastMark(glyphs, classes, i, token.lineHeight())
                        || amongSureDigits(glyphs, classes, i, token.lineHeight());
                // Last in its token, right after a sure digit, and as wide as two digits but not three
                // (nor a digit run into a %): the fused 00 of a blurred "Mill Lane 100", which the
                // classifier firmly calls no character and no sure digit after it speaks for. Kept,
                // too, only as two sure digits.
                boolean trailingPair = !inField && pairShaped && i == glyphs.size() - 1
                        && g.box().width() <= TRAILING_PAIR_ASPECT * g.box().height()
                        && sureDigitRightBefore(glyphs, classes, i, token.lineHeight());
                if (!numberPastMark && !lonePair && !trailingPair && (NumberAssembler.firmlyNotADigit(whole)
                        || (firmSymbol && !fusedAmount && !TouchingDigitSplitter.surelySeveralGlyphs(g.box())))) {
                    continue;
                }
                TouchingDigitSplitter.Split split = splitter.trySplit(labels, g, classes.get(i), 1);
                if (split != null) {
                    split = withPercentSignWhole(labels, g, split, glyphs, classes, token.lineHeight());
                }
                if (split != null && !token.comb() && !wideEnoughFor(split, g, glyphs, classes, token.lineHeight())) {
                    split = null;
                }
                if (split != null && (lonePair || (trailingPair && !numberPastMark))
                        && (!twoSureDigits(split) || readsAsNineAndSix(split) || PercentShape.hasDiagonalRings(labels, g))) {
                    // Only two sure digits make such a glyph a number. A % alone (a VAT column's
                    // unit) is as wide as tall too: cut in two, its halves read as a sure 9 and 6,
                    // and at 200 DPI its rings may have closed.
                    split = null;
                }
                if (split != null) {
                    replaceByParts(glyphs, classes, i, split, tried);
                    splitNow = true;
                }
            }
            changed |= splitNow;
            if (!splitNow) {
                break;
            }
        }
        return changed ? token.withGlyphs(glyphs) : token;
    }


    /**
     * A split whose two neighbouring digit parts are together a % (see {@link PercentShape}) with
     * those parts put back together as one symbol: a 9 fused with the % after it is cut into three
     * parts that read as 9, 9 and 6. Touching 9 and 6 have the same two holes; they are two
     * digits wide where a % is one and a half, measured by the sure digits beside them.
     */
    static TouchingDigitSplitter.Split withPercentSignWhole(LabelImage labels, Glyph glyph, TouchingDigitSplitter.Split split,
            List<Glyph> glyphs, List<Classification> classes, double lineHeight) {
        List<Glyph> parts = split.parts();
        // The yardstick: the token's other digits and the split's other parts.
        List<Glyph> tokenOthers = new ArrayList<>();
        List<Classification> tokenOtherClasses = new ArrayList<>();
        addAllBut(glyphs, classes, glyph, tokenOthers, tokenOtherClasses);
        for (int k = 0; k + 1 < parts.size(); k++) {
            Glyph left = parts.get(k);
            Glyph right = parts.get(k + 1);
            if (!split.classes().get(k).isDigit() || !split.classes().get(k + 1).isDigit()) {
                continue;
            }
            List<Glyph> others = new ArrayList<>(tokenOthers);
            List<Classification> otherClasses = new ArrayList<>(tokenOtherClasses);
            for (int m = 0; m < parts.size(); m++) {
                if (m != k && m != k + 1) {
                    others.add(parts.get(m));
                    otherClasses.add(split.classes().get(m));
                }
            }
            double digitWidth = digitWidth(others, otherClasses, lineHeight);
            Glyph both = glyph.cropColumns(left.box().x(), right.box().right(), left.ink() + right.ink());
            if (digitWidth > 0 && both.box().width() < PERCENT_WIDTH * digitWidth && PercentShape.hasDiagonalRings(labels, both)) {
                List<Glyph> newParts = new ArrayList<>(parts.subList(0, k));
                List<Classification> newClasses = new ArrayList<>(split.classes().subList(0, k));
                newParts.add(both);
                newClasses.add(PERCENT_SIGN);
                newParts.addAll(parts.subList(k + 2, parts.size()));
                newClasses.addAll(split.classes().subList(k + 2, parts.size()));
                return new TouchingDigitSplitter.Split(newParts, newClasses);
            }
        }
        return split;
    }

    private static boolean twoSureDigits(TouchingDigitSplitter.Split split) {
        return split.parts().size() == 2 && split.classes().stream().allMatch(ScanService::isSureDigit);
    }

    private static boolean readsAsNineAndSix(TouchingDigitSplitter.Split split) {
        List<Classification> classes = split.classes();
        return classes.size() == 2 && classes.get(0).isDigit() && classes.get(0).label() == 9
                && classes.get(1).isDigit() && classes.get(1).label() == 6;
    }

    /** Adds the glyphs of a token and their classes to {@code glyphsOut} and {@code classesOut}, less {@code except}. */
    private static void addAllBut(List<Glyph> glyphs, List<Classification> classes, Glyph except, List<Glyph> glyphsOut,
            List<Classification> classesOut) {
        for (int j = 0; j < glyphs.size(); j++) {
            if (glyphs.get(j) != except) {
                glyphsOut.add(glyphs.get(j));
                classesOut.add(classes.get(j));
            }
        }
    }

    /**
     * The usual width of a digit among {@code glyphs}: the median of the sure digits of full
     * height, less 1s (narrow) and any wider than a digit is (touching ones, 44 read as a 4); 0
     * when there are none.
     */
    private static double digitWidth(List<Glyph> glyphs, List<Classification> classes, double lineHeight) {
        List<Integer> widths = new ArrayList<>();
        for (int j = 0; j < glyphs.size(); j++) {
            Classification c = classes.get(j);
            Box b = glyphs.get(j).box();
            if (isSureDigit(c) && c.label() != 1 && b.height() >= FULL_HEIGHT * lineHeight
                    && b.width() <= ONE_DIGIT_ASPECT * b.height()) {
                widths.add(b.width());
            }
        }
        if (widths.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(widths);
        return widths.get(widths.size() / 2);
    }

    /**
     * Whether {@code glyph} is as wide as the digits it would be cut into, measured by the sure
     * digits beside it (1s aside, which are narrow): a % is about one and a half digits wide, and
     * cut in two its halves read as a sure 9 and 6 (19% as 1996), while two touching digits are
     * nearly two. Without such neighbours there is nothing to measure by.
     */
    static boolean wideEnoughFor(TouchingDigitSplitter.Split split, Glyph glyph, List<Glyph> glyphs,
            List<Classification> classes, double lineHeight) {
        // Two sure digits that are no 9 and 6 are no cut %: condensed print's 79 may be a little narrower.
        double share = twoSureDigits(split) && !readsAsNineAndSix(split) ? SURE_PART_OF_A_DIGIT : PART_OF_A_DIGIT;
        List<Glyph> others = new ArrayList<>();
        List<Classification> otherClasses = new ArrayList<>();
        addAllBut(glyphs, classes, glyph, others, otherClasses);
        double digitWidth = digitWidth(others, otherClasses, lineHeight);
        if (digitWidth == 0) {
            return true;
        }
        double needed = 0;
        for (Classification c : split.classes()) {
            if (c.isDigit()) {
                needed += (c.label() == 1 ? NARROW_ONE : share) * digitWidth;
            }
        }
        return glyph.box().width() >= needed;
    }

    private static List<Box> otherBoxes(List<Glyph> glyphs, int except) {
        List<Box> boxes = new ArrayList<>(glyphs.size());
        for (int i = 0; i < glyphs.size(); i++) {
            if (i != except) {
                boxes.add(glyphs.get(i).box());
            }
        }
        return boxes;
    }

    /**
     * Puts a piece of ink torn off a digit in a form field back into it (see
     * {@link NumberAssembler#fragmentOwner}), where the classifier reads the two together as a
     * digit; left apart, the piece would cut the field's number in two.
     */
    private Token joinStrokeFragments(LabelImage labels, Token token, List<Classification> classes) {
        if (token.field() < 0) {
            return token;
        }
        List<Glyph> glyphs = new ArrayList<>(token.glyphs());
        java.util.Set<Glyph> refused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean changed = false;
        boolean again = true;
        while (again) {
            again = false;
            for (int i = 0; i < glyphs.size(); i++) {
                Glyph piece = glyphs.get(i);
                int owner = refused.contains(piece) ? -1
                        : NumberAssembler.fragmentOwner(glyphs, i, token.lineHeight(), token.baseline());
                if (owner < 0) {
                    continue;
                }
                Glyph digit = glyphs.get(owner);
                Glyph whole = Glyph.union(List.of(digit, piece));
                Classification c = classifier.classify(labels, List.of(whole)).get(0);
                if (!c.isDigit() || c.probability() < MIN_JOINED_FRAGMENT_PROBABILITY) {
                    refused.add(piece);
                    continue;
                }
                glyphs.set(owner, whole);
                classes.set(owner, c);
                glyphs.remove(i);
                classes.remove(i);
                // What the piece joined may now reach under the next piece (the two halves of a lost foot).
                refused.clear();
                changed = true;
                again = true;
                break;
            }
        }
        return changed ? token.withGlyphs(glyphs) : token;
    }

    /**
     * The mirror of splitting: two narrow, unsure neighbours that the classifier reads as one sure
     * digit when taken together. A light serif face loses the hairlines of its 0 when scanned,
     * leaving two bars; a sure 1 beside another (11) is never joined, so this needs no digit context.
     */
    private Token joinBrokenDigits(LabelImage labels, Token token, List<Classification> classes) {
        List<Glyph> glyphs = new ArrayList<>(token.glyphs());
        double lineHeight = token.lineHeight();
        List<Integer> candidates = new ArrayList<>();
        List<Glyph> joined = new ArrayList<>();
        for (int i = 0; i + 1 < glyphs.size(); i++) {
            Box a = glyphs.get(i).box();
            Box b = glyphs.get(i + 1).box();
            Box both = a.union(b);
            boolean narrow = a.width() < 0.45 * a.height() && b.width() < 0.45 * b.height();
            boolean tall = a.height() >= 0.6 * lineHeight && b.height() >= 0.6 * lineHeight;
            boolean close = b.x() - a.right() <= 0.25 * lineHeight;
            boolean unsure = !isSureDigit(classes.get(i)) && !isSureDigit(classes.get(i + 1));
            if (narrow && tall && close && unsure && both.width() <= 0.9 * both.height()) {
                candidates.add(i);
                joined.add(Glyph.union(glyphs.subList(i, i + 2)));
            }
        }
        if (candidates.isEmpty()) {
            return token;
        }
        List<Classification> joinedClasses = classifier.classify(labels, joined);
        boolean changed = false;
        // From the right, so earlier indices stay valid; a glyph joins at most one neighbour.
        int lastJoined = Integer.MAX_VALUE;
        for (int k = candidates.size() - 1; k >= 0; k--) {
            int i = candidates.get(k);
            Classification c = joinedClasses.get(k);
            if (i + 1 >= lastJoined || !isSureDigit(c)) {
                continue;
            }
            glyphs.set(i, joined.get(k));
            glyphs.remove(i + 1);
            classes.set(i, c);
            classes.remove(i + 1);
            lastJoined = i;
            changed = true;
        }
        return changed ? token.withGlyphs(glyphs) : token;
    }

    /**
     * Whether a token is nothing but glyphs too wide for one character that the classifier does
     * not firmly call symbols, digits, and marks between them: an amount whose digits touch in
     * pairs, or a fused quantity alone in its cell.
     */
    static boolean onlyFusedAndDigits(List<Glyph> glyphs, List<Classification> classes, double lineHeight) {
        boolean markWithin = markBetweenCharacters(glyphs, lineHeight);
        int fused = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            Classification c = classes.get(i);
            if (isMark(g, lineHeight)) {
                continue;
            }
            boolean wide = markWithin ? TouchingDigitSplitter.mayHoldSeveralDigits(g.box(), lineHeight)
                    : TouchingDigitSplitter.surelySeveralGlyphs(g.box());
            if (wide && !NumberAssembler.firmlyNotADigit(c)) {
                fused++;
            } else if (!c.isDigit()) {
                return false;
            }
        }
        return fused > 0;
    }

    /**
     * A mark with characters on both sides (the comma of 46,80): condensed print can fuse a pair of
     * digits into a glyph no wider than it is tall, and such a mark says the pairs are digits.
     */
    private static boolean markBetweenCharacters(List<Glyph> glyphs, double lineHeight) {
        for (int i = 1; i + 1 < glyphs.size(); i++) {
            if (isMark(glyphs.get(i), lineHeight) && !isMark(glyphs.get(i - 1), lineHeight)
                    && !isMark(glyphs.get(i + 1), lineHeight)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A small mark or a slash right beside glyph {@code i}, and a sure digit right beyond it, on
     * either side: the serif 11 of 11/2022, fused into one glyph that reads as a letter.
     */
    static boolean sureDigitPastMark(List<Glyph> glyphs, List<Classification> classes, int i, double lineHeight) {
        for (int step : new int[] {-1, 1}) {
            int mark = i + step;
            int beyond = i + 2 * step;
            if (beyond >= 0 && beyond < glyphs.size()
                    && (isMark(glyphs.get(mark), lineHeight) || isSlash(glyphs.get(mark), classes.get(mark), lineHeight))
                    && !isMark(glyphs.get(beyond), lineHeight) && isSureDigit(classes.get(beyond))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the nearest glyph before glyph {@code i} that is no mark is a sure digit. */
    private static boolean sureDigitRightBefore(List<Glyph> glyphs, List<Classification> classes, int i, double lineHeight) {
        for (int j = i - 1; j >= 0; j--) {
            if (!isMark(glyphs.get(j), lineHeight)) {
                return isSureDigit(classes.get(j));
            }
        }
        return false;
    }

    /**
     * Every other character of the token is a sure digit (its marks aside), and one follows: a
     * glyph there that reads as a letter is digits fused into one (a serif 11 whose feet touch
     * reads as an H). A last one may be a % sign, which must stay whole.
     */
    static boolean amongSureDigits(List<Glyph> glyphs, List<Classification> classes, int i, double lineHeight) {
        int digits = 0;
        boolean digitAfter = false;
        int start = numberStart(glyphs, i, lineHeight);
        // A symbol before a run of sure digits (the + of +49 48 3003838) starts the number: an
        // unsure digit there still speaks for the glyph, a symbol does not.
        int sureBefore = 0;
        for (int j = i - 1; j >= start; j--) {
            if (isMark(glyphs.get(j), lineHeight)) {
                continue;
            }
            if (isSureDigit(classes.get(j))) {
                sureBefore++;
                continue;
            }
            if (!classes.get(j).isDigit() && sureBefore > 0) {
                start = j + 1;
            }
            break;
        }
        for (int j = start; j < glyphs.size(); j++) {
            if (j == i || isMark(glyphs.get(j), lineHeight)) {
                continue;
            }
            if (!isSureDigit(classes.get(j))) {
                return false;
            }
            digits++;
            digitAfter |= j > i;
        }
        return digitAfter && digits >= MIN_DIGITS_AROUND_FUSED;
    }

    /**
     * Where the part of a token that glyph {@code i} belongs to starts: past the last mark before
     * it, so that an unsure character in another part (the 10 of 28.10.2024) does not speak for it.
     */
    private static int numberStart(List<Glyph> glyphs, int i, double lineHeight) {
        for (int j = i - 1; j >= 0; j--) {
            if (isMark(glyphs.get(j), lineHeight)) {
                return j + 1;
            }
        }
        return 0;
    }

    /**
     * Shaped like a slash: as tall as the line's characters, under half as wide as tall, and no
     * sure digit (a slash often reads as an unsure 1; the assembler tells them apart by its lean).
     */
    private static boolean isSlash(Glyph glyph, Classification c, double lineHeight) {
        Box b = glyph.box();
        return !isSureDigit(c) && b.height() >= FULL_HEIGHT * lineHeight && b.width() < SLASH_WIDTH * b.height();
    }

    /** A mark (a period, comma or hyphen), not a character: less than half the line's character height. */
    static boolean isMark(Glyph glyph, double lineHeight) {
        return glyph.box().height() < 0.5 * lineHeight;
    }

    static boolean isSureDigit(Classification c) {
        return c.isDigit() && c.probability() >= SURE;
    }

    /**
     * Whether glyph {@code i}, of a digit's height, is {@link #WIDE_AMONG_DIGITS} times as wide as
     * the median of at least two other full-height digits of its token (1s aside): printed digits
     * are about equally wide.
     *
     * @param widths scratch of at least {@code glyphs.size()} entries
     */
    static boolean wideAmongItsDigits(List<Glyph> glyphs, List<Classification> classes, int i, double lineHeight, int[] widths) {
        Box b = glyphs.get(i).box();
        if (b.height() < FULL_HEIGHT * lineHeight) {
            return false;
        }
        int n = 0;
        for (int j = 0; j < glyphs.size(); j++) {
            Box o = glyphs.get(j).box();
            Classification c = classes.get(j);
            if (j != i && c.isDigit() && c.label() != 1 && o.height() >= FULL_HEIGHT * lineHeight) {
                widths[n++] = o.width();
            }
        }
        if (n < 2) {
            return false;
        }
        java.util.Arrays.sort(widths, 0, n);
        return b.width() >= WIDE_AMONG_DIGITS * widths[n / 2];
    }

    /** Puts {@code split}'s parts and their classes where glyph {@code i} was; the parts are not tried again. */
    private static void replaceByParts(List<Glyph> glyphs, List<Classification> classes, int i, TouchingDigitSplitter.Split split,
            java.util.Set<Glyph> tried) {
        glyphs.remove(i);
        classes.remove(i);
        glyphs.addAll(i, split.parts());
        classes.addAll(i, split.classes());
        tried.addAll(split.parts());
    }

    /** Glyphs next to a digit the classifier is sure of, or one character over past a separator (578,84; 11/2022). */
    private boolean[] besideSureDigits(List<Glyph> glyphs, List<Classification> classes, double lineHeight) {
        double digitHeight = options.assemble().minDigitHeight() * lineHeight;
        boolean[] beside = new boolean[glyphs.size()];
        for (int i = 0; i < glyphs.size(); i++) {
            Classification c = classes.get(i);
            if (!(isSureDigit(c) && glyphs.get(i).box().height() >= digitHeight)) {
                continue;
            }
            for (int step : new int[] {-1, 1}) {
                int j = i + step;
                if (j < 0 || j >= glyphs.size()) {
                    continue;
                }
                beside[j] = true;
                if ((isMark(glyphs.get(j), lineHeight) || isSlash(glyphs.get(j), classes.get(j), lineHeight))
                        && j + step >= 0 && j + step < glyphs.size()) {
                    beside[j + step] = true;
                }
            }
        }
        return beside;
    }
}
