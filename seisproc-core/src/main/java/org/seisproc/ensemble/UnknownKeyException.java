package org.seisproc.ensemble;

import java.nio.file.Path;
import java.util.List;

/// A key name that is not an integer header field of the dataset: a usage mistake (CLI exit
/// code 2). The message names the dataset and lists the valid names.
public final class UnknownKeyException extends IllegalArgumentException {
    private final List<String> validNames;

    public UnknownKeyException(Path dataset, String name, String why, List<String> validNames) {
        super("dataset " + dataset + ": key '" + name + "' " + why + "; valid keys: " + String.join(", ", validNames));
        this.validNames = List.copyOf(validNames);
    }

    public List<String> validNames() {
        return validNames;
    }
}
