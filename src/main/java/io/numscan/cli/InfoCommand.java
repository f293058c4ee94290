package io.numscan.cli;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.HandwritingClassifier;
import io.numscan.classify.ModelInfo;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true, description = "Shows the compute backend, device and model in use.")
public class InfoCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("numscan " + new VersionProvider().getVersion()[0].replace("numscan ", ""));
        out.println("java:    " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (DigitClassifier classifier = Engines.classifier(model)) {
            ModelInfo info = classifier.info();
            out.println("backend: " + info.backend());
            out.println(String.format(Locale.ROOT, "model:   %s, version %s, test-split accuracy %.4f", info.kind(),
                    info.version(), info.testAccuracy()));
            out.println("source:  " + info.source());
            try (HandwritingClassifier handwriting = Engines.handwriting(model)) {
                out.println(handwriting == null ? "fields:  read by the model above (no handwriting-digits model found)"
                        : String.format(Locale.ROOT, "fields:  handwriting, version %s, test-split accuracy %.4f, from %s",
                                handwriting.info().version(), handwriting.info().testAccuracy(), handwriting.info().source()));
            }
            return 0;
        } catch (Exception e) {
            spec.commandLine().getErr().println("numscan: cannot load the model: " + e.getMessage());
            return 1;
        }
    }
}
