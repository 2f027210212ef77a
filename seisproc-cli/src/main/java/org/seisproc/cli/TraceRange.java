package org.seisproc.cli;

/// A Python-style slice of trace indices, `start:stop[:step]` (0-based, stop exclusive; empty
/// parts mean the ends; a single number is one trace; negative numbers count from the end).
record TraceRange(long start, long stop, long step) {

    static TraceRange all() {
        return new TraceRange(0, Long.MAX_VALUE, 1);
    }

    static TraceRange parse(String text) {
        String[] parts = text.trim().split(":", -1);
        try {
            if (parts.length == 1) {
                long i = Long.parseLong(parts[0].trim());
                return new TraceRange(i, i == -1 ? Long.MAX_VALUE : i + 1, 1);
            }
            if (parts.length > 3) {
                throw new NumberFormatException();
            }
            long start = parts[0].isBlank() ? 0 : Long.parseLong(parts[0].trim());
            long stop = parts[1].isBlank() ? Long.MAX_VALUE : Long.parseLong(parts[1].trim());
            long step = parts.length == 3 && !parts[2].isBlank() ? Long.parseLong(parts[2].trim()) : 1;
            if (step <= 0) {
                throw new UsageException("--traces '" + text + "': the step must be positive");
            }
            return new TraceRange(start, stop, step);
        } catch (NumberFormatException e) {
            throw new UsageException("--traces '" + text + "' is not a range: use START:STOP[:STEP], e.g. 0:10 or 100: or 5");
        }
    }

    /// Fails with a usage error when the range asked for (`text`, as typed) lies outside a file or
    /// dataset of `count` traces or selects none of them (rather than printing an empty table).
    void requireWithin(long count, String text) {
        if (text == null) {
            return;
        }
        String span = count == 0 ? "it has no traces" : String.format("it has %,d traces (0 to %,d)", count, count - 1);
        if (start >= count || start < -count) {
            throw new UsageException("--traces " + text + " is out of range: " + span);
        }
        if (end(count) <= first(count)) {
            throw new UsageException("--traces " + text + " selects no traces: " + span);
        }
    }

    /// The first index in a file of `count` traces.
    long first(long count) {
        return Math.clamp(start < 0 ? count + start : start, 0, count);
    }

    /// The end index (exclusive) in a file of `count` traces.
    long end(long count) {
        return Math.clamp(stop < 0 ? count + stop : stop, 0, count);
    }
}
