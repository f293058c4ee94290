package io.numscan.web;

import io.numscan.classify.DigitClassifier;
import io.numscan.classify.ModelInfo;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Loads the digit model as soon as the server starts (in the background, so the port opens at
 * once) and reports ready only once it is loaded, naming the model and its version.
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ModelReadinessCheck.class);

    @Inject
    Instance<DigitClassifier> classifier;

    private volatile ModelInfo loaded;
    private volatile String failure;

    /** Only {@code serve} has HTTP enabled; other commands load their own model when they need one. */
    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        if (serving) {
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
