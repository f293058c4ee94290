package io.numscan.cli;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the web page and HTTP API.")
public class ServeCommand implements Callable<Integer> {
    /** Read by {@link NumScanMain} before the server starts; declared here for help and validation. */
    @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        System.out.println("numscan: serving on port " + port + " (Ctrl+C to stop)");
        Quarkus.waitForExit();
        return 0;
    }
}
