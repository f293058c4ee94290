package io.numscan.train.eval;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.ModelStore;
import io.numscan.train.LabelledCrops;
import io.numscan.train.TrainingCorpus;
import io.numscan.train.data.DigitSplits;
import java.io.IOException;
import java.nio.file.Path;

/** Loads a model and measures it on the held-out test split in the canonical view: what evaluate and report share. */
public final class TestSplitEvaluation {
    private TestSplitEvaluation() {
    }

    /** The evaluated model with its metadata and the crops it was measured on. */
    public record Measured(ModelStore.Located model, ClassifierEvaluator.Result result, LabelledCrops crops) {
    }

    public static LabelledCrops testCrops(Path dataDir) throws IOException {
        return TrainingCorpus.canonicalHandwritten(DigitSplits.load(dataDir, DigitSplits.TEST));
    }

    public static Measured measure(ModelStore store, String kind, LabelledCrops crops, boolean speed) throws IOException {
        ModelStore.Located located = store.locate(kind);
        try (DigitClassifier classifier = store.load(kind)) {
            ClassifierEvaluator.Result result = ClassifierEvaluator.evaluate(classifier, crops,
                    "test split, handwritten, canonical view", located.sizeBytes(), speed);
            return new Measured(located, result, crops);
        }
    }
}
