package io.numscan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Keeps the weights of the epoch that scored best on the validation split, and says when
 * training should stop because {@code patience} epochs in a row did no better.
 */
final class BestEpoch {
    private final int patience;
    private final Path weights;
    private double score = -1;
    private int epoch;
    private int sinceBest;

    BestEpoch(String kind, int patience) throws IOException {
        this.patience = patience;
        this.weights = Files.createTempFile("numscan-" + kind + "-best", ".zip");
    }

    /** Records an epoch's validation score, saving the network if it is the best yet; false: stop training. */
    boolean record(MultiLayerNetwork net, int epochNumber, double validationScore) throws IOException {
        if (validationScore > score) {
            score = validationScore;
            epoch = epochNumber;
            sinceBest = 0;
            ModelSerializer.writeModel(net, weights.toFile(), false);
            return true;
        }
        return ++sinceBest < patience;
    }

    double score() {
        return score;
    }

    int epoch() {
        return epoch;
    }

    MultiLayerNetwork restore() throws IOException {
        return ModelSerializer.restoreMultiLayerNetwork(weights.toFile(), false);
    }

    /** Moves the best weights to {@code target}, where the model store will find them. */
    void moveTo(Path target) throws IOException {
        Files.move(weights, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
