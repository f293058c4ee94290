package io.numscan.extract;

/** Where a field's value lies as seen from its label. */
public enum Direction {
    RIGHT, BELOW, LEFT, ABOVE
}
