package io.numscan.classify;

/** Output classes of every digit classifier: the ten digits, then "not a digit". */
public final class DigitClasses {
    public static final int COUNT = 11;
    public static final int NOT_A_DIGIT = 10;

    private DigitClasses() {
    }

    public static String name(int index) {
        return index == NOT_A_DIGIT ? "not-a-digit" : Integer.toString(index);
    }
}
