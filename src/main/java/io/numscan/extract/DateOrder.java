package io.numscan.extract;

/** The order of day, month and year in a template's dates, e.g. {@code MDY} for 03/11/2025. */
public enum DateOrder {
    DMY, MDY, YMD
}
