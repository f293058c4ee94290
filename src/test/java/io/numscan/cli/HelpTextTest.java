package io.numscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {
    /**
     * Picocli formats descriptions with {@code String.format}; a bare percent sign makes it print a
     * warning three times over the help text (as {@code train --help} did with "10% of").
     */
    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder usage = new StringBuilder();
        CommandLine root;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            root = new CommandLine(new NumScanCommand());
            usage.append(root.getUsageMessage());
            for (CommandLine sub : root.getSubcommands().values()) {
                usage.append(sub.getUsageMessage());
            }
        } finally {
            System.setErr(original);
        }
        assertEquals(12, root.getSubcommands().size(), root.getSubcommands().keySet().toString());
        assertTrue(usage.toString().contains("last 10% of the train file"), "train's help is rendered");
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
