package io.numscan.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.numscan.ingest.UnreadableDocumentException;
import io.numscan.output.JsonOutput;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every refusal of the HTTP API has the same JSON shape:
 * {@code {"status": 413, "error": "Content Too Large", "file": "...", "reason": "..."}},
 * {@code reason} being words for the person who sent the file.
 */
final class ApiErrors {
    private ApiErrors() {
    }

    static int statusFor(UnreadableDocumentException.Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE, TOO_MANY_PAGES -> 413;
            default -> 422;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    static ObjectNode body(int status, String file, String reason) {
        ObjectNode node = JsonOutput.mapper().createObjectNode();
        node.put("status", status);
        node.put("error", title(status));
        if (file != null) {
            node.put("file", file);
        }
        node.put("reason", reason);
        return node;
    }

    static Response response(int status, String file, String reason) {
        return response(status, body(status, file, reason));
    }

    static Response response(int status, ObjectNode body) {
        return Response.status(status).entity(body.toString()).type(MediaType.APPLICATION_JSON).build();
    }

    /** Sizes in words: 25 MB, 300 KB, 12 bytes. */
    static String bytes(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MB";
        }
        if (n >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        }
        if (n >= 1024) {
            return Math.round(n / 1024.0) + " KB";
        }
        return n + " bytes";
    }
}
