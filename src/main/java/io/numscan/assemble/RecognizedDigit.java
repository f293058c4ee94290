package io.numscan.assemble;

import io.numscan.geom.Box;

/**
 * One character of a recognised number.
 *
 * @param symbol '0'..'9' or a separator ('.', ',', '-', '/'); a number read from a text layer
 *     keeps whatever characters the PDF has between its digits
 * @param box in page pixels
 * @param probability the classifier's probability for a digit; for a separator, 1 (it is
 *     decided by geometry); 1 for every character of a text layer
 */
public record RecognizedDigit(char symbol, Box box, double probability) {
    public boolean isDigit() {
        return symbol >= '0' && symbol <= '9';
    }
}
