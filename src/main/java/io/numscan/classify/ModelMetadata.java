package io.numscan.classify;

import java.util.Map;

/**
 * What travels with a model's weights (written as JSON beside them): enough to say where it
 * came from and how good it was.
 *
 * @param version content hash of the weights file (first 12 hex digits of its SHA-256)
 * @param testAccuracy accuracy on the held-out test split, 0..1
 * @param training free-form provenance: data, seed, epochs, hyper-parameters
 */
public record ModelMetadata(String kind, String version, double testAccuracy, Map<String, Object> training) {
    public ModelMetadata {
        training = training == null ? Map.of() : Map.copyOf(training);
    }
}
