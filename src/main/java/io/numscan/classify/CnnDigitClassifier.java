package io.numscan.classify;

import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The DL4J convolutional network that classifies every glyph into 0-9 or "not a digit" (see {@link CnnNetwork}). */
public final class CnnDigitClassifier implements DigitClassifier {
    private final CnnNetwork network;
    private final ModelInfo info;

    /** Runs {@code network} through DL4J (it may still be training: its weights are read at each call). */
    public CnnDigitClassifier(MultiLayerNetwork network, ModelInfo info) {
        this(new CnnNetwork(network), info);
    }

    private CnnDigitClassifier(CnnNetwork network, ModelInfo info) {
        this.network = network;
        this.info = info;
    }

    public static CnnDigitClassifier load(InputStream weights, ModelMetadata metadata, String source) throws IOException {
        CnnNetwork network = CnnNetwork.load(weights, DigitClasses.COUNT, source);
        return new CnnDigitClassifier(network, new ModelInfo("cnn", metadata.version(), metadata.testAccuracy(),
                network.backend(), source));
    }

    public MultiLayerNetwork network() {
        return network.network();
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
        network.predict(crops, count, probabilities);
    }

    @Override
    public void close() {
        network.close();
    }
}
