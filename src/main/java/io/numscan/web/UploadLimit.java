package io.numscan.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

/**
 * Refuses an upload larger than {@code numscan.web.max-upload-size} from its Content-Length,
 * before a byte of it is read, with the API's JSON error. It runs just before Quarkus's own
 * body-size check (order -2), which is set to the same size in application.properties and so
 * only catches uploads sent without a length (chunked), once too many bytes have arrived; the
 * failure handler here turns that refusal into the same JSON.
 */
@ApplicationScoped
public class UploadLimit {

    void install(@Observes Router router, WebConfig config, MeterRegistry registry) {
        long max = config.maxUploadSize().asLongValue();
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long size;
            try {
                size = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size > max) {
                registry.counter("numscan.scan.errors", "reason", "upload_too_large").increment();
                String body = ApiErrors.body(413, null, tooLarge(size, max)).toString();
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            ctx.next();
        });
        router.route().order(-3).failureHandler(ctx -> {
            if (ctx.response().headWritten() || !isTooLarge(ctx)) {
                ctx.next();
                return;
            }
            registry.counter("numscan.scan.errors", "reason", "upload_too_large").increment();
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(ApiErrors.body(413, null, tooLarge(-1, max)).toString());
        });
    }

    private static boolean isTooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            return true;
        }
        Throwable failure = ctx.failure();
        return failure instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() == 413;
    }

    static String tooLarge(long size, long max) {
        return (size >= 0 ? "upload is " + ApiErrors.bytes(size) : "upload is")
                + " larger than the limit of " + ApiErrors.bytes(max);
    }
}
