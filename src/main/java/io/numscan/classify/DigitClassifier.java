package io.numscan.classify;

/**
 * Scores normalized 28x28 crops over {@link DigitClasses}. Implementations are safe to call
 * from several threads.
 */
public interface DigitClassifier extends AutoCloseable {
    /** Short name, e.g. {@code cnn}. */
    String kind();

    /** What a person needs to know about the loaded model (version, accuracy, backend). */
    ModelInfo info();

    /**
     * @param crops {@code count * 784} values in 0..1, row-major
     * @param probabilities receives {@code count * 11} class probabilities
     */
    void predict(float[] crops, int count, float[] probabilities);

    @Override
    default void close() {
    }
}
