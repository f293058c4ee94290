package io.numscan.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point. Only {@code serve} opens a port: every other command runs with the HTTP server
 * switched off, so several can run side by side.
 */
@QuarkusMain
public class NumScanMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        configureServer(args);
        Quarkus.run(NumScanMain.class, args);
    }

    static void configureServer(String... args) {
        boolean serve = args.length > 0 && "serve".equals(args[0]);
        if (!serve) {
            System.setProperty("quarkus.http.host-enabled", "false");
            return;
        }
        // The port must be known before Quarkus starts its server, i.e. before picocli runs.
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--port") || a.equals("-p")) {
                if (i + 1 < args.length) {
                    System.setProperty("quarkus.http.port", args[i + 1]);
                }
            } else if (a.startsWith("--port=")) {
                System.setProperty("quarkus.http.port", a.substring("--port=".length()));
            }
        }
    }

    @Override
    public int run(String... args) {
        return new CommandLine(NumScanCommand.class, factory)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new CliErrors())
                .execute(args);
    }
}
