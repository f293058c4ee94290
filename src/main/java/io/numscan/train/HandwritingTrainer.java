package io.numscan.train;

import io.numscan.classify.HandwritingClassifier;
import io.numscan.classify.ModelInfo;
import io.numscan.classify.ModelMetadata;
import io.numscan.classify.ModelStore;
import io.numscan.classify.NdBackend;
import io.numscan.train.data.DigitSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the form fields' digit reader ({@link HandwritingClassifier}): the CNN's architecture with
 * ten outputs, on handwritten train-split digits only, each drawn anew several times per epoch.
 * The page classifier shares its capacity with 112 fonts and their letters and is chosen on the
 * mean of handwritten and printed validation accuracy; this one is chosen on handwriting alone.
 */
public final class HandwritingTrainer implements DigitTrainer {
    public static final String ARCHITECTURE = CnnTrainer.architecture(HandwritingClassifier.CLASSES);
    /** Differently distorted copies of each train digit per epoch: with no printed glyphs, more of them. */
    static final int REPEATS = 4;

    private final TrainOptions options;
    private final TrainingProgress progress;

    public HandwritingTrainer(TrainOptions options, TrainingProgress progress) {
        this.options = options;
        this.progress = progress;
    }

    @Override
    public String kind() {
        return HandwritingClassifier.KIND;
    }

    @Override
    public Saved train() throws IOException {
        long started = System.nanoTime();
        Nd4j.getRandom().setSeed(options.seed());
        TrainingData data = TrainingData.load(options);
        DigitSet train = data.train();
        progress.message("handwritten train digits: " + train.size() + "; backend: " + NdBackend.describe());
        TrainingCorpus corpus = new TrainingCorpus(List.of());
        LabelledCrops validation = TrainingCorpus.canonicalHandwritten(data.validation());

        MultiLayerNetwork net = CnnTrainer.newNetwork(options.seed(), options.learningRate(), HandwritingClassifier.CLASSES);
        ModelInfo info = new ModelInfo(HandwritingClassifier.KIND, "training", Double.NaN, NdBackend.describe(), "in training");
        BestEpoch best = new BestEpoch(HandwritingClassifier.KIND, options.patience());
        List<List<Double>> history = new ArrayList<>();
        for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
            Random epochRandom = new Random(options.seed() * 31 + epoch);
            LabelledCrops crops = new LabelledCrops(train.size() * REPEATS);
            for (int r = 0; r < REPEATS; r++) {
                crops.addAll(corpus.handwritten(train, true, epochRandom));
            }
            double loss = CnnTrainer.fitEpoch(net, crops, HandwritingClassifier.CLASSES, options, progress, epoch, epochRandom);
            net.incrementEpochCount();
            double accuracy = accuracy(new HandwritingClassifier(net, info), validation);
            history.add(List.of((double) epoch, loss, accuracy));
            progress.message(String.format(java.util.Locale.ROOT, "epoch %d: loss %.4f, validation accuracy %.4f (%d crops)",
                    epoch, loss, accuracy, crops.size()));
            if (!best.record(net, epoch, accuracy)) {
                progress.message("no improvement for " + options.patience() + " epochs; stopping");
                break;
            }
        }
        // The test split is looked at exactly once, after every choice has been made.
        LabelledCrops test = TrainingCorpus.canonicalHandwritten(data.test());
        long[][] testConfusion = confusion(new HandwritingClassifier(best.restore(), info), test);
        double testAccuracy = Evaluator.accuracy(testConfusion);
        Files.createDirectories(options.outputDir());
        Path weights = options.outputDir().resolve(ModelStore.weightsFile(HandwritingClassifier.KIND));
        best.moveTo(weights);

        double minutes = (System.nanoTime() - started) / 60e9;
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("architecture", ARCHITECTURE);
        training.put("data", data.description());
        training.put("seed", options.seed());
        training.put("handwrittenTrainDigits", train.size());
        training.put("handwrittenRepeatsPerEpoch", REPEATS);
        training.put("epochsRun", history.size());
        training.put("bestEpoch", best.epoch());
        training.put("batchSize", options.batchSize());
        training.put("learningRate", options.learningRate());
        training.put("validationHandwrittenAccuracy", best.score());
        training.put("testConfusion", testConfusion);
        training.put("history", history);
        training.put("trainingMinutes", Math.round(minutes * 10) / 10.0);
        training.put("backend", NdBackend.describe());
        ModelMetadata metadata = new ModelMetadata(HandwritingClassifier.KIND, ModelFiles.sha256Prefix(weights), testAccuracy, training);
        ModelFiles.writeMetadata(options.outputDir().resolve(ModelStore.metadataFile(HandwritingClassifier.KIND)), metadata);
        ModelCards.writeHandwriting(options.outputDir().resolve(HandwritingClassifier.KIND + "-digits.md"), metadata);
        progress.message(String.format(java.util.Locale.ROOT,
                "test split accuracy %.4f (handwritten, %d digits); best epoch %d; %.1f min", testAccuracy, test.size(), best.epoch(), minutes));
        return new Saved(metadata, weights);
    }

    public static double accuracy(HandwritingClassifier classifier, LabelledCrops crops) {
        return Evaluator.accuracy(confusion(classifier, crops));
    }

    /** Rows: truth, columns: the digit read (ten classes). */
    public static long[][] confusion(HandwritingClassifier classifier, LabelledCrops crops) {
        return Evaluator.confusion(classifier::predict, HandwritingClassifier.CLASSES, crops, new int[crops.size()],
                new float[crops.size()]);
    }
}
