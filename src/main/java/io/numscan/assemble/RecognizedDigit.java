package io.numscan.assemble;

import io.numscan.geom.Box;

/**
 * One character of a recognised number.
 *
 * @param symbol '0'..'9' or a separator ('.', ',', '-', '/')
 * @param box in page pixels
 * @param probability the classifier's probability for a digit; for a separator, 1 (it is
 *     decided by geometry)
 */
public record RecognizedDigit(char symbol, Box box, double probability) {
    public boolean isDigit() {
        return symbol >= '0' && symbol <= '9';
    }
}
