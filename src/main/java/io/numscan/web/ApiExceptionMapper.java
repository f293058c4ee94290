package io.numscan.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals raised by Quarkus REST itself (a chunked upload that grows past the body-size limit
 * while being parsed, an unknown path, a wrong method) get the API's JSON error shape too.
 */
public class ApiExceptionMapper {

    @Inject
    WebConfig config;

    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        Response original = e.getResponse();
        if (original == null || original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        String reason = status == 413
                ? UploadLimit.tooLarge(-1, config.maxUploadSize().asLongValue())
                : e.getMessage();
        return ApiErrors.response(status, null, reason);
    }
}
