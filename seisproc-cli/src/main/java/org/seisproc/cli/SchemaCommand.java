package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.seisproc.dataset.DatasetFiles;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.io.parquet.ParquetSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/// `seisproc schema DATASET|FILE.parquet`: the columns of a header table.
@Command(name = "schema", header = "Shows the columns and row counts of a dataset's headers.parquet or any Parquet file.", mixinStandardHelpOptions = true,
        description = "Shows the columns (name, type) and row counts of a dataset's headers.parquet or any Parquet file.")
final class SchemaCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "DATASET|FILE.parquet")
    Path path;

    @Mixin
    ParquetMixin parquet;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        parquet.apply();
        Path file = Files.isDirectory(path) ? path.resolve(DatasetFiles.HEADERS_PARQUET) : path;
        ParquetSchema s = ParquetIO.schema(file);
        out.printf("%s: %,d rows in %d row group(s), %d columns%n", file, s.rows(), s.rowGroups(), s.fields().size());
        for (ParquetSchema.Field f : s.fields()) {
            out.printf("  %-32s %-8s%s%n", f.name(), f.type(), f.nullable() ? " nullable" : "");
        }
        return Main.OK;
    }
}
