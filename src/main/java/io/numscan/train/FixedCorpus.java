package io.numscan.train;

import io.numscan.classify.NdBackend;
import io.numscan.train.data.DigitSet;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * The one fixed set of crops the SVM and k-NN learn from (they take no epochs): handwritten train
 * digits in the canonical view, each also once augmented, plus printed digits and non-digits; and
 * the validation crops every hyper-parameter choice is made on (printed ones from the CNN's
 * validation seed).
 */
record FixedCorpus(TrainingData data, TrainingCorpus corpus, LabelledCrops handwritten,
        LabelledCrops printed, LabelledCrops validation, LabelledCrops printedValidation) {

    static FixedCorpus build(TrainOptions options, TrainingProgress progress, int augmentedCopies, int printedPerDigit,
            double negativeShare) throws IOException {
        TrainingData data = TrainingData.load(options);
        List<FontCatalog.NamedFont> fonts = FontCatalog.load(options.fontDir());
        TrainingCorpus corpus = new TrainingCorpus(fonts);
        Random random = new Random(options.seed());
        LabelledCrops handwritten = handwritten(corpus, data.train(), augmentedCopies, random);
        LabelledCrops printed = corpus.printed(printedPerDigit, negativeShare, random);
        LabelledCrops validation = TrainingCorpus.canonicalHandwritten(data.validation());
        LabelledCrops printedValidation = corpus.printed(2, 0.3, new Random(options.seed() + 1_000_003));
        progress.message("fonts: " + fonts.size() + " under " + options.fontDir() + "; handwritten train digits: "
                + data.train().size() + " (+" + augmentedCopies + " augmented cop" + (augmentedCopies == 1 ? "y" : "ies")
                + " each); printed crops: " + printed.size() + "; backend: " + NdBackend.describe());
        return new FixedCorpus(data, corpus, handwritten, printed, validation, printedValidation);
    }

    /** Canonical view of every digit, then {@code copies} augmented views. */
    static LabelledCrops handwritten(TrainingCorpus corpus, DigitSet set, int copies, Random random) {
        LabelledCrops crops = new LabelledCrops(set.size() * (1 + copies));
        crops.addAll(TrainingCorpus.canonicalHandwritten(set));
        for (int c = 0; c < copies; c++) {
            crops.addAll(corpus.handwritten(set, true, random));
        }
        return crops;
    }

    /** Handwritten (canonical only) of a subset of the train digits, for learning curves. */
    LabelledCrops handwrittenSubset(int digits, int copies, long seed) {
        DigitSet subset = TrainingData.spread(data.train(), digits);
        return handwritten(corpus, subset, copies, new Random(seed));
    }

    List<String> fontFiles() {
        return corpus.fonts().stream().map(FontCatalog.NamedFont::file).toList();
    }

    LabelledCrops all() {
        LabelledCrops all = new LabelledCrops(handwritten.size() + printed.size());
        all.addAll(handwritten);
        all.addAll(printed);
        return all;
    }
}
