package io.numscan.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule a template's fields must obey, written as text in the template:
 *
 * <ul>
 *   <li>an equation of sums: {@code net + tax = total}, {@code sum(line_amounts) = net},
 *       {@code subtotal - discount = net}; terms are field names (amount or integer fields),
 *       {@code sum(field)} for a multiple field, or decimal numbers;</li>
 *   <li>a check digit: {@code luhn(order_reference)}, the last digit of the field being the Luhn
 *       (mod 10) check digit of the others.</li>
 * </ul>
 *
 * A document whose fields break a rule is flagged, not dropped; a rule whose fields were not all
 * found is not checked.
 */
public final class Check {
    private static final Pattern CHECK_DIGIT = Pattern.compile("\\s*(luhn)\\s*\\(\\s*([A-Za-z_][\\w-]*)\\s*\\)\\s*");
    private static final Pattern SUM = Pattern.compile("sum\\s*\\(\\s*([A-Za-z_][\\w-]*)\\s*\\)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private record Term(int sign, String field, boolean sum, BigDecimal constant) {
    }

    private final String text;
    private final String checkDigitField;
    private final List<Term> left;
    private final List<Term> right;

    private Check(String text, String checkDigitField, List<Term> left, List<Term> right) {
        this.text = text;
        this.checkDigitField = checkDigitField;
        this.left = left;
        this.right = right;
    }

    public String text() {
        return text;
    }

    /**
     * Parses a rule against the template's fields.
     *
     * @throws IllegalArgumentException naming the problem, when the rule is malformed or names a
     *     field that does not exist or cannot be added up
     */
    public static Check parse(String text, Map<String, FieldSpec> fields) {
        String s = text.strip();
        Matcher digit = CHECK_DIGIT.matcher(s);
        if (digit.matches()) {
            String field = digit.group(2);
            FieldSpec spec = fields.get(field);
            if (spec == null) {
                throw new IllegalArgumentException("unknown field '" + field + "' (fields: " + fields.keySet() + ")");
            }
            if (spec.multiple()) {
                throw new IllegalArgumentException("field '" + field + "' holds several values; a check digit needs one");
            }
            return new Check(s, field, List.of(), List.of());
        }
        int eq = s.indexOf('=');
        if (eq < 0 || s.indexOf('=', eq + 1) >= 0) {
            throw new IllegalArgumentException("a check is 'a + b = c' (one '=') or 'luhn(field)'");
        }
        return new Check(s, null, terms(s.substring(0, eq), fields), terms(s.substring(eq + 1), fields));
    }

    private static List<Term> terms(String side, Map<String, FieldSpec> fields) {
        List<Term> terms = new ArrayList<>();
        String rest = side.strip();
        int sign = 1;
        boolean expectTerm = true;
        while (!rest.isEmpty()) {
            if (!expectTerm) {
                char op = rest.charAt(0);
                if (op != '+' && op != '-') {
                    throw new IllegalArgumentException("expected + or - before '" + rest + "'");
                }
                sign = op == '+' ? 1 : -1;
                rest = rest.substring(1).strip();
                expectTerm = true;
                continue;
            }
            Matcher sum = SUM.matcher(rest);
            Matcher name = NAME.matcher(rest);
            Matcher number = NUMBER.matcher(rest);
            if (sum.lookingAt()) {
                terms.add(new Term(sign, numericField(sum.group(1), fields, true), true, null));
                rest = rest.substring(sum.end()).strip();
            } else if (number.lookingAt()) {
                terms.add(new Term(sign, null, false, new BigDecimal(number.group())));
                rest = rest.substring(number.end()).strip();
            } else if (name.lookingAt()) {
                terms.add(new Term(sign, numericField(name.group(), fields, false), false, null));
                rest = rest.substring(name.end()).strip();
            } else {
                throw new IllegalArgumentException("expected a field name, sum(field) or a number at '" + rest + "'");
            }
            expectTerm = false;
        }
        if (terms.isEmpty() || expectTerm) {
            throw new IllegalArgumentException("a side of '=' is empty or ends with an operator");
        }
        return List.copyOf(terms);
    }

    private static String numericField(String field, Map<String, FieldSpec> fields, boolean summed) {
        FieldSpec spec = fields.get(field);
        if (spec == null) {
            throw new IllegalArgumentException("unknown field '" + field + "' (fields: " + fields.keySet() + ")");
        }
        if (spec.type() != FieldType.AMOUNT && spec.type() != FieldType.INTEGER) {
            throw new IllegalArgumentException("field '" + field + "' is " + spec.type().name().toLowerCase(java.util.Locale.ROOT)
                    + "; only amount and integer fields can be added up");
        }
        if (spec.multiple() && !summed) {
            throw new IllegalArgumentException("field '" + field + "' holds several values; write sum(" + field + ")");
        }
        if (!spec.multiple() && summed) {
            throw new IllegalArgumentException("sum(" + field + "): '" + field + "' holds one value; write it bare");
        }
        return field;
    }

    /** Applies the rule to one document's fields. */
    public CheckResult evaluate(Map<String, ExtractedField> found) {
        if (checkDigitField != null) {
            ExtractedField f = found.get(checkDigitField);
            if (f == null || !f.found()) {
                return new CheckResult(text, CheckResult.Status.NOT_CHECKED, checkDigitField + " not found");
            }
            String digits = f.text().replaceAll("\\D", "");
            if (digits.length() < 2) {
                return new CheckResult(text, CheckResult.Status.FAILED, checkDigitField + " has too few digits");
            }
            boolean ok = luhnValid(digits);
            return new CheckResult(text, ok ? CheckResult.Status.PASSED : CheckResult.Status.FAILED,
                    ok ? "" : checkDigitField + " " + f.text() + " has a wrong check digit");
        }
        Optional<BigDecimal> l = side(left, found);
        Optional<BigDecimal> r = side(right, found);
        List<String> missing = new ArrayList<>();
        for (Term t : concat(left, right)) {
            if (t.field() != null && (found.get(t.field()) == null || !found.get(t.field()).found())) {
                missing.add(t.field());
            }
        }
        if (l.isEmpty() || r.isEmpty()) {
            return new CheckResult(text, CheckResult.Status.NOT_CHECKED,
                    (missing.isEmpty() ? "a value is not a number" : String.join(", ", missing) + " not found"));
        }
        boolean ok = l.get().compareTo(r.get()) == 0;
        return new CheckResult(text, ok ? CheckResult.Status.PASSED : CheckResult.Status.FAILED,
                ok ? "" : l.get().toPlainString() + " is not " + r.get().toPlainString());
    }

    private static List<Term> concat(List<Term> a, List<Term> b) {
        List<Term> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Optional<BigDecimal> side(List<Term> terms, Map<String, ExtractedField> found) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term t : terms) {
            BigDecimal v;
            if (t.constant() != null) {
                v = t.constant();
            } else {
                ExtractedField f = found.get(t.field());
                if (f == null) {
                    return Optional.empty();
                }
                Optional<BigDecimal> total = f.total();
                if (total.isEmpty()) {
                    return Optional.empty();
                }
                v = total.get();
            }
            sum = t.sign() > 0 ? sum.add(v) : sum.subtract(v);
        }
        return Optional.of(sum);
    }

    /** True when the last digit is the Luhn check digit of the ones before it. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The Luhn check digit for {@code payload} (the digits before it). */
    public static int luhnDigit(String payload) {
        for (int d = 0; d <= 9; d++) {
            if (luhnValid(payload + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + payload);
    }

    @Override
    public String toString() {
        return text;
    }
}
