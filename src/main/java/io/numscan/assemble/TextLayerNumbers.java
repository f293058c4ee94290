package io.numscan.assemble;

import io.numscan.geom.Box;
import io.numscan.ingest.TextWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The numbers of a page read from its text layer: the {@link NumberTokens} of every word, each
 * boxed by exactly its own characters, sure (confidence 1, since the PDF says what they are), and
 * named by the nearest label to its left on the same line.
 *
 * <p>The label is the phrase closest to the number's left, after the previous number of the line:
 * words set a normal space apart belong to one phrase, a gap wider than the line's height ends it,
 * so in {@code Thank you for your business.   Subtotal   1,234.56} the label is {@code Subtotal}.
 * The label is trimmed of punctuation at its ends ({@code Invoice No:} gives {@code Invoice No}).
 */
public final class TextLayerNumbers {
    private static final double PHRASE_GAP_IN_LINE_HEIGHTS = 1.0;
    private static final double SAME_LINE_OVERLAP = 0.5;

    private TextLayerNumbers() {
    }

    /** A word with its number token, if it holds one. */
    private record Piece(TextWord word, NumberTokens.Token token) {
        String before() {
            return token == null ? word.text() : word.text().substring(0, token.start());
        }

        String after() {
            return token == null ? word.text() : word.text().substring(token.end());
        }
    }

    public static List<RecognizedNumber> read(List<TextWord> words) {
        List<RecognizedNumber> numbers = new ArrayList<>();
        for (List<TextWord> line : lines(words)) {
            List<Piece> pieces = new ArrayList<>(line.size());
            int lineHeight = 0;
            for (TextWord w : line) {
                List<NumberTokens.Token> tokens = NumberTokens.tokens(w.text());
                // a word has no white space, so it holds at most one token
                pieces.add(new Piece(w, tokens.isEmpty() ? null : tokens.get(0)));
                lineHeight = Math.max(lineHeight, w.box().height());
            }
            for (int i = 0; i < pieces.size(); i++) {
                Piece p = pieces.get(i);
                if (p.token() != null) {
                    numbers.add(number(p, label(pieces, i, lineHeight * PHRASE_GAP_IN_LINE_HEIGHTS)));
                }
            }
        }
        return numbers;
    }

    private static RecognizedNumber number(Piece p, String label) {
        NumberTokens.Token t = p.token();
        List<RecognizedDigit> characters = new ArrayList<>(t.end() - t.start());
        for (int k = t.start(); k < t.end(); k++) {
            characters.add(new RecognizedDigit(p.word().text().charAt(k), p.word().characterBoxes().get(k), 1.0));
        }
        return new RecognizedNumber(t.value(), p.word().boxOf(t.start(), t.end()), 1.0, characters, label);
    }

    private static String label(List<Piece> pieces, int index, double maxGap) {
        List<String> phrase = new ArrayList<>();
        Piece own = pieces.get(index);
        String prefix = own.before();
        boolean started = !clean(prefix).isEmpty();
        if (started) {
            phrase.add(0, prefix);
        }
        int leftEdge = own.word().box().x();
        for (int j = index - 1; j >= 0; j--) {
            Piece p = pieces.get(j);
            if (started && leftEdge - p.word().box().right() > maxGap) {
                break;
            }
            String text = p.after();
            if (!clean(text).isEmpty()) {
                phrase.add(0, text);
                started = true;
            }
            leftEdge = p.word().box().x();
            if (p.token() != null) {
                break; // the previous number's own label is its business
            }
        }
        return clean(String.join(" ", phrase));
    }

    /** {@code s} without punctuation or symbols at either end; a closing bracket stays when it closes one. */
    static String clean(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetterOrDigit(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(s.charAt(end - 1))
                && !(s.charAt(end - 1) == ')' && s.substring(start, end - 1).indexOf('(') >= 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Words grouped into lines (those overlapping vertically by half the smaller height), top to bottom, each left to right. */
    static List<List<TextWord>> lines(List<TextWord> words) {
        List<TextWord> byTop = new ArrayList<>(words);
        byTop.sort(Comparator.comparingInt((TextWord w) -> w.box().y()).thenComparingInt(w -> w.box().x()));
        List<List<TextWord>> lines = new ArrayList<>();
        List<Box> spans = new ArrayList<>();
        for (TextWord w : byTop) {
            int found = -1;
            for (int i = lines.size() - 1; i >= 0 && found < 0; i--) {
                Box span = spans.get(i);
                int smaller = Math.max(1, Math.min(span.height(), w.box().height()));
                if (span.verticalOverlap(w.box()) >= SAME_LINE_OVERLAP * smaller) {
                    found = i;
                }
            }
            if (found < 0) {
                lines.add(new ArrayList<>(List.of(w)));
                spans.add(w.box());
            } else {
                lines.get(found).add(w);
                spans.set(found, spans.get(found).union(w.box()));
            }
        }
        for (List<TextWord> line : lines) {
            line.sort(Comparator.comparingInt(w -> w.box().x()));
        }
        return lines;
    }
}
