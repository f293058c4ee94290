package io.numscan.synth;

import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TrueType fonts the samples are made with, looked up under {@code /usr/share/fonts}: Liberation
 * (Debian package fonts-liberation or fonts-liberation2), with DejaVu as a fallback. The expected
 * boxes depend on the font metrics, so the committed expected files are for the Liberation fonts.
 */
public enum SampleFonts {
    SANS("LiberationSans-Regular.ttf", "DejaVuSans.ttf"),
    SANS_BOLD("LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    SERIF_BOLD("LiberationSerif-Bold.ttf", "DejaVuSerif-Bold.ttf");

    private static final List<String> DIRS = List.of(
            "/usr/share/fonts/truetype/liberation",
            "/usr/share/fonts/truetype/liberation2",
            "/usr/share/fonts/truetype/dejavu");

    private final String preferred;
    private final String fallback;

    SampleFonts(String preferred, String fallback) {
        this.preferred = preferred;
        this.fallback = fallback;
    }

    /** True if the preferred (Liberation) font is installed. */
    public boolean preferredInstalled() {
        return find(preferred) != null;
    }

    /** The font file: the Liberation font if installed, else the DejaVu one. */
    public File file() throws FileNotFoundException {
        Path p = find(preferred);
        if (p == null) {
            p = find(fallback);
        }
        if (p == null) {
            throw new FileNotFoundException("font " + preferred + " (or " + fallback + ") not found in "
                    + DIRS + "; install the Debian package fonts-liberation");
        }
        return p.toFile();
    }

    /** True if all Liberation fonts the samples use are installed. */
    public static boolean allPreferredInstalled() {
        for (SampleFonts f : values()) {
            if (!f.preferredInstalled()) {
                return false;
            }
        }
        return true;
    }

    private static Path find(String name) {
        for (String dir : DIRS) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
