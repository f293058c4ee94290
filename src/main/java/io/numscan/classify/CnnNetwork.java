package io.numscan.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J network over normalized crops, as both CNN classifiers run it. A loaded network of the
 * shipped shape runs through {@link CnnInference} on the CPU backend (several times DL4J's speed,
 * same weights); any other network, a network still in training, and every network on the CUDA
 * backend run through DL4J.
 */
final class CnnNetwork implements AutoCloseable {
    private final MultiLayerNetwork network;
    private final CnnInference inference;
    private final int outputs;

    /** Runs {@code network} through DL4J (it may still be training: its weights are read at each call). */
    CnnNetwork(MultiLayerNetwork network) {
        this(network, null);
    }

    private CnnNetwork(MultiLayerNetwork network, CnnInference inference) {
        this.network = network;
        this.inference = inference;
        this.outputs = (int) network.layerSize(network.getnLayers() - 1);
    }

    static CnnNetwork load(InputStream weights, int expectedOutputs, String source) throws IOException {
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(weights, false);
        } catch (IOException | RuntimeException e) {
            // DL4J says "Model wasnt found within file" without naming it, or fails deeper in a broken zip.
            throw new IOException(source + ": not a DL4J network (" + e.getMessage() + ")", e);
        }
        long outputs = network.layerSize(network.getnLayers() - 1);
        if (outputs != expectedOutputs) {
            throw new IOException(source + ": network has " + outputs + " outputs, expected " + expectedOutputs);
        }
        return new CnnNetwork(network, NdBackend.isCpu() ? CnnInference.of(network).orElse(null) : null);
    }

    MultiLayerNetwork network() {
        return network;
    }

    /** The ND4J backend, and NumScan's forward pass where it runs the layers. */
    String backend() {
        return NdBackend.describe() + (inference != null ? ", CNN layers on " + CnnInference.describe() : "");
    }

    /** Writes the network's outputs for {@code count} crops into {@code probabilities}. */
    void predict(float[] crops, int count, float[] probabilities) {
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
                System.arraycopy(output.data().asFloat(), 0, probabilities, 0, count * outputs);
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
