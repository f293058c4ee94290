package io.numscan.train;

import java.nio.file.Path;

/**
 * @param dataDir folder with the digit IDX files (see data/README.md)
 * @param fontDir folder searched for fonts to render printed glyphs from
 * @param outputDir where the model, its metadata and card are written
 * @param maxEpochs upper bound; training stops earlier when validation accuracy stops improving
 * @param patience epochs without improvement before stopping
 * @param printedPerDigit printed renderings per digit per font per epoch
 * @param negativeShare share of each font's non-digit characters rendered per epoch
 * @param trainLimit use only the first N training digits (0 = all), for quick runs and tests
 * @param handwrittenRepeats differently distorted copies of each handwritten digit per epoch
 * @param mnistDir folder with the full MNIST IDX files to train on instead of {@code dataDir}, or null
 */
public record TrainOptions(Path dataDir, Path fontDir, Path outputDir, long seed, int maxEpochs, int patience,
        int batchSize, double learningRate, int printedPerDigit, double negativeShare, int trainLimit, int handwrittenRepeats,
        Path mnistDir) {

    public static TrainOptions defaults(Path dataDir, Path outputDir) {
        return new TrainOptions(dataDir, FontCatalog.SYSTEM_FONTS, outputDir, 20251125L, 14, 3, 128, 1e-3, 4, 0.4, 0, 2, null);
    }

    public TrainOptions withTrainLimit(int limit) {
        return new TrainOptions(dataDir, fontDir, outputDir, seed, maxEpochs, patience, batchSize, learningRate,
                printedPerDigit, negativeShare, limit, handwrittenRepeats, mnistDir);
    }
}
