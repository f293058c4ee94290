package io.numscan.train;

import java.io.PrintStream;
import java.time.Duration;

/** Epoch, batch, loss and ETA on one refreshed line on a terminal; whole lines elsewhere. */
public final class TrainingProgress {
    private final PrintStream out;
    private final boolean terminal;
    private long epochStart;
    private long lastPrint;

    public TrainingProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public void startEpoch() {
        epochStart = System.nanoTime();
        lastPrint = 0;
    }

    public void batch(int epoch, int maxEpochs, int batch, int batches, double loss) {
        long now = System.nanoTime();
        long interval = terminal ? 250_000_000L : 15_000_000_000L;
        if (batch != batches && now - lastPrint < interval) {
            return;
        }
        lastPrint = now;
        double elapsed = (now - epochStart) / 1e9;
        double eta = batch == 0 ? 0 : elapsed / batch * (batches - batch);
        String line = String.format(java.util.Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.4f  eta %s",
                epoch, maxEpochs, batch, batches, loss, format(eta));
        if (terminal) {
            out.print("\r" + line + "   ");
            if (batch == batches) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /**
     * Progress of a phase without epochs (hyper-parameter search, fitting, scoring): step
     * {@code done} of {@code total}, with ETA from the phase's start ({@link #startEpoch()}).
     */
    public void step(String phase, int done, int total, String detail) {
        long now = System.nanoTime();
        long interval = terminal ? 250_000_000L : 15_000_000_000L;
        if (done != total && now - lastPrint < interval) {
            return;
        }
        lastPrint = now;
        double elapsed = (now - epochStart) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        String line = String.format(java.util.Locale.ROOT, "%s %d/%d  %s  eta %s", phase, done, total, detail, format(eta));
        if (terminal) {
            out.print("\r" + line + "   ");
            if (done == total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    public void message(String text) {
        out.println(text);
        out.flush();
    }

    private static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + String.format("%02ds", d.toSecondsPart()) : d.toSeconds() + "s";
    }
}
