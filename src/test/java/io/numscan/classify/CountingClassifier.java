package io.numscan.classify;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the crops it is given and passes them on to another classifier. */
public final class CountingClassifier implements DigitClassifier {
    private final DigitClassifier inner;
    private final AtomicInteger crops = new AtomicInteger();

    public CountingClassifier(DigitClassifier inner) {
        this.inner = inner;
    }

    public int crops() {
        return crops.get();
    }

    public void reset() {
        crops.set(0);
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public ModelInfo info() {
        return inner.info();
    }

    @Override
    public void predict(float[] input, int count, float[] probabilities) {
        crops.addAndGet(count);
        inner.predict(input, count, probabilities);
    }
}
