package org.seisproc.segy;

/// SEG-Y (3600-byte file header, then traces) or Seismic Unix (traces only, IEEE float32).
public enum FileKind {
    SEGY, SU;

    /// The kind a path's name suggests: `.su` → SU, anything else → SEG-Y.
    public static FileKind fromName(java.nio.file.Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".su") ? SU : SEGY;
    }
}
