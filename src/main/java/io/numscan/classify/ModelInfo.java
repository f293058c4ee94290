package io.numscan.classify;

/**
 * @param kind cnn, svm or knn
 * @param version identifies the trained weights (changes whenever they do)
 * @param testAccuracy accuracy on the held-out test split recorded when it was trained, 0..1
 * @param backend what computes it (ND4J backend and device, or plain Java)
 */
public record ModelInfo(String kind, String version, double testAccuracy, String backend, String source) {
}
