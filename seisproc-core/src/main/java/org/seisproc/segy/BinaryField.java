package org.seisproc.segy;

import static org.seisproc.segy.HeaderType.FLOAT64;
import static org.seisproc.segy.HeaderType.INT16;
import static org.seisproc.segy.HeaderType.INT32;
import static org.seisproc.segy.HeaderType.UINT16;
import static org.seisproc.segy.HeaderType.UINT64;
import static org.seisproc.segy.HeaderType.UINT8;

import java.util.Locale;

/// The 400-byte binary file header of SEG-Y rev 0, 1 and 2 (rev 2.0 section 4, table 2).
///
/// Byte positions are the standard's, i.e. 1-based file positions (3201–3600). The sample
/// count (3221) and original sample count (3223) are read unsigned. Rev 2 fields (3261–3532)
/// are zero in older files. The maximum number of additional trace headers is the 16-bit field
/// at 3507 that rev 2 writers put there.
public enum BinaryField {
    JOB_ID("jobid", 3201, INT32, "Job identification number"),
    LINE_NUMBER("lino", 3205, INT32, "Line number"),
    REEL_NUMBER("reno", 3209, INT32, "Reel number"),
    DATA_TRACES_PER_ENSEMBLE("ntrpr", 3213, INT16, "Number of data traces per ensemble"),
    AUX_TRACES_PER_ENSEMBLE("nart", 3215, INT16, "Number of auxiliary traces per ensemble"),
    SAMPLE_INTERVAL("hdt", 3217, INT16, "Sample interval (microseconds)"),
    ORIGINAL_SAMPLE_INTERVAL("dto", 3219, INT16, "Sample interval of original field recording"),
    SAMPLES_PER_TRACE("hns", 3221, UINT16, "Number of samples per data trace"),
    ORIGINAL_SAMPLES_PER_TRACE("nso", 3223, UINT16, "Number of samples per trace of original recording"),
    FORMAT("format", 3225, INT16, "Data sample format code"),
    ENSEMBLE_FOLD("fold", 3227, INT16, "Ensemble fold"),
    SORTING_CODE("tsort", 3229, INT16, "Trace sorting code"),
    VERTICAL_SUM_CODE("vscode", 3231, INT16, "Vertical sum code"),
    SWEEP_FREQUENCY_START("hsfs", 3233, INT16, "Sweep frequency at start (Hz)"),
    SWEEP_FREQUENCY_END("hsfe", 3235, INT16, "Sweep frequency at end (Hz)"),
    SWEEP_LENGTH("hslen", 3237, INT16, "Sweep length (ms)"),
    SWEEP_TYPE("hstyp", 3239, INT16, "Sweep type code"),
    SWEEP_CHANNEL("schn", 3241, INT16, "Trace number of sweep channel"),
    SWEEP_TAPER_START("hstas", 3243, INT16, "Sweep trace taper length at start (ms)"),
    SWEEP_TAPER_END("hstae", 3245, INT16, "Sweep trace taper length at end (ms)"),
    TAPER_TYPE("htatyp", 3247, INT16, "Taper type"),
    CORRELATED("hcorr", 3249, INT16, "Correlated data traces"),
    BINARY_GAIN_RECOVERED("bgrcv", 3251, INT16, "Binary gain recovered"),
    AMPLITUDE_RECOVERY("rcvm", 3253, INT16, "Amplitude recovery method"),
    MEASUREMENT_SYSTEM("mfeet", 3255, INT16, "Measurement system (1 meters, 2 feet)"),
    IMPULSE_POLARITY("polyt", 3257, INT16, "Impulse signal polarity"),
    VIBRATORY_POLARITY("vpol", 3259, INT16, "Vibratory polarity code"),
    EXT_DATA_TRACES_PER_ENSEMBLE("extntrpr", 3261, INT32, "Extended number of data traces per ensemble (rev 2)"),
    EXT_AUX_TRACES_PER_ENSEMBLE("extnart", 3265, INT32, "Extended number of auxiliary traces per ensemble (rev 2)"),
    EXT_SAMPLES_PER_TRACE("exthns", 3269, INT32, "Extended number of samples per data trace (rev 2)"),
    EXT_SAMPLE_INTERVAL("exthdt", 3273, FLOAT64, "Extended sample interval, IEEE double (rev 2)"),
    EXT_ORIGINAL_SAMPLE_INTERVAL("extdto", 3281, FLOAT64, "Extended original sample interval (rev 2)"),
    EXT_ORIGINAL_SAMPLES_PER_TRACE("extnso", 3289, INT32, "Extended original samples per trace (rev 2)"),
    EXT_ENSEMBLE_FOLD("extfold", 3293, INT32, "Extended ensemble fold (rev 2)"),
    BYTE_ORDER_CONSTANT("intconst", 3297, INT32, "Integer constant 16909060 (0x01020304): byte order (rev 2)"),
    MAJOR_REVISION("rev_major", 3501, UINT8, "Major SEG-Y format revision number"),
    MINOR_REVISION("rev_minor", 3502, UINT8, "Minor SEG-Y format revision number"),
    FIXED_LENGTH_TRACES("trflag", 3503, INT16, "Fixed length trace flag"),
    EXTENDED_TEXT_HEADERS("exth", 3505, INT16, "Number of extended textual headers (-1: variable, ends with EndText)"),
    ADDITIONAL_TRACE_HEADERS("maxtrh", 3507, INT16, "Maximum number of additional 240-byte trace headers (rev 2)"),
    TIME_BASIS_CODE("timbas", 3511, INT16, "Time basis code (rev 2)"),
    TRACES_IN_FILE("ntrfile", 3513, UINT64, "Number of traces in this file (rev 2)"),
    FIRST_TRACE_OFFSET("trace0", 3521, UINT64, "Byte offset of first trace (rev 2)"),
    TRAILER_RECORDS("ntrailer", 3529, INT32, "Number of 3200-byte data trailer stanza records (rev 2)");

    private final String shortName;
    private final int bytePosition;
    private final HeaderType type;
    private final String description;

    BinaryField(String shortName, int bytePosition, HeaderType type, String description) {
        this.shortName = shortName;
        this.bytePosition = bytePosition;
        this.type = type;
        this.description = description;
    }

    public String shortName() {
        return shortName;
    }

    public String longName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// 1-based byte position in the file (3201–3600).
    public int bytePosition() {
        return bytePosition;
    }

    /// 0-based offset within the 400-byte binary header.
    public int offset() {
        return bytePosition - 3201;
    }

    public HeaderType type() {
        return type;
    }

    public String description() {
        return description;
    }
}
