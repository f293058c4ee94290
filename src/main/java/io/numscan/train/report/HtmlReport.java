package io.numscan.train.report;

import io.numscan.classify.CropNormalizer;
import io.numscan.classify.DigitClasses;
import io.numscan.train.eval.ConfusionMatrix;
import io.numscan.train.eval.Evaluation;
import io.numscan.train.eval.TestSplitEvaluation.Measured;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The evaluation report: one {@code index.html} with its PNG charts beside it (XChart), readable
 * offline. Models side by side, a confusion heat map and per-class bars per model, learning
 * curves from each model's metadata, and the misclassified test digits.
 */
public final class HtmlReport {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd)};
    private static final Map<String, String> NAMES = Map.of("cnn", "CNN", "svm", "SVM", "knn", "k-NN");
    private static final int GRID_DIGITS = 48;

    private HtmlReport() {
    }

    /** Writes {@code index.html} and its images into {@code dir}; returns the page's path. */
    public static Path write(Path dir, List<Measured> models) throws IOException {
        Files.createDirectories(dir);
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>NumScan: digit classifiers</title>\n")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>NumScan digit classifiers</h1><p>Held-out test split: ")
                .append(models.get(0).result().evaluation().crops())
                .append(" handwritten digits, canonical view (drawn 56 px high, binarized, normalized to 28&times;28), ")
                .append("11-way (digits and <em>not-a-digit</em>). No choice was made on these digits.</p></header>\n");

        // Side by side
        h.append("<section><h2>Side by side</h2><table class=\"summary\"><thead><tr><th>model</th><th>version</th>")
                .append("<th>test accuracy</th><th>macro F1</th><th>weighted F1</th><th>training</th>")
                .append("<th>crops/s (batch 1)</th><th>crops/s (batch 512)</th><th>model size</th></tr></thead><tbody>\n");
        double bestAcc = models.stream().mapToDouble(m -> m.result().evaluation().accuracy()).max().orElse(0);
        for (Measured m : models) {
            Evaluation e = m.result().evaluation();
            Object minutes = m.model().metadata().training().get("trainingMinutes");
            h.append("<tr><td><b>").append(name(e.model())).append("</b></td><td><code>").append(esc(e.version()))
                    .append("</code></td><td class=\"num").append(e.accuracy() == bestAcc ? " best" : "").append("\">")
                    .append(pct(e.accuracy())).append("</td><td class=\"num\">").append(f4(e.macro().f1()))
                    .append("</td><td class=\"num\">").append(f4(e.weighted().f1())).append("</td><td class=\"num\">")
                    .append(minutes == null ? "&ndash;" : minutes + " min").append("</td><td class=\"num\">")
                    .append(rate(e.speed().batch1CropsPerSecond())).append("</td><td class=\"num\">")
                    .append(rate(e.speed().batch512CropsPerSecond())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f MB", e.sizeBytes() / 1e6)).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        save(summaryChart(models), dir, "summary.png");
        save(speedChart(models), dir, "speed.png");
        h.append("<div class=\"row\"><img src=\"summary.png\" alt=\"accuracy and macro F1\"><img src=\"speed.png\" ")
                .append("alt=\"speed\"></div>\n");
        h.append("<p class=\"note\">Backends: ");
        for (Measured m : models) {
            h.append("<b>").append(name(m.result().evaluation().model())).append("</b> ")
                    .append(esc(m.result().evaluation().backend())).append(". ");
        }
        h.append("</p></section>\n");

        // Learning curves
        h.append("<section><h2>Learning curves</h2><div class=\"row\">\n");
        for (Measured m : models) {
            String kind = m.result().evaluation().model();
            List<XYChart> charts = learningCurves(kind, m.model().metadata().training());
            for (int i = 0; i < charts.size(); i++) {
                String file = kind + "-curve-" + i + ".png";
                save(charts.get(i), dir, file);
                h.append("<img src=\"").append(file).append("\" alt=\"").append(name(kind)).append(" learning curve\">\n");
            }
        }
        XYChart size = sizeCurve(models);
        if (size != null) {
            save(size, dir, "training-size.png");
            h.append("<img src=\"training-size.png\" alt=\"validation accuracy against training size\">\n");
        }
        h.append("</div><p class=\"note\">CNN: per-epoch mean training loss and validation accuracy. SVM and k-NN ")
                .append("have no epochs: their curves show validation accuracy over the hyper-parameters searched, and ")
                .append("against the number of handwritten training digits (same hyper-parameters) &mdash; still rising ")
                .append("at 7,000 digits means more data would help.</p></section>\n");

        // Per model
        for (Measured m : models) {
            Evaluation e = m.result().evaluation();
            String kind = e.model();
            h.append("<section><h2>").append(name(kind)).append(" <span class=\"sub\">").append(pct(e.accuracy()))
                    .append(" accuracy, macro F1 ").append(f4(e.macro().f1())).append("</span></h2>\n");
            save(heatMap(e), dir, kind + "-confusion.png");
            save(perClassChart(e), dir, kind + "-per-class.png");
            h.append("<div class=\"row\"><img src=\"").append(kind).append("-confusion.png\" alt=\"confusion matrix\">")
                    .append("<img src=\"").append(kind).append("-per-class.png\" alt=\"per-class precision, recall, F1\">")
                    .append("</div>\n<div class=\"row\"><div><h3>Most frequent confusions</h3><table><tr><th>truth</th>")
                    .append("<th>predicted</th><th>count</th></tr>");
            for (ConfusionMatrix.Confusion c : e.topConfusions()) {
                h.append("<tr><td>").append(c.truth()).append("</td><td>").append(c.predicted()).append("</td><td class=\"num\">")
                        .append(c.count()).append("</td></tr>");
            }
            h.append("</table></div><div class=\"grow\"><h3>Misclassified test digits</h3>");
            int wrong = misclassifiedGrid(m, dir.resolve(kind + "-errors.png"));
            h.append("<p class=\"note\">").append(wrong).append(" of ").append(e.crops())
                    .append(" wrong; the most confident mistakes first (true &rarr; predicted, confidence).</p>")
                    .append("<img class=\"digits\" src=\"").append(kind).append("-errors.png\" alt=\"misclassified digits\">")
                    .append("</div></div></section>\n");
        }
        h.append("<footer>Made by <code>numscan report</code>. Metrics: <code>numscan evaluate --model NAME --format json")
                .append("</code>. Macro averages run over the ten digit classes (the test split has no non-digits).</footer>")
                .append("</body></html>\n");
        Path index = dir.resolve("index.html");
        Files.writeString(index, h.toString(), StandardCharsets.UTF_8);
        return index;
    }

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1320px;padding:0 24px 40px;\
            color:#1d2430;background:#f6f7f9}
            header{padding:24px 0 8px}h1{margin:0 0 6px;font-size:28px}header p{margin:0;color:#555}
            section{background:#fff;border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.08);padding:18px 22px;margin:18px 0}
            h2{margin:0 0 12px;font-size:21px}h2 .sub{font-weight:normal;color:#667;font-size:16px;margin-left:8px}
            h3{font-size:15px;margin:6px 0 8px;color:#333}
            table{border-collapse:collapse;font-size:14px}th,td{padding:5px 10px;border-bottom:1px solid #e4e6ea;text-align:left}
            th{background:#f0f2f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.best{font-weight:700;color:#1a7f37}table.summary{width:100%;margin-bottom:12px}
            .row{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}.grow{flex:1;min-width:400px}
            img{max-width:100%;border:1px solid #eceef1;border-radius:6px}img.digits{border:none}
            .note{color:#666;font-size:13px;margin:6px 0}footer{color:#888;font-size:12px;margin-top:10px}
            code{background:#f0f2f5;padding:1px 4px;border-radius:3px}
            """;

    private static CategoryChart summaryChart(List<Measured> models) {
        CategoryChart c = new CategoryChartBuilder().width(620).height(340).title("Test split: accuracy and macro F1")
                .yAxisTitle("").build();
        style(c);
        double min = 1;
        List<String> names = new ArrayList<>();
        List<Double> acc = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        for (Measured m : models) {
            Evaluation e = m.result().evaluation();
            names.add(name(e.model()));
            acc.add(e.accuracy());
            f1.add(e.macro().f1());
            min = Math.min(min, Math.min(e.accuracy(), e.macro().f1()));
        }
        c.addSeries("accuracy", names, acc);
        c.addSeries("macro F1", names, f1);
        c.getStyler().setYAxisMin(Math.max(0, Math.floor(min * 50 - 1) / 50)).setYAxisMax(1.0)
                .setYAxisDecimalPattern("0.000");
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFontColor(Color.DARK_GRAY);
        c.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setDecimalPattern("0.0000");
        return c;
    }

    private static CategoryChart speedChart(List<Measured> models) {
        CategoryChart c = new CategoryChartBuilder().width(620).height(340)
                .title("Inference speed at batch 512 (crops per second)").build();
        style(c);
        List<String> names = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        for (Measured m : models) {
            Evaluation e = m.result().evaluation();
            names.add(name(e.model()));
            many.add(Double.isNaN(e.speed().batch512CropsPerSecond()) ? 0 : e.speed().batch512CropsPerSecond());
        }
        c.addSeries("batch 512", names, many);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setDecimalPattern("#,##0");
        return c;
    }

    /** Off-diagonal confusion counts (the right answers are in the per-class recall), so the mistakes stand out. */
    private static HeatMapChart heatMap(Evaluation e) {
        HeatMapChart c = new HeatMapChartBuilder().width(540).height(480)
                .title(name(e.model()) + ": confusion matrix, mistakes only").xAxisTitle("predicted")
                .yAxisTitle("true").build();
        List<String> labels = e.classes().stream().map(l -> l.equals("not-a-digit") ? "NaD" : l).toList();
        List<Number[]> cells = new ArrayList<>();
        long max = 1;
        int n = labels.size();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                long v = e.confusion()[t][p];
                if (t != p) {
                    max = Math.max(max, v);
                }
            }
        }
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                long v = e.confusion()[t][p];
                // rows listed top-down: truth 0 on top; only the mistakes get a cell
                if (t != p && v > 0) {
                    cells.add(new Number[] {p, n - 1 - t, v});
                }
            }
        }
        List<String> rows = new ArrayList<>(labels);
        java.util.Collections.reverse(rows);
        c.addSeries("mistakes", labels, rows, cells);
        c.getStyler().setShowValue(true).setMin(0).setMax(max).setHeatMapValueDecimalPattern("#")
                .setRangeColors(new Color[] {Color.WHITE, new Color(0xfdd49e), new Color(0xef6548), new Color(0x990000)})
                .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE).setPlotBorderVisible(false)
                .setChartTitleBoxVisible(false);
        c.getStyler().setValueFontColor(Color.BLACK);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        return c;
    }

    private static CategoryChart perClassChart(Evaluation e) {
        CategoryChart c = new CategoryChartBuilder().width(680).height(480)
                .title(name(e.model()) + ": precision, recall and F1 per digit").xAxisTitle("digit").build();
        style(c);
        List<String> labels = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> f = new ArrayList<>();
        double min = 1;
        for (var m : e.perClass()) {
            if (m.support() == 0) {
                continue;
            }
            labels.add(m.label());
            p.add(m.precision());
            r.add(m.recall());
            f.add(m.f1());
            min = Math.min(min, Math.min(m.precision(), m.recall()));
        }
        c.addSeries("precision", labels, p);
        c.addSeries("recall", labels, r);
        c.addSeries("F1", labels, f);
        c.getStyler().setYAxisMin(Math.max(0, Math.floor(min * 20 - 0.5) / 20)).setYAxisMax(1.0)
                .setYAxisDecimalPattern("0.00");
        return c;
    }

    @SuppressWarnings("unchecked")
    private static List<XYChart> learningCurves(String kind, Map<String, Object> training) {
        List<XYChart> charts = new ArrayList<>();
        if (kind.equals("cnn") && training.get("history") instanceof List<?> history && !history.isEmpty()) {
            List<Double> epoch = new ArrayList<>();
            List<Double> loss = new ArrayList<>();
            List<Double> hw = new ArrayList<>();
            List<Double> pr = new ArrayList<>();
            for (Object row : history) {
                List<Number> r = (List<Number>) row;
                epoch.add(r.get(0).doubleValue());
                loss.add(r.get(1).doubleValue());
                hw.add(r.get(2).doubleValue());
                pr.add(r.get(3).doubleValue());
            }
            XYChart l = xy("CNN: training loss per epoch", "epoch", "mean loss");
            line(l, "training loss", epoch, loss);
            l.getStyler().setYAxisDecimalPattern("0.000").setXAxisDecimalPattern("0");
            XYChart a = xy("CNN: validation accuracy per epoch", "epoch", "accuracy");
            line(a, "handwritten", epoch, hw);
            line(a, "printed", epoch, pr);
            a.getStyler().setYAxisDecimalPattern("0.000").setXAxisDecimalPattern("0");
            charts.add(l);
            charts.add(a);
        } else if (kind.equals("svm") && training.get("grid") instanceof List<?> grid) {
            XYChart c = xy("SVM: validation accuracy over gamma, per C", "gamma", "handwritten validation accuracy");
            Map<Double, List<double[]>> byC = new TreeMap<>();
            for (Object o : grid) {
                Map<String, Object> row = (Map<String, Object>) o;
                byC.computeIfAbsent(((Number) row.get("C")).doubleValue(), k -> new ArrayList<>()).add(new double[] {
                    ((Number) row.get("gamma")).doubleValue(), ((Number) row.get("validationHandwrittenAccuracy")).doubleValue()});
            }
            byC.forEach((cValue, points) -> {
                points.sort((x, y) -> Double.compare(x[0], y[0]));
                line(c, String.format(Locale.ROOT, "C = %.0f", cValue), points.stream().map(p -> p[0]).toList(),
                        points.stream().map(p -> p[1]).toList());
            });
            c.getStyler().setXAxisDecimalPattern("0.000").setYAxisDecimalPattern("0.000");
            charts.add(c);
        } else if (kind.equals("knn") && training.get("grid") instanceof List<?> grid) {
            XYChart c = xy("k-NN: validation accuracy over k, per distance", "k", "handwritten validation accuracy");
            Map<String, List<double[]>> byMetric = new TreeMap<>();
            for (Object o : grid) {
                Map<String, Object> row = (Map<String, Object>) o;
                byMetric.computeIfAbsent((String) row.get("metric"), k -> new ArrayList<>()).add(new double[] {
                    ((Number) row.get("k")).doubleValue(), ((Number) row.get("validationHandwrittenAccuracy")).doubleValue()});
            }
            byMetric.forEach((metric, points) -> line(c, metric.toLowerCase(Locale.ROOT),
                    points.stream().map(p -> p[0]).toList(), points.stream().map(p -> p[1]).toList()));
            c.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.000");
            charts.add(c);
        }
        return charts;
    }

    @SuppressWarnings("unchecked")
    private static XYChart sizeCurve(List<Measured> models) {
        XYChart c = xy("Validation accuracy against training size", "handwritten training digits",
                "handwritten validation accuracy");
        boolean any = false;
        for (Measured m : models) {
            if (m.model().metadata().training().get("sizeCurve") instanceof List<?> curve && !curve.isEmpty()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (Object o : curve) {
                    Map<String, Object> row = (Map<String, Object>) o;
                    x.add(((Number) row.get("handwrittenTrainDigits")).doubleValue());
                    y.add(((Number) row.get("validationHandwrittenAccuracy")).doubleValue());
                }
                line(c, name(m.result().evaluation().model()), x, y);
                any = true;
            }
        }
        c.getStyler().setXAxisLogarithmic(true).setXAxisDecimalPattern("#,###").setYAxisDecimalPattern("0.000");
        return any ? c : null;
    }

    /** The misclassified crops, most confident first, drawn 3x with "true -> predicted (confidence)" under each. */
    private static int misclassifiedGrid(Measured m, Path file) throws IOException {
        int[] predicted = m.result().predicted();
        float[] confidence = m.result().confidence();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] != m.crops().label(i)) {
                wrong.add(i);
            }
        }
        wrong.sort((a, b) -> Float.compare(confidence[b], confidence[a]));
        int shown = Math.min(GRID_DIGITS, wrong.size());
        int columns = 12;
        int scale = 3;
        int cellW = CropNormalizer.SIZE * scale + 16;
        int cellH = CropNormalizer.SIZE * scale + 30;
        int rows = Math.max(1, (shown + columns - 1) / columns);
        BufferedImage img = new BufferedImage(columns * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int k = 0; k < shown; k++) {
            int i = wrong.get(k);
            int x0 = (k % columns) * cellW + 8;
            int y0 = (k / columns) * cellH + 4;
            float[] crop = m.crops().crop(i);
            for (int y = 0; y < CropNormalizer.SIZE; y++) {
                for (int x = 0; x < CropNormalizer.SIZE; x++) {
                    int v = 255 - Math.round(crop[y * CropNormalizer.SIZE + x] * 255);
                    g.setColor(new Color(v, v, v));
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
            g.setColor(new Color(0xd0d4da));
            g.setStroke(new BasicStroke(1));
            g.drawRect(x0 - 1, y0 - 1, CropNormalizer.SIZE * scale + 1, CropNormalizer.SIZE * scale + 1);
            String label = DigitClasses.name(m.crops().label(i)) + " \u2192 "
                    + (predicted[i] == DigitClasses.NOT_A_DIGIT ? "NaD" : DigitClasses.name(predicted[i]))
                    + String.format(Locale.ROOT, " (%.2f)", confidence[i]);
            g.setColor(new Color(0xb00020));
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, x0 + (CropNormalizer.SIZE * scale - w) / 2, y0 + CropNormalizer.SIZE * scale + 18);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return wrong.size();
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(430).height(320).title(title).xAxisTitle(x).yAxisTitle(y).build();
        style(c);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return c;
    }

    private static void line(XYChart c, String name, List<Double> x, List<Double> y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static void style(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setLegendBorderColor(new Color(0xdddddd));
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setPlotGridLinesColor(new Color(0xe6e8eb));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        if (s instanceof org.knowm.xchart.style.CategoryStyler cs) {
            cs.setLegendPosition(Styler.LegendPosition.OutsideS);
            cs.setLegendLayout(Styler.LegendLayout.Horizontal);
        }
    }

    private static void save(Chart<?, ?> chart, Path dir, String file) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String name(String kind) {
        return NAMES.getOrDefault(kind, kind);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", v * 100);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
