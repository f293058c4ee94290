package io.numscan.evaluate;

import io.numscan.assemble.RecognizedNumber;
import io.numscan.geom.Box;
import io.numscan.pipeline.DocumentResult;
import io.numscan.pipeline.PageResult;
import io.numscan.assemble.NumberTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Tesseract's TSV output ({@code tesseract IMAGE OUT tsv}) as a {@link DocumentResult}, so its
 * numbers are scored exactly like NumScan's: each recognised word is cut into number tokens by the
 * same {@link io.numscan.assemble.NumberTokens} the truth files follow, and a token's box is its share of the word's box
 * (Tesseract gives no character boxes in TSV).
 */
public final class TesseractTsv {
    private static final int LEVEL_PAGE = 1;
    private static final int LEVEL_WORD = 5;

    private TesseractTsv() {
    }

    public static DocumentResult read(Path tsv, String documentName) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("level\t")) {
            throw new IOException(tsv + ": not Tesseract TSV output (no 'level' header)");
        }
        Map<Integer, int[]> pageSizes = new TreeMap<>();
        Map<Integer, List<RecognizedNumber>> numbers = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 12) {
                continue;
            }
            int level = Integer.parseInt(f[0]);
            int page = Integer.parseInt(f[1]);
            int left = Integer.parseInt(f[6]);
            int top = Integer.parseInt(f[7]);
            int width = Integer.parseInt(f[8]);
            int height = Integer.parseInt(f[9]);
            if (level == LEVEL_PAGE) {
                pageSizes.put(page, new int[] {width, height});
                numbers.computeIfAbsent(page, p -> new ArrayList<>());
            } else if (level == LEVEL_WORD) {
                String text = f[11].strip();
                double confidence = Math.max(0, Double.parseDouble(f[10])) / 100.0;
                for (NumberTokens.Token t : NumberTokens.tokens(text)) {
                    int x0 = left + (int) Math.floor(width * (double) t.start() / text.length());
                    int x1 = left + (int) Math.ceil(width * (double) t.end() / text.length());
                    numbers.computeIfAbsent(page, p -> new ArrayList<>()).add(new RecognizedNumber(t.value(),
                            new Box(x0, top, Math.max(1, x1 - x0), height), confidence, List.of()));
                }
            }
        }
        List<PageResult> pages = new ArrayList<>();
        for (var e : numbers.entrySet()) {
            int[] size = pageSizes.getOrDefault(e.getKey(), new int[] {0, 0});
            pages.add(new PageResult(e.getKey(), size[0], size[1], 0, 0, e.getValue()));
        }
        return new DocumentResult(documentName, "tesseract", pages);
    }
}
