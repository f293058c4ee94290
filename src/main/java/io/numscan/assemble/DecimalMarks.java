package io.numscan.assemble;

import java.util.ArrayList;
import java.util.List;

/**
 * One page, one way of writing amounts. A comma whose tail the scan lost is a dot, and a dot
 * blurred downwards looks like a comma; by shape alone a few amounts on a page come out in the
 * other convention. When the page's amounts clearly agree on a decimal mark (1,234.56 or
 * 1.234,56), the few that do not are read in the page's convention. Dates and other numbers
 * that do not end in a two-digit decimal part are left alone.
 */
public final class DecimalMarks {
    private static final int MIN_EVIDENCE = 3;
    /**
     * How many times more amounts the page's convention needs than the other one. A fax can blur
     * a third of a page's decimal points into commas; a page that truly mixes both (prices in two
     * currencies) rarely has one twice as often as the other.
     */
    private static final int DOMINANCE = 2;
    /**
     * What an amount with both marks (1.234,56) counts for against one with a decimal mark alone
     * (52,12). A fax turns a comma that lost its tail into a dot, and a blurred dot into a comma,
     * one mark at a time: an amount whose two marks agree with each other has rarely had both
     * flipped, so it shows the page's convention where a page of short amounts does not.
     */
    private static final int GROUPED_WEIGHT = 3;

    private DecimalMarks() {
    }

    /**
     * @return {@code numbers} with amounts in the minority convention rewritten, or the same list
     *     when the page does not clearly use one convention
     */
    public static List<RecognizedNumber> harmonize(List<RecognizedNumber> numbers) {
        return inConvention(numbers, convention(numbers));
    }

    /**
     * The pages of one document read in the one convention their amounts together clearly use,
     * or each page in its own where they do not. A fax or a coarse scan can reduce most decimal
     * commas of one page to dots, giving that page no majority or the wrong one, while the
     * document's other pages keep theirs; one invoice writes its amounts one way.
     *
     * @return the pages' numbers, in the same order
     */
    public static List<List<RecognizedNumber>> harmonizePages(List<List<RecognizedNumber>> pages) {
        List<RecognizedNumber> all = new ArrayList<>();
        pages.forEach(all::addAll);
        char document = convention(all);
        List<List<RecognizedNumber>> result = new ArrayList<>(pages.size());
        for (List<RecognizedNumber> page : pages) {
            result.add(inConvention(page, document != 0 ? document : convention(page)));
        }
        return result;
    }

    /** The decimal mark the amounts clearly agree on, or 0 when they do not. */
    private static char convention(List<RecognizedNumber> numbers) {
        int comma = 0;
        int dot = 0;
        for (RecognizedNumber n : numbers) {
            // Ending in a decimal comma and two digits, thousands grouped by dots if at all; or the other way.
            int weight = n.value().indexOf('.') >= 0 && n.value().indexOf(',') >= 0 ? GROUPED_WEIGHT : 1;
            if (isAmount(n.value(), ".", ",")) {
                comma += weight;
            } else if (isAmount(n.value(), ",", ".")) {
                dot += weight;
            }
        }
        if (comma >= MIN_EVIDENCE && comma >= DOMINANCE * dot) {
            return ',';
        }
        if (dot >= MIN_EVIDENCE && dot >= DOMINANCE * comma) {
            return '.';
        }
        return 0;
    }

    /**
     * Whether {@code value} is an amount: an optional minus; digits, or one to three digits and
     * then groups of a mark from {@code grouping} and three digits; a mark from {@code decimal}
     * and two digits. The regular expression {@code -?\d{1,3}(G\d{3})*D\d{2}|-?\d+D\d{2}}
     * written out: it runs for every number on every page, and a regex matcher is among the
     * largest methods the JIT has to compile while a batch warms up.
     */
    static boolean isAmount(String value, String grouping, String decimal) {
        int n = value.length();
        int start = n > 0 && value.charAt(0) == '-' ? 1 : 0;
        int mark = n - 3;
        if (mark <= start || decimal.indexOf(value.charAt(mark)) < 0 || !isDigit(value, mark + 1) || !isDigit(value, mark + 2)) {
            return false;
        }
        int lead = start;
        while (lead < mark && isDigit(value, lead)) {
            lead++;
        }
        if (lead == mark) {
            return true;
        }
        if (lead == start || lead - start > 3) {
            return false;
        }
        for (int i = lead; i < mark; i += 4) {
            if (i + 4 > mark || grouping.indexOf(value.charAt(i)) < 0
                    || !isDigit(value, i + 1) || !isDigit(value, i + 2) || !isDigit(value, i + 3)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static List<RecognizedNumber> inConvention(List<RecognizedNumber> numbers, char decimal) {
        if (decimal == 0) {
            return numbers;
        }
        List<RecognizedNumber> result = new ArrayList<>(numbers.size());
        for (RecognizedNumber n : numbers) {
            // The amounts the page's convention settles: one or more marks, the last followed by two digits.
            result.add(isAmount(n.value(), ".,", ".,") ? inConvention(n, decimal) : n);
        }
        return result;
    }

    /** The amount with its last mark made {@code decimal} and any earlier marks the other one. */
    private static RecognizedNumber inConvention(RecognizedNumber n, char decimal) {
        char grouping = decimal == ',' ? '.' : ',';
        List<RecognizedDigit> characters = new ArrayList<>(n.characters());
        StringBuilder printed = new StringBuilder();
        characters.forEach(c -> printed.append(c.symbol()));
        if (!printed.toString().equals(n.value())) {
            return n;
        }
        int last = -1;
        for (int i = 0; i < characters.size(); i++) {
            char s = characters.get(i).symbol();
            if (s == '.' || s == ',') {
                last = i;
            }
        }
        if (last < 0 || characters.get(last).symbol() == decimal && !hasMark(characters, last, decimal)) {
            return n;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < characters.size(); i++) {
            RecognizedDigit c = characters.get(i);
            char s = c.symbol();
            if (s == '.' || s == ',') {
                char wanted = i == last ? decimal : grouping;
                if (wanted != s) {
                    c = new RecognizedDigit(wanted, c.box(), c.probability());
                    characters.set(i, c);
                }
            }
            value.append(c.symbol());
        }
        return new RecognizedNumber(value.toString(), n.box(), n.confidence(), characters, n.label());
    }

    private static boolean hasMark(List<RecognizedDigit> characters, int before, char mark) {
        for (int i = 0; i < before; i++) {
            if (characters.get(i).symbol() == mark) {
                return true;
            }
        }
        return false;
    }
}
