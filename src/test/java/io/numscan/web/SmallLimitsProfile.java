package io.numscan.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits small enough for the samples to cross them, one scanner and a queue of one. */
public class SmallLimitsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "numscan.web.max-upload-size", "256K",
                "numscan.web.max-pages", "2",
                "numscan.web.max-page-pixels", "5000000",
                "numscan.web.pool.size", "1",
                "numscan.web.pool.queue", "1",
                "numscan.web.pool.retry-after", "7s",
                "numscan.web.page-images.keep", "3s");
    }
}
