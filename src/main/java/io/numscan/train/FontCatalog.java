package io.numscan.train;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The installed text fonts that printed training glyphs are rendered from (Debian's fonts-*
 * packages). Sorted by path so the same machine always yields the same list, which the model
 * card records.
 */
public final class FontCatalog {
    public static final Path SYSTEM_FONTS = Path.of("/usr/share/fonts");

    /** Fonts that draw no Latin text: symbols, dingbats, maths, scripts too ornate for invoices. */
    private static final List<String> EXCLUDED = List.of("symbol", "dingbat", "math", "z003", "d050000l", "emoji",
            "standardsymbols", "opensymbol", "fontawesome", "stix");

    public record NamedFont(String file, Font font) {
    }

    private FontCatalog() {
    }

    public static List<NamedFont> load(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("font folder " + root + " not found; install fonts (see README: training)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(FontCatalog::isFontFile).sorted().toList();
        }
        List<NamedFont> fonts = new ArrayList<>();
        for (Path file : files) {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (EXCLUDED.stream().anyMatch(lower::contains)) {
                continue;
            }
            try {
                int format = lower.endsWith(".t1") || lower.endsWith(".pfb") ? Font.TYPE1_FONT : Font.TRUETYPE_FONT;
                Font font = Font.createFont(format, file.toFile());
                if (font.canDisplayUpTo("0123456789ABCabc$%") == -1) {
                    fonts.add(new NamedFont(root.relativize(file).toString(), font));
                }
            } catch (java.awt.FontFormatException | IOException e) {
                // Not every file under /usr/share/fonts is a font Java can draw; skip it.
            }
        }
        if (fonts.isEmpty()) {
            throw new IOException("no usable fonts under " + root);
        }
        return fonts;
    }

    private static boolean isFontFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".otf");
    }
}
