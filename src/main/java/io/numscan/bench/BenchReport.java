package io.numscan.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.classify.ModelInfo;
import io.numscan.evaluate.NumberScore;
import io.numscan.output.JsonOutput;
import io.numscan.pipeline.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What a bench run measured, as a table for people and JSON for tools. */
public record BenchReport(Environment environment, Path pages, List<StageBench.Result> stages,
        List<ClassifierBench.Result> classifier, List<BatchBench.Result> batches, TesseractBench.Comparison tesseract) {

    /** Where the figures were taken: they mean little without the machine and its load. */
    public record Environment(String time, int cores, String java, String model, String backend, String loadBefore,
            String loadAfter) {
        static Environment now(ModelInfo model, String loadBefore) {
            return new Environment(Instant.now().toString(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    model.kind() + " " + model.version(), model.backend(), loadBefore, loadAverage());
        }

        /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
    }

    public String table() {
        StringBuilder s = new StringBuilder();
        Environment e = environment;
        s.append(String.format(Locale.ROOT, "NumScan bench: %s, %d cores, %s%n", pages, e.cores(), e.java()));
        s.append(String.format(Locale.ROOT, "model %s on %s%nload average before %s, after %s%n", e.model(), e.backend(),
                e.loadBefore(), e.loadAfter()));
        if (!classifier.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nClassifier alone%n%8s %12s %14s%n", "batch", "crops/s", "crops/CPU-s"));
            for (ClassifierBench.Result r : classifier) {
                s.append(String.format(Locale.ROOT, "%8d %12.0f %14.0f%n", r.batch(), r.cropsPerSecond(), r.cropsPerCpuSecond()));
            }
        }
        if (!stages.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nms per page, one page at a time on one thread%n%-11s", "stage"));
            for (StageBench.Result r : stages) {
                s.append(String.format(Locale.ROOT, " %10s", r.label()));
            }
            s.append('\n');
            for (Stage stage : Stage.values()) {
                s.append(String.format(Locale.ROOT, "%-11s", stage.label()));
                for (StageBench.Result r : stages) {
                    s.append(String.format(Locale.ROOT, " %10.1f", r.msPerPage().get(stage)));
                }
                s.append('\n');
            }
            s.append(String.format(Locale.ROOT, "%-11s", "total"));
            for (StageBench.Result r : stages) {
                s.append(String.format(Locale.ROOT, " %10.1f", r.totalMsPerPage()));
            }
            s.append(String.format(Locale.ROOT, "%n%-11s", "pages/s"));
            for (StageBench.Result r : stages) {
                s.append(String.format(Locale.ROOT, " %10.2f", 1000 / r.totalMsPerPage()));
            }
            s.append(String.format(Locale.ROOT, "%n%-11s", "F1"));
            for (StageBench.Result r : stages) {
                s.append(String.format(Locale.ROOT, " %10s", r.scoredPages() == 0 ? "-" : String.format(Locale.ROOT, "%.4f", r.score().f1())));
            }
            s.append(String.format(Locale.ROOT, "%n(pages timed:"));
            for (StageBench.Result r : stages) {
                s.append(String.format(Locale.ROOT, " %s %d", r.label(), r.pagesTimed()));
            }
            s.append(")\n");
        }
        if (!batches.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nnumscan batch, end to end%n%5s %6s %9s %8s %9s %13s%n", "jobs", "pages",
                    "pages/s", "wall s", "process s", "peak RSS MiB"));
            for (BatchBench.Result r : batches) {
                s.append(String.format(Locale.ROOT, "%5d %6d %9.2f %8.1f %9.1f %13.0f%n", r.jobs(), r.pages(),
                        r.pagesPerSecond(), r.wallSeconds(), r.processSeconds(), r.peakRssBytes() / 1048576.0));
            }
        }
        if (tesseract != null) {
            TesseractBench.Comparison t = tesseract;
            s.append(String.format(Locale.ROOT, "%nSame scans, NumScan against Tesseract%n%-28s %10s %10s%n", "", "NumScan", "Tesseract"));
            s.append(String.format(Locale.ROOT, "%-28s %10s %10.3f%n", "pages/s", t.numscanPagesPerSecond() > 0
                    ? String.format(Locale.ROOT, "%.3f", t.numscanPagesPerSecond()) : "-", t.tesseractPagesPerSecond()));
            s.append(String.format(Locale.ROOT, "%-28s %10s %10.4f%n", "number-level F1", t.numscan() == null ? "-"
                    : String.format(Locale.ROOT, "%.4f", t.numscan().f1()), t.tesseract().f1()));
            s.append(String.format(Locale.ROOT, "%-28s %10s%n", "pages/s ratio NumScan/Tess.", t.numscanPagesPerSecond() > 0
                    ? String.format(Locale.ROOT, "%.2fx", t.ratio()) : "-"));
            s.append(String.format(Locale.ROOT, "(%s; %d pages for Tesseract's pages/s, F1 over %d pages)%n",
                    t.tesseractSetup(), t.tesseractPages(), t.scoredPages()));
        }
        return s.toString();
    }

    public String json() {
        var mapper = JsonOutput.mapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode env = root.putObject("environment");
        env.put("time", environment.time());
        env.put("cores", environment.cores());
        env.put("java", environment.java());
        env.put("model", environment.model());
        env.put("backend", environment.backend());
        env.put("loadAverageBefore", environment.loadBefore());
        env.put("loadAverageAfter", environment.loadAfter());
        root.put("pages", pages.toString());
        ArrayNode cls = root.putArray("classifier");
        for (ClassifierBench.Result r : classifier) {
            ObjectNode o = cls.addObject();
            o.put("batch", r.batch());
            o.put("crops", r.crops());
            o.put("seconds", round(r.seconds(), 3));
            o.put("cropsPerSecond", round(r.cropsPerSecond(), 1));
            o.put("cpuSeconds", round(r.cpuSeconds(), 3));
            o.put("cropsPerCpuSecond", round(r.cropsPerCpuSecond(), 1));
        }
        ArrayNode st = root.putArray("stages");
        for (StageBench.Result r : stages) {
            ObjectNode o = st.addObject();
            o.put("label", r.label());
            o.put("kind", r.kind().label());
            o.put("documents", r.documents());
            o.put("pagesTimed", r.pagesTimed());
            ObjectNode ms = o.putObject("msPerPage");
            for (Stage stage : Stage.values()) {
                ms.put(stage.label(), round(r.msPerPage().get(stage), 2));
            }
            o.put("totalMsPerPage", round(r.totalMsPerPage(), 2));
            putScore(o, r.score(), r.scoredPages());
        }
        ArrayNode bt = root.putArray("batch");
        for (BatchBench.Result r : batches) {
            ObjectNode o = bt.addObject();
            o.put("jobs", r.jobs());
            o.put("documents", r.documents());
            o.put("pages", r.pages());
            o.put("pagesPerSecond", r.pagesPerSecond());
            o.put("wallSeconds", r.wallSeconds());
            o.put("processSeconds", round(r.processSeconds(), 2));
            o.put("peakRssBytes", r.peakRssBytes());
        }
        if (tesseract != null) {
            ObjectNode o = root.putObject("tesseract");
            o.put("setup", tesseract.tesseractSetup());
            o.put("version", tesseract.version());
            o.put("pages", tesseract.tesseractPages());
            o.put("wallSeconds", round(tesseract.tesseractSeconds(), 2));
            o.put("tesseractPagesPerSecond", round(tesseract.tesseractPagesPerSecond(), 4));
            o.put("numscanPagesPerSecond", round(tesseract.numscanPagesPerSecond(), 4));
            o.put("ratio", round(tesseract.ratio(), 3));
            putScore(o.putObject("tesseractScore"), tesseract.tesseract(), tesseract.scoredPages());
            if (tesseract.numscan() != null) {
                putScore(o.putObject("numscanScore"), tesseract.numscan(), tesseract.scoredPages());
            }
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putScore(ObjectNode o, NumberScore score, int pages) {
        o.put("scoredPages", pages);
        o.put("truePositives", score.truePositives());
        o.put("falsePositives", score.falsePositives());
        o.put("falseNegatives", score.falseNegatives());
        o.put("f1", round(score.f1(), 4));
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
