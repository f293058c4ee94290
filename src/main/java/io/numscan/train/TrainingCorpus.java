package io.numscan.train;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.train.FontCatalog.NamedFont;
import io.numscan.train.data.DigitSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the crops a classifier learns and is measured on: handwritten MNIST digits, printed
 * digits and printed non-digits from the installed fonts.
 */
public final class TrainingCorpus {
    /**
     * Characters that stand for "not a digit". Left out: I, l, | and O, o, which many fonts draw
     * exactly as a handwritten 1 or 0; context in the assemble stage deals with those.
     */
    public static final String NON_DIGITS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz$%&()#*+=@€£:;?!<>[]{}\"'\\/~^_§¥";

    private final List<NamedFont> fonts;
    private final MnistAugmenter mnist = new MnistAugmenter();
    private final GlyphRenderer renderer = new GlyphRenderer();
    private final CropNormalizer normalizer = new CropNormalizer();
    private final List<String> negativesPerFont;

    public TrainingCorpus(List<NamedFont> fonts) {
        this.fonts = List.copyOf(fonts);
        this.negativesPerFont = new ArrayList<>();
        for (NamedFont font : fonts) {
            negativesPerFont.add(distinctNonDigits(font));
        }
    }

    public List<NamedFont> fonts() {
        return fonts;
    }

    /** Handwritten digits as a 300-DPI form shows them, undistorted: what validation and test measure. */
    public static LabelledCrops canonicalHandwritten(DigitSet set) {
        MnistAugmenter mnist = new MnistAugmenter();
        CropNormalizer normalizer = new CropNormalizer();
        LabelledCrops crops = new LabelledCrops(set.size());
        for (int i = 0; i < set.size(); i++) {
            crops.add(normalizer, mnist.canonical(set, i), set.label(i));
        }
        return crops;
    }

    public LabelledCrops handwritten(DigitSet set, boolean augment, Random random) {
        if (!augment) {
            return canonicalHandwritten(set);
        }
        LabelledCrops crops = new LabelledCrops(set.size());
        for (int i = 0; i < set.size(); i++) {
            Mask mask = augment ? mnist.augmented(set, i, random) : mnist.canonical(set, i);
            crops.add(normalizer, mask, set.label(i));
        }
        return crops;
    }

    /**
     * @param perDigit renderings of each digit in each font
     * @param negativeShare fraction of each font's non-digit characters rendered (0..1)
     */
    public LabelledCrops printed(int perDigit, double negativeShare, Random random) {
        LabelledCrops crops = new LabelledCrops(fonts.size() * (10 * perDigit + NON_DIGITS.length()));
        for (int f = 0; f < fonts.size(); f++) {
            NamedFont font = fonts.get(f);
            for (int d = 0; d <= 9; d++) {
                for (int v = 0; v < perDigit; v++) {
                    crops.add(normalizer, renderer.render(font.font(), Integer.toString(d), printedHeight(random), true, random), d);
                }
            }
            String negatives = negativesPerFont.get(f);
            for (int i = 0; i < negatives.length(); i++) {
                if (random.nextDouble() < negativeShare) {
                    String ch = String.valueOf(negatives.charAt(i));
                    crops.add(normalizer, renderer.render(font.font(), ch, printedHeight(random), true, random),
                            DigitClasses.NOT_A_DIGIT);
                }
            }
        }
        return crops;
    }

    /** Log-uniform 10..64 px: small print matters as much as headings. */
    private static int printedHeight(Random random) {
        return (int) Math.round(Math.exp(Math.log(10) + random.nextDouble() * (Math.log(64) - Math.log(10))));
    }

    /** The font's non-digits minus any it draws nearly the same as one of its digits. */
    private String distinctNonDigits(NamedFont font) {
        float[] digits = new float[10 * CropNormalizer.PIXELS];
        for (int d = 0; d <= 9; d++) {
            Mask mask = renderer.render(font.font(), Integer.toString(d), 48, false, null);
            normalizer.normalize(mask, mask.frame(), digits, d * CropNormalizer.PIXELS);
        }
        StringBuilder keep = new StringBuilder();
        float[] crop = new float[CropNormalizer.PIXELS];
        for (int i = 0; i < NON_DIGITS.length(); i++) {
            char c = NON_DIGITS.charAt(i);
            if (!font.font().canDisplay(c)) {
                continue;
            }
            Mask mask = renderer.render(font.font(), String.valueOf(c), 48, false, null);
            if (!normalizer.normalize(mask, mask.frame(), crop, 0)) {
                continue;
            }
            double closest = Double.MAX_VALUE;
            for (int d = 0; d <= 9; d++) {
                double diff = 0;
                for (int p = 0; p < CropNormalizer.PIXELS; p++) {
                    diff += Math.abs(crop[p] - digits[d * CropNormalizer.PIXELS + p]);
                }
                closest = Math.min(closest, diff / CropNormalizer.PIXELS);
            }
            if (closest > 0.04) {
                keep.append(c);
            }
        }
        return keep.toString();
    }
}
