package org.seisproc.engine;

import org.seisproc.dsp.Sampling;
import org.seisproc.segy.HeaderLayout;

/// What a processor may know about the job: the time axis (seconds) and the header layout.
///
/// @param time   samples per trace, interval (s), time of the first sample (s)
/// @param layout trace header fields by name
public record ProcessingContext(Sampling time, HeaderLayout layout) {
    public int samplesPerTrace() {
        return time.count();
    }
}
