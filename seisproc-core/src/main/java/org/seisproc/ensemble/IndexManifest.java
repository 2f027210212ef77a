package org.seisproc.ensemble;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/// `index/<name>.json`: what an ensemble index file holds, written after the data file (both
/// atomically), so a reader sees either the old index or the new one.
///
/// The data file `index/<name>.idx` is raw little-endian: a 64-byte header (magic
/// `SPENSIDX`, int32 version, int32 key count, int64 traces, int64 ensembles, 16-byte build id),
/// then the permutation (traces × int32: trace numbers in ensemble order), the ensemble starts
/// (ensembles + 1 × int32: ensemble `e` is permutation `[starts[e], starts[e+1])`) and the key
/// values (ensembles × keys × int32).
///
/// @param formatVersion index layout version
/// @param key           the key as written (`cdp`, `gx,gy`, `offset/100`)
/// @param fields        key field names, most significant first
/// @param binWidths     bin width per field
/// @param secondary     in-ensemble order field or null
/// @param traces        traces indexed
/// @param ensembles     ensemble count
/// @param fold          fold statistics
/// @param buildId       the id also written in the data file's header (detects a mismatched pair)
/// @param dataset       the fingerprint of the dataset it was built from (detects staleness)
/// @param buildSeconds  time the build took
/// @param created       ISO-8601 time
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexManifest(int formatVersion, String key, List<String> fields, List<Integer> binWidths, String secondary,
                            long traces, int ensembles, FoldStats fold, String buildId, Fingerprint dataset,
                            double buildSeconds, String created) {
    public static final int FORMAT_VERSION = 1;

    /// Binds a parsed index manifest by hand (as [org.seisproc.dataset.DatasetManifest] does:
    /// record binding is slow on a cold JVM and this is read at every job start). Unknown fields
    /// are ignored; missing ones take Java defaults.
    public static IndexManifest fromJson(com.fasterxml.jackson.databind.JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the index description is not a JSON object");
        }
        List<String> fields = new java.util.ArrayList<>();
        n.path("fields").forEach(f -> fields.add(f.asText()));
        List<Integer> widths = new java.util.ArrayList<>();
        n.path("binWidths").forEach(w -> widths.add(w.asInt()));
        var f = n.path("fold");
        var d = n.path("dataset");
        return new IndexManifest(n.path("formatVersion").asInt(), text(n, "key"), fields, widths, text(n, "secondary"),
                n.path("traces").asLong(), n.path("ensembles").asInt(),
                f.isObject() ? new FoldStats(f.path("ensembles").asInt(), f.path("min").asInt(), f.path("mean").asDouble(),
                        f.path("max").asInt()) : null,
                text(n, "buildId"),
                d.isObject() ? new Fingerprint(d.path("traces").asLong(), text(d, "samplesSha256"), text(d, "traceHeadersSha256"),
                        text(d, "created")) : null,
                n.path("buildSeconds").asDouble(), text(n, "created"));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String field) {
        var v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /// What identifies the dataset content an index was built from: the trace count, the samples
    /// checksum and the trace-headers checksum from `dataset.json`, and its creation time (which
    /// changes with every import or rewrite, also one without checksums).
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fingerprint(long traces, String samplesSha256, String traceHeadersSha256, String created) {
    }
}
