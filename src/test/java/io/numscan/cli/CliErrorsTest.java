package io.numscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliErrorsTest {
    /** No @Command annotation: the application's build would take it for one of its commands. */
    static final class Fails implements Callable<Integer> {
        private final Exception thrown;

        Fails(Exception thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            throw thrown;
        }
    }

    private static CommandLine failing(Exception thrown) {
        return new CommandLine(CommandLine.Model.CommandSpec.wrapWithoutInspection(new Fails(thrown)).name("fails"));
    }

    private static String run(Exception thrown, int expectedCode) {
        StringWriter err = new StringWriter();
        int code = failing(thrown).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(new CliErrors()).execute();
        assertEquals(expectedCode, code, err.toString());
        return err.toString();
    }

    @Test
    void aFailedReadOrWriteIsOneLineNamingTheFileAndWhy() {
        String err = run(new NoSuchFileException("/data/in.pdf"), 1);
        assertEquals("numscan: fails: /data/in.pdf: no such file or folder", err.strip());
        assertFalse(err.contains("\tat "), err);
        String unchecked = run(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/out/x.csv")), 1);
        assertEquals("numscan: fails: /out/x.csv: permission denied", unchecked.strip());
    }

    @Test
    void anyOtherExceptionIsABugAndKeepsItsStackTrace() {
        StringWriter err = new StringWriter();
        int code = failing(new IllegalStateException("bug")).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(new CliErrors()).execute();
        assertTrue(code != 0);
        assertTrue(err.toString().contains("IllegalStateException: bug") && err.toString().contains("\tat "), err.toString());
    }
}
