package io.numscan.web;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.ModelInfo;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Reports ready only once the digit model is loaded, naming the model and its version. The
 * model is loaded in the background, so the port opens at once: as soon as {@code serve}
 * starts, or at the first probe (tests, which start no command).
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ModelReadinessCheck.class);

    @Inject
    Instance<DigitClassifier> classifier;

    private final AtomicBoolean started = new AtomicBoolean();
    private volatile ModelInfo loaded;
    private volatile String failure;

    /** Other commands load their own model, when they need one. */
    void onStart(@Observes StartupEvent event, @CommandLineArguments String[] args) {
        if (args.length > 0 && "serve".equals(args[0])) {
            startLoading();
        }
    }

    private void startLoading() {
        if (started.compareAndSet(false, true)) {
            Thread loader = new Thread(this::load, "numscan-model-loader");
            loader.setDaemon(true);
            loader.start();
        }
    }

    private void load() {
        try {
            loaded = classifier.get().info();
            LOG.infof("model %s %s loaded (%s)", loaded.kind(), loaded.version(), loaded.backend());
        } catch (RuntimeException e) {
            failure = String.valueOf(e.getMessage());
            LOG.errorf("cannot load the model: %s", failure);
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("digit-model");
        startLoading();
        ModelInfo info = loaded;
        if (info != null) {
            return response.up()
                    .withData("name", info.kind())
                    .withData("version", info.version())
                    .withData("testAccuracy", String.valueOf(info.testAccuracy()))
                    .withData("backend", info.backend())
                    .build();
        }
        return response.down().withData("state", failure == null ? "loading" : "failed: " + failure).build();
    }
}
