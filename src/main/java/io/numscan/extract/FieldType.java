package io.numscan.extract;

import io.numscan.assemble.NumericValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a field holds, and how its printed text becomes the value written out. */
public enum FieldType {
    /** A whole number; thousands separators allowed, a printed fraction is not one. */
    INTEGER,
    /** A decimal amount; decimal and thousands separators detected, negatives and parentheses. */
    AMOUNT,
    /** A date, written as ISO 8601 ({@code 2025-03-11}); read in the template's date order. */
    DATE,
    /** Kept as printed (leading zeros included). */
    ID;

    private static final Pattern SEPARATED_DATE = Pattern.compile("(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})");
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");

    /** The value of {@code printed} as this type, or empty when it cannot be one. */
    public Optional<TypedValue> read(String printed, DateOrder order) {
        String s = printed.strip();
        return switch (this) {
            case INTEGER -> NumericValue.parseInteger(s)
                    .map(v -> new TypedValue(Long.toString(v), Optional.of(BigDecimal.valueOf(v))));
            case AMOUNT -> NumericValue.parse(s).map(v -> new TypedValue(v.toPlainString(), Optional.of(v)));
            case DATE -> date(s, order).map(d -> new TypedValue(d.toString(), Optional.empty()));
            case ID -> s.isEmpty() ? Optional.empty() : Optional.of(new TypedValue(s, Optional.empty()));
        };
    }

    /**
     * Reads {@code 03/11/2025}, {@code 11.03.25}, {@code 2025-03-11} (a four-digit first part is
     * always the year) or eight digits without separators ({@code 11032025}, as written in a comb
     * field), in the given order. Two-digit years are 2000-2069 or 1970-1999.
     */
    static Optional<LocalDate> date(String s, DateOrder order) {
        int a;
        int b;
        int c;
        int firstLength;
        Matcher m = SEPARATED_DATE.matcher(s);
        if (m.matches()) {
            a = Integer.parseInt(m.group(1));
            b = Integer.parseInt(m.group(2));
            c = Integer.parseInt(m.group(3));
            firstLength = m.group(1).length();
            if (m.group(3).length() == 3 || firstLength == 3) {
                return Optional.empty();
            }
        } else if (COMPACT_DATE.matcher(s).matches()) {
            if (order == DateOrder.YMD) {
                a = Integer.parseInt(s.substring(0, 4));
                b = Integer.parseInt(s.substring(4, 6));
                c = Integer.parseInt(s.substring(6, 8));
                firstLength = 4;
            } else {
                a = Integer.parseInt(s.substring(0, 2));
                b = Integer.parseInt(s.substring(2, 4));
                c = Integer.parseInt(s.substring(4, 8));
                firstLength = 2;
            }
        } else {
            return Optional.empty();
        }
        int year;
        int month;
        int day;
        if (firstLength == 4 || order == DateOrder.YMD) {
            year = a;
            month = b;
            day = c;
        } else if (order == DateOrder.DMY) {
            day = a;
            month = b;
            year = c;
        } else {
            month = a;
            day = b;
            year = c;
        }
        if (year < 100) {
            year += year < 70 ? 2000 : 1900;
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
