package org.seisproc.segy;

import static org.seisproc.segy.HeaderType.INT16;
import static org.seisproc.segy.HeaderType.INT32;
import static org.seisproc.segy.HeaderType.UINT16;

import java.util.Locale;

/// The standard 240-byte trace header of SEG-Y rev 2.0 (section 6, table 3), every field.
///
/// Each field has its 1-based byte position, its type, the Seismic Unix short name (`segy.h`:
/// `tracl`, `fldr`, `cdp`, `offset`, `sx`, `gx`, `scalco`, `ns`, `dt`, ...; for bytes 181–240,
/// which SU leaves unnamed, the names segyio and common practice use: `cdpx`, `cdpy`, `iline`,
/// `xline`, `sp`, ...) and a long name (the constant's name in lower case, e.g.
/// `ensemble_number`). Sample count (115) is read unsigned, as the 60,000-sample files of real
/// surveys need.
public enum TraceField {
    TRACE_SEQUENCE_LINE("tracl", 1, INT32, "Trace sequence number within line"),
    TRACE_SEQUENCE_FILE("tracr", 5, INT32, "Trace sequence number within SEG-Y file"),
    FIELD_RECORD("fldr", 9, INT32, "Original field record number"),
    TRACE_NUMBER_IN_FIELD_RECORD("tracf", 13, INT32, "Trace number within the original field record"),
    ENERGY_SOURCE_POINT("ep", 17, INT32, "Energy source point number"),
    ENSEMBLE_NUMBER("cdp", 21, INT32, "Ensemble number (CDP, CMP, CRP, ...)"),
    TRACE_NUMBER_IN_ENSEMBLE("cdpt", 25, INT32, "Trace number within the ensemble"),
    TRACE_IDENTIFICATION_CODE("trid", 29, INT16, "Trace identification code"),
    VERTICALLY_SUMMED_TRACES("nvs", 31, INT16, "Number of vertically summed traces"),
    HORIZONTALLY_STACKED_TRACES("nhs", 33, INT16, "Number of horizontally stacked traces"),
    DATA_USE("duse", 35, INT16, "Data use (1 production, 2 test)"),
    OFFSET("offset", 37, INT32, "Distance from source point to receiver group"),
    RECEIVER_GROUP_ELEVATION("gelev", 41, INT32, "Elevation of receiver group"),
    SURFACE_ELEVATION_AT_SOURCE("selev", 45, INT32, "Surface elevation at source"),
    SOURCE_DEPTH("sdepth", 49, INT32, "Source depth below surface"),
    DATUM_ELEVATION_AT_RECEIVER("gdel", 53, INT32, "Seismic datum elevation at receiver group"),
    DATUM_ELEVATION_AT_SOURCE("sdel", 57, INT32, "Seismic datum elevation at source"),
    WATER_DEPTH_AT_SOURCE("swdep", 61, INT32, "Water column height at source"),
    WATER_DEPTH_AT_GROUP("gwdep", 65, INT32, "Water column height at receiver group"),
    ELEVATION_SCALAR("scalel", 69, INT16, "Scalar for elevations and depths (41-68)"),
    COORDINATE_SCALAR("scalco", 71, INT16, "Scalar for coordinates (73-88, 181-188)"),
    SOURCE_X("sx", 73, INT32, "Source coordinate X"),
    SOURCE_Y("sy", 77, INT32, "Source coordinate Y"),
    GROUP_X("gx", 81, INT32, "Receiver group coordinate X"),
    GROUP_Y("gy", 85, INT32, "Receiver group coordinate Y"),
    COORDINATE_UNITS("counit", 89, INT16, "Coordinate units (1 length, 2 arc seconds, 3 degrees, 4 DMS)"),
    WEATHERING_VELOCITY("wevel", 91, INT16, "Weathering velocity"),
    SUBWEATHERING_VELOCITY("swevel", 93, INT16, "Subweathering velocity"),
    UPHOLE_TIME_AT_SOURCE("sut", 95, INT16, "Uphole time at source (ms)"),
    UPHOLE_TIME_AT_GROUP("gut", 97, INT16, "Uphole time at group (ms)"),
    SOURCE_STATIC("sstat", 99, INT16, "Source static correction (ms)"),
    GROUP_STATIC("gstat", 101, INT16, "Group static correction (ms)"),
    TOTAL_STATIC("tstat", 103, INT16, "Total static applied (ms)"),
    LAG_TIME_A("laga", 105, INT16, "Lag time A (ms)"),
    LAG_TIME_B("lagb", 107, INT16, "Lag time B (ms)"),
    DELAY_RECORDING_TIME("delrt", 109, INT16, "Delay recording time (ms)"),
    MUTE_TIME_START("muts", 111, INT16, "Mute time start (ms)"),
    MUTE_TIME_END("mute", 113, INT16, "Mute time end (ms)"),
    SAMPLE_COUNT("ns", 115, UINT16, "Number of samples in this trace"),
    SAMPLE_INTERVAL("dt", 117, INT16, "Sample interval (microseconds)"),
    GAIN_TYPE("gain", 119, INT16, "Gain type of field instruments"),
    INSTRUMENT_GAIN_CONSTANT("igc", 121, INT16, "Instrument gain constant (dB)"),
    INSTRUMENT_INITIAL_GAIN("igi", 123, INT16, "Instrument early or initial gain (dB)"),
    CORRELATED("corr", 125, INT16, "Correlated (1 no, 2 yes)"),
    SWEEP_FREQUENCY_START("sfs", 127, INT16, "Sweep frequency at start (Hz)"),
    SWEEP_FREQUENCY_END("sfe", 129, INT16, "Sweep frequency at end (Hz)"),
    SWEEP_LENGTH("slen", 131, INT16, "Sweep length (ms)"),
    SWEEP_TYPE("styp", 133, INT16, "Sweep type"),
    SWEEP_TAPER_START("stas", 135, INT16, "Sweep trace taper length at start (ms)"),
    SWEEP_TAPER_END("stae", 137, INT16, "Sweep trace taper length at end (ms)"),
    TAPER_TYPE("tatyp", 139, INT16, "Taper type"),
    ALIAS_FILTER_FREQUENCY("afilf", 141, INT16, "Alias filter frequency (Hz)"),
    ALIAS_FILTER_SLOPE("afils", 143, INT16, "Alias filter slope (dB/octave)"),
    NOTCH_FILTER_FREQUENCY("nofilf", 145, INT16, "Notch filter frequency (Hz)"),
    NOTCH_FILTER_SLOPE("nofils", 147, INT16, "Notch filter slope (dB/octave)"),
    LOW_CUT_FREQUENCY("lcf", 149, INT16, "Low-cut frequency (Hz)"),
    HIGH_CUT_FREQUENCY("hcf", 151, INT16, "High-cut frequency (Hz)"),
    LOW_CUT_SLOPE("lcs", 153, INT16, "Low-cut slope (dB/octave)"),
    HIGH_CUT_SLOPE("hcs", 155, INT16, "High-cut slope (dB/octave)"),
    YEAR("year", 157, INT16, "Year data recorded"),
    DAY_OF_YEAR("day", 159, INT16, "Day of year"),
    HOUR("hour", 161, INT16, "Hour of day (24-hour clock)"),
    MINUTE("minute", 163, INT16, "Minute of hour"),
    SECOND("sec", 165, INT16, "Second of minute"),
    TIME_BASIS_CODE("timbas", 167, INT16, "Time basis code (1 local, 2 GMT, 3 other, 4 UTC, 5 GPS)"),
    TRACE_WEIGHTING_FACTOR("trwf", 169, INT16, "Trace weighting factor (2^-N volts for the LSB)"),
    GROUP_NUMBER_ROLL_SWITCH("grnors", 171, INT16, "Geophone group number of roll switch position one"),
    GROUP_NUMBER_FIRST_TRACE("grnofr", 173, INT16, "Geophone group number of trace one in the field record"),
    GROUP_NUMBER_LAST_TRACE("grnlof", 175, INT16, "Geophone group number of last trace in the field record"),
    GAP_SIZE("gaps", 177, INT16, "Gap size (total groups dropped)"),
    OVER_TRAVEL("otrav", 179, INT16, "Over travel associated with taper"),
    CDP_X("cdpx", 181, INT32, "X coordinate of ensemble (CDP) position"),
    CDP_Y("cdpy", 185, INT32, "Y coordinate of ensemble (CDP) position"),
    INLINE("iline", 189, INT32, "In-line number (3-D)"),
    CROSSLINE("xline", 193, INT32, "Cross-line number (3-D)"),
    SHOT_POINT("sp", 197, INT32, "Shotpoint number"),
    SHOT_POINT_SCALAR("scalsp", 201, INT16, "Scalar for the shotpoint number"),
    TRACE_VALUE_UNIT("trunit", 203, INT16, "Trace value measurement unit"),
    TRANSDUCTION_MANTISSA("tdcm", 205, INT32, "Transduction constant mantissa"),
    TRANSDUCTION_EXPONENT("tdcp", 209, INT16, "Transduction constant power of ten"),
    TRANSDUCTION_UNIT("tdunit", 211, INT16, "Transduction units"),
    DEVICE_IDENTIFIER("devid", 213, INT16, "Device/trace identifier"),
    TIME_SCALAR("scalt", 215, INT16, "Scalar for times (95-114)"),
    SOURCE_TYPE("styp2", 217, INT16, "Source type/orientation"),
    SOURCE_DIRECTION_VERTICAL("sedv", 219, INT16, "Source energy direction, vertical (tenths of a degree)"),
    SOURCE_DIRECTION_CROSSLINE("sedx", 221, INT16, "Source energy direction, cross-line"),
    SOURCE_DIRECTION_INLINE("sedi", 223, INT16, "Source energy direction, in-line"),
    SOURCE_MEASUREMENT_MANTISSA("smm", 225, INT32, "Source measurement mantissa"),
    SOURCE_MEASUREMENT_EXPONENT("sme", 229, INT16, "Source measurement power of ten"),
    SOURCE_MEASUREMENT_UNIT("smunit", 231, INT16, "Source measurement unit"),
    UNASSIGNED_1("unass1", 233, INT32, "Unassigned (rev 2: header name, first half)"),
    UNASSIGNED_2("unass2", 237, INT32, "Unassigned (rev 2: header name, second half)");

    /// This constant as a layout entry, made once.
    private final HeaderField field;

    TraceField(String shortName, int bytePosition, HeaderType type, String description) {
        this.field = new HeaderField(shortName, bytePosition, type, name().toLowerCase(Locale.ROOT), description);
    }

    /// Seismic Unix short name (`cdp`, `offset`, ...).
    public String shortName() {
        return field.name();
    }

    /// Long name: the constant in lower case (`ensemble_number`, `offset`, ...).
    public String longName() {
        return field.longName();
    }

    /// 1-based byte position within the 240-byte trace header.
    public int bytePosition() {
        return field.bytePosition();
    }

    public HeaderType type() {
        return field.type();
    }

    public String description() {
        return field.description();
    }

    /// This field as a layout entry.
    public HeaderField field() {
        return field;
    }
}
