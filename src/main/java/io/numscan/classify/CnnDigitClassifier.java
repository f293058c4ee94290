package io.numscan.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J convolutional network. A loaded model of the shipped shape runs through
 * {@link CnnInference} on the CPU backend (several times DL4J's speed, same weights); any other
 * network, a network still in training, and every network on the CUDA backend run through DL4J.
 */
public final class CnnDigitClassifier implements DigitClassifier {
    private final MultiLayerNetwork network;
    private final ModelInfo info;
    private final CnnInference inference;

    /** Runs {@code network} through DL4J (it may still be training: its weights are read at each call). */
    public CnnDigitClassifier(MultiLayerNetwork network, ModelInfo info) {
        this(network, info, null);
    }

    private CnnDigitClassifier(MultiLayerNetwork network, ModelInfo info, CnnInference inference) {
        this.network = network;
        this.info = info;
        this.inference = inference;
    }

    public static CnnDigitClassifier load(InputStream weights, ModelMetadata metadata, String source) throws IOException {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(weights, false);
        long outputs = network.layerSize(network.getnLayers() - 1);
        if (outputs != DigitClasses.COUNT) {
            throw new IOException(source + ": network has " + outputs + " outputs, expected " + DigitClasses.COUNT);
        }
        CnnInference inference = NdBackend.isCpu() ? CnnInference.of(network).orElse(null) : null;
        String backend = NdBackend.describe() + (inference != null ? ", CNN layers on " + CnnInference.describe() : "");
        return new CnnDigitClassifier(network, new ModelInfo("cnn", metadata.version(), metadata.testAccuracy(),
                backend, source), inference);
    }

    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public String kind() {
        return "cnn";
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public void predict(float[] crops, int count, float[] probabilities) {
        if (count == 0) {
            return;
        }
        if (inference != null) {
            inference.predict(crops, count, probabilities, NdBackend.inferenceThreads());
            return;
        }
        int n = count * CropNormalizer.PIXELS;
        float[] data = crops.length == n ? crops : Arrays.copyOf(crops, n);
        // The network's layers keep per-call state; one inference at a time keeps it consistent.
        synchronized (network) {
            try (INDArray input = Nd4j.create(data, count, CropNormalizer.PIXELS);
                    INDArray output = network.output(input, false)) {
                float[] result = output.data().asFloat();
                System.arraycopy(result, 0, probabilities, 0, count * DigitClasses.COUNT);
            }
        }
    }

    @Override
    public void close() {
        if (inference != null) {
            inference.close();
        }
    }
}
