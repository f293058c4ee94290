package io.numscan.cli;

import picocli.CommandLine.Command;

@Command(name = "numscan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Finds and reads numbers in PDFs and scanned pages.",
        subcommands = {ScanCommand.class, ExtractCommand.class, BatchCommand.class, TrainCommand.class, EvaluateCommand.class,
            ReportCommand.class, InfoCommand.class, ServeCommand.class, SamplesCommand.class,
            CorpusCommand.class, EvalDocsCommand.class, BenchCommand.class})
public class NumScanCommand {
}
