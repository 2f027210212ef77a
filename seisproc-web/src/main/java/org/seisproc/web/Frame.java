package org.seisproc.web;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The binary response for samples: JSON metadata, then typed little-endian arrays, each aligned
/// to 8 bytes so the page views them as `Float32Array` / `Float64Array` without copying.
///
/// ```
/// bytes 0..3   "SPF1"
/// bytes 4..7   uint32 LE: length M of the metadata
/// bytes 8..    M bytes of UTF-8 JSON: the caller's fields plus "arrays": [{name, type, offset, length}]
/// then         the arrays at their offsets (f32: 4 bytes per value, f64: 8), little-endian
/// ```
///
/// Samples never travel as JSON numbers.
final class Frame {
    private record Part(String name, float[] f32, int f32From, double[] f64, int length) {
    }

    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();

    Frame meta(String key, Object value) {
        meta.put(key, value);
        return this;
    }

    /// `length` floats of `values` from `from`.
    Frame floats(String name, float[] values, int from, int length) {
        parts.add(new Part(name, values, from, null, length));
        return this;
    }

    Frame doubles(String name, double[] values) {
        parts.add(new Part(name, null, 0, values, values.length));
        return this;
    }

    byte[] encode() {
        // Offsets depend on the metadata length, which depends on the offsets' digits: lay out
        // with a generous fixed field width for the metadata so one pass settles it.
        List<Map<String, Object>> arrays = new ArrayList<>();
        for (Part p : parts) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", p.name());
            a.put("type", p.f32() != null ? "f32" : "f64");
            a.put("offset", 0L);
            a.put("length", p.length());
            arrays.add(a);
        }
        meta.put("arrays", arrays);
        byte[] json = null;
        long start = 0;
        for (int pass = 0; pass < 3; pass++) {
            json = new Json().toJsonString(meta, Object.class).getBytes(StandardCharsets.UTF_8);
            long at = align(8 + json.length);
            start = at;
            boolean changed = false;
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                long old = (Long) arrays.get(i).get("offset");
                if (old != at) {
                    arrays.get(i).put("offset", at);
                    changed = true;
                }
                at = align(at + (long) p.length() * (p.f32() != null ? 4 : 8));
            }
            if (!changed) {
                break;
            }
        }
        long total = start;
        for (Part p : parts) {
            total = align(total + (long) p.length() * (p.f32() != null ? 4 : 8));
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new WebError(413, null, "the response would be " + total + " bytes; ask for fewer traces");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put("SPF1".getBytes(StandardCharsets.US_ASCII)).putInt(json.length).put(json);
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            int off = (int) (long) (Long) arrays.get(i).get("offset");
            buf.position(off);
            if (p.f32() != null) {
                buf.asFloatBuffer().put(p.f32(), p.f32From(), p.length());
            } else {
                buf.asDoubleBuffer().put(p.f64(), 0, p.length());
            }
        }
        return buf.array();
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }
}
