package io.numscan.train;

import io.numscan.classify.CnnDigitClassifier;
import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
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
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Trains the convolutional digit classifier on handwritten train-split digits plus printed
 * glyphs, keeps the epoch with the best validation accuracy, measures it once on the test split
 * and writes weights, metadata and model card.
 */
public final class CnnTrainer implements DigitTrainer {
    public static final String ARCHITECTURE = architecture(DigitClasses.COUNT);

    private final TrainOptions options;
    private final TrainingProgress progress;

    public CnnTrainer(TrainOptions options, TrainingProgress progress) {
        this.options = options;
        this.progress = progress;
    }

    public record Result(ModelMetadata metadata, Path weights, double testAccuracy, double printedTestAccuracy,
            List<double[]> history) implements TrainedModel {
    }

    @Override
    public String kind() {
        return "cnn";
    }

    public static MultiLayerNetwork newNetwork(long seed, double learningRate) {
        return newNetwork(seed, learningRate, DigitClasses.COUNT);
    }

    /** {@link #newNetwork}'s layers and training, as model cards state them. */
    static String architecture(int classes) {
        return "conv5x5x32-relu, maxpool2, conv3x3x64-relu, maxpool2, dense256-relu (dropout 0.5), softmax" + classes
                + "; Adam, learning rate decayed 0.8x per epoch, L2 1e-4";
    }

    /** The shipped architecture with {@code classes} outputs. */
    static MultiLayerNetwork newNetwork(long seed, double learningRate, int classes) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, 0.8)))
                .weightInit(WeightInit.RELU)
                .l2(1e-4)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nIn(1).nOut(32).stride(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).stride(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).dropOut(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(CropNormalizer.SIZE, CropNormalizer.SIZE, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Override
    public Result train() throws IOException {
        long started = System.nanoTime();
        Nd4j.getRandom().setSeed(options.seed());
        TrainingData data = TrainingData.load(options);
        DigitSet train = data.train();
        DigitSet validation = data.validation();
        List<FontCatalog.NamedFont> fonts = FontCatalog.load(options.fontDir());
        progress.message("fonts: " + fonts.size() + " under " + options.fontDir() + "; handwritten train digits: "
                + train.size() + "; backend: " + NdBackend.describe());
        TrainingCorpus corpus = new TrainingCorpus(fonts);

        // Fixed validation crops, from seeds no training epoch uses.
        LabelledCrops handwrittenValidation = corpus.handwritten(validation, false, null);
        LabelledCrops printedValidation = corpus.printed(2, 0.3, new Random(options.seed() + 1_000_003));

        MultiLayerNetwork net = newNetwork(options.seed(), options.learningRate());
        ModelInfo info = new ModelInfo("cnn", "training", Double.NaN, NdBackend.describe(), "in training");
        BestEpoch best = new BestEpoch("cnn", options.patience());
        List<double[]> history = new ArrayList<>();
        for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
            Random epochRandom = new Random(options.seed() * 31 + epoch);
            LabelledCrops crops = new LabelledCrops(train.size() * options.handwrittenRepeats());
            for (int r = 0; r < options.handwrittenRepeats(); r++) {
                crops.addAll(corpus.handwritten(train, true, epochRandom));
            }
            crops.addAll(corpus.printed(options.printedPerDigit(), options.negativeShare(), epochRandom));
            double loss = fitEpoch(net, crops, DigitClasses.COUNT, options, progress, epoch, epochRandom);
            net.incrementEpochCount();
            CnnDigitClassifier current = new CnnDigitClassifier(net, info);
            double handwrittenAccuracy = Evaluator.accuracy(Evaluator.confusion(current, handwrittenValidation));
            double printedAccuracy = Evaluator.accuracy(Evaluator.confusion(current, printedValidation));
            double score = (handwrittenAccuracy + printedAccuracy) / 2;
            history.add(new double[] {epoch, loss, handwrittenAccuracy, printedAccuracy});
            progress.message(String.format(java.util.Locale.ROOT,
                    "epoch %d: loss %.4f, validation accuracy handwritten %.4f, printed %.4f (%d crops)",
                    epoch, loss, handwrittenAccuracy, printedAccuracy, crops.size()));
            if (!best.record(net, epoch, score)) {
                progress.message("no improvement for " + options.patience() + " epochs; stopping");
                break;
            }
        }
        CnnDigitClassifier bestClassifier = new CnnDigitClassifier(best.restore(), info);
        // The test split is looked at exactly once, after every choice has been made.
        DigitSet test = data.test();
        long[][] testConfusion = Evaluator.confusion(bestClassifier, corpus.handwritten(test, false, null));
        double testAccuracy = Evaluator.accuracy(testConfusion);
        double printedTest = Evaluator.accuracy(Evaluator.confusion(bestClassifier,
                corpus.printed(2, 0.3, new Random(options.seed() + 2_000_003))));
        Files.createDirectories(options.outputDir());
        Path weights = options.outputDir().resolve(ModelStore.weightsFile("cnn"));
        best.moveTo(weights);

        double minutes = (System.nanoTime() - started) / 60e9;
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("architecture", ARCHITECTURE);
        training.put("seed", options.seed());
        training.put("handwrittenTrainDigits", train.size());
        training.put("fonts", fonts.stream().map(FontCatalog.NamedFont::file).toList());
        training.put("handwrittenRepeatsPerEpoch", options.handwrittenRepeats());
        training.put("printedPerDigitPerFontPerEpoch", options.printedPerDigit());
        training.put("nonDigitShare", options.negativeShare());
        training.put("nonDigitCharacters", TrainingCorpus.NON_DIGITS);
        training.put("epochsRun", history.size());
        training.put("bestEpoch", best.epoch());
        training.put("batchSize", options.batchSize());
        training.put("learningRate", options.learningRate());
        training.put("validationHandwrittenAccuracy", history.get(best.epoch() - 1)[2]);
        training.put("validationPrintedAccuracy", history.get(best.epoch() - 1)[3]);
        training.put("printedTestAccuracy", printedTest);
        training.put("testConfusion", testConfusion);
        training.put("history", history);
        training.put("trainingMinutes", Math.round(minutes * 10) / 10.0);
        training.put("backend", NdBackend.describe());
        ModelMetadata metadata = new ModelMetadata("cnn", ModelFiles.sha256Prefix(weights), testAccuracy, training);
        ModelFiles.writeMetadata(options.outputDir().resolve(ModelStore.metadataFile("cnn")), metadata);
        ModelFiles.writeCard(options.outputDir().resolve("cnn-digits.md"), metadata);
        progress.message(String.format(java.util.Locale.ROOT,
                "test split accuracy %.4f (handwritten, %d digits); printed test accuracy %.4f; best epoch %d; %.1f min",
                testAccuracy, test.size(), printedTest, best.epoch(), minutes));
        return new Result(metadata, weights, testAccuracy, printedTest, history);
    }

    /** One pass over {@code crops} in shuffled batches; returns the mean loss. */
    static double fitEpoch(MultiLayerNetwork net, LabelledCrops crops, int classes, TrainOptions options,
            TrainingProgress progress, int epoch, Random random) {
        int n = crops.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int batch = options.batchSize();
        int batches = (n + batch - 1) / batch;
        progress.startEpoch();
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * batch;
            int count = Math.min(batch, n - from);
            float[] features = new float[count * CropNormalizer.PIXELS];
            float[] labels = new float[count * classes];
            for (int i = 0; i < count; i++) {
                int idx = order[from + i];
                crops.copyCrop(idx, features, i * CropNormalizer.PIXELS);
                labels[i * classes + crops.label(idx)] = 1f;
            }
            try (INDArray f = Nd4j.create(features, count, CropNormalizer.PIXELS);
                    INDArray l = Nd4j.create(labels, count, classes)) {
                net.fit(new DataSet(f, l));
            }
            double loss = net.score();
            lossSum += loss;
            progress.batch(epoch, options.maxEpochs(), b + 1, batches, loss);
        }
        return lossSum / batches;
    }
}
