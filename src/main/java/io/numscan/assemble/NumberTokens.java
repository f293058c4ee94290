package io.numscan.assemble;

import java.util.ArrayList;
import java.util.List;

/**
 * What counts as a number in a line of text: the rule the sample truths are made with, and the one
 * numbers are read from a PDF's text layer by, so the two agree.
 *
 * <p>A token is a run of text without white space that holds at least one ASCII digit, cut to its
 * first and last digit, keeping a {@code -} that stands right before the first digit. So
 * {@code $1,234.56} gives {@code 1,234.56}, {@code 19%} gives {@code 19}, {@code (538) 555-6523}
 * gives {@code 538} and {@code 555-6523}, and {@code -45.00} stays {@code -45.00}.
 */
public final class NumberTokens {

    /** A token: its value and where it lies in the text ({@code start} inclusive, {@code end} exclusive). */
    public record Token(String value, int start, int end) {
    }

    private NumberTokens() {
    }

    /** All tokens of {@code text}, left to right. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int runStart = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int runEnd = i;
            int first = -1;
            int last = -1;
            for (int k = runStart; k < runEnd; k++) {
                if (isDigit(text.charAt(k))) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first >= 0) {
                int start = first > runStart && text.charAt(first - 1) == '-' ? first - 1 : first;
                out.add(new Token(text.substring(start, last + 1), start, last + 1));
            }
        }
        return out;
    }

    /** True if {@code value} could be a token: holds a digit, starts with a digit or '-', ends with a digit. */
    public static boolean isToken(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        boolean hasDigit = value.chars().anyMatch(NumberTokens::isDigit);
        boolean noSpace = value.chars().noneMatch(Character::isWhitespace);
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        boolean startsRight = isDigit(first) || (first == '-' && value.length() > 1 && isDigit(value.charAt(1)));
        return hasDigit && noSpace && startsRight && isDigit(last);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
