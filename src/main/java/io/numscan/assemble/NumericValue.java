package io.numscan.assemble;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The numeric value of a number as printed, with its decimal and thousands separators told apart
 * from the number itself: {@code 1.234,56} and {@code 1,234.56} are both 1234.56, {@code 1'234}
 * and {@code 1 234} are 1234, {@code -45.00}, {@code 45.00-} and {@code (45.00)} are -45.00.
 * Currency signs and codes around the number are ignored.
 *
 * <p>When only one kind of separator appears once with exactly three digits after it
 * ({@code 1,234} or {@code 1.234}) it is read as a thousands separator, as amounts carry cents
 * ({@code 0.125} stays a fraction: no number starts with a thousands group of 0).
 * Thousands groups must have three digits, so a misread separator gives no value rather than a
 * wrong one.
 */
public final class NumericValue {
    private NumericValue() {
    }

    /** The value of an amount or integer as printed, or empty when the text is not one number. */
    public static Optional<BigDecimal> parse(String printed) {
        if (printed == null) {
            return Optional.empty();
        }
        String s = stripCurrency(printed.strip());
        boolean negative = false;
        if (s.length() >= 2 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = stripCurrency(s.substring(1, s.length() - 1).strip());
        }
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            if (negative) {
                return Optional.empty();
            }
            negative = true;
            s = stripCurrency(s.substring(1).strip());
        } else if (s.endsWith("-")) {
            if (negative) {
                return Optional.empty();
            }
            negative = true;
            s = stripCurrency(s.substring(0, s.length() - 1).strip());
        } else if (s.startsWith("+")) {
            s = stripCurrency(s.substring(1).strip());
        }
        Optional<BigDecimal> magnitude = unsigned(s);
        return negative ? magnitude.map(BigDecimal::negate) : magnitude;
    }

    /** A whole number as printed (thousands separators allowed), or empty when it is not one. */
    public static Optional<Long> parseInteger(String printed) {
        return parse(printed).flatMap(v -> {
            // A printed fraction, even ".00", is not a whole number's.
            if (v.scale() > 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(v.longValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    private static String stripCurrency(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isCurrencyChar(s.charAt(start))) {
            start++;
        }
        while (end > start && isCurrencyChar(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end).strip();
    }

    private static boolean isCurrencyChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.CURRENCY_SYMBOL || Character.isSpaceChar(c);
    }

    private static Optional<BigDecimal> unsigned(String s) {
        if (s.isEmpty() || !isDigit(s.charAt(0)) || !isDigit(s.charAt(s.length() - 1))) {
            return Optional.empty();
        }
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        char decimal = 0;
        if (lastDot >= 0 && lastComma >= 0) {
            decimal = lastDot > lastComma ? '.' : ',';
        } else if (lastDot >= 0 || lastComma >= 0) {
            char sep = lastDot >= 0 ? '.' : ',';
            int at = Math.max(lastDot, lastComma);
            boolean once = s.indexOf(sep) == at;
            boolean threeAfter = s.length() - at - 1 == 3;
            boolean zeroBefore = at == 1 && s.charAt(0) == '0';
            if (once && (!threeAfter || zeroBefore)) {
                decimal = sep;
            }
        }
        String integerPart = s;
        String fraction = "";
        if (decimal != 0) {
            int at = s.lastIndexOf(decimal);
            integerPart = s.substring(0, at);
            fraction = s.substring(at + 1);
            if (!fraction.chars().allMatch(NumericValue::isDigit)) {
                return Optional.empty();
            }
        }
        String digits = groupedDigits(integerPart);
        if (digits == null) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction));
    }

    /** The digits of an integer part, checking its thousands grouping; null when it is not one. */
    private static String groupedDigits(String part) {
        char separator = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!isDigit(c)) {
                if (c != '.' && c != ',' && c != '\'' && c != '\u2019' && c != ' ' && c != '\u00a0' && c != '\u202f') {
                    return null;
                }
                if (separator != 0 && c != separator) {
                    return null;
                }
                separator = c;
            }
        }
        if (separator == 0) {
            return part.isEmpty() ? null : part;
        }
        // One to three digits, then groups of three, each after the separator.
        int first = part.indexOf(separator);
        if (first == 0 || first > 3 || (part.length() - first) % 4 != 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(part.length());
        sb.append(part, 0, first);
        for (int at = first; at < part.length(); at += 4) {
            if (part.charAt(at) != separator || !isDigit(part.charAt(at + 1)) || !isDigit(part.charAt(at + 2))
                    || !isDigit(part.charAt(at + 3))) {
                return null;
            }
            sb.append(part, at + 1, at + 4);
        }
        return sb.toString();
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
