package io.numscan.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.numscan.train.CnnTrainer;
import io.numscan.train.LabelledCrops;
import io.numscan.train.TrainingCorpus;
import io.numscan.train.data.DigitSplits;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The hand-written forward pass gives DL4J's probabilities for the shipped model, on real digits. */
class CnnInferenceTest {
    @Test
    void matchesDl4jOnTheTestSplit() throws Exception {
        MultiLayerNetwork net;
        try (InputStream in = Files.newInputStream(Path.of("models", "cnn-digits.zip"))) {
            net = ModelSerializer.restoreMultiLayerNetwork(in, false);
        }
        LabelledCrops crops = TrainingCorpus.canonicalHandwritten(DigitSplits.load(Path.of("data"), DigitSplits.TEST));
        int n = 300; // not a multiple of the chunk size: the last chunk is partial
        float[] input = new float[n * CropNormalizer.PIXELS];
        for (int i = 0; i < n; i++) {
            crops.copyCrop(i, input, i * CropNormalizer.PIXELS);
        }
        float[] expected;
        try (INDArray x = Nd4j.create(input, n, CropNormalizer.PIXELS); INDArray y = net.output(x, false)) {
            expected = y.data().asFloat();
        }
        try (CnnInference inference = CnnInference.of(net).orElseThrow()) {
            for (int threads : new int[] {1, 2}) {
                float[] actual = new float[n * DigitClasses.COUNT];
                inference.predict(input, n, actual, threads);
                double worst = 0;
                for (int i = 0; i < actual.length; i++) {
                    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
                }
                assertTrue(worst < 2e-5, "largest difference from DL4J " + worst + " with " + threads + " threads");
                for (int i = 0; i < n; i++) {
                    assertEquals(argmax(expected, i), argmax(actual, i), "crop " + i);
                }
            }
        }
    }

    @Test
    void declinesANetworkOfAnotherShape() {
        MultiLayerNetwork dense = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().list()
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(CropNormalizer.PIXELS).nOut(16).build())
                .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nIn(16).nOut(DigitClasses.COUNT)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build());
        dense.init();
        assertTrue(CnnInference.of(dense).isEmpty());
        assertTrue(CnnInference.of(CnnTrainer.newNetwork(1, 1e-3)).isPresent());
    }

    private static int argmax(float[] p, int crop) {
        int best = 0;
        for (int j = 1; j < DigitClasses.COUNT; j++) {
            if (p[crop * DigitClasses.COUNT + j] > p[crop * DigitClasses.COUNT + best]) {
                best = j;
            }
        }
        return best;
    }
}
