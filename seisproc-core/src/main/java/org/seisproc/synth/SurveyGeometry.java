package org.seisproc.synth;

/// Geometry of a synthetic orthogonal land survey, in meters.
///
/// Receivers lie on `receiverLines` lines parallel to x, `channelsPerLine` stations each,
/// `receiverInterval` apart, lines `receiverLineSpacing` apart. Shots lie on one source line per
/// `shotsPerLine` shots, parallel to y... kept simple: every shot sits between the two central
/// receiver lines and moves along x by `shotInterval` (a "rolling swath"), so CDP numbers are not
/// contiguous in shot order. Midpoints are binned into `binX` × `binY` cells:
/// crossline index from x, inline index from y.
///
/// @param shots               number of shots
/// @param receiverLines       receiver lines in the live patch
/// @param channelsPerLine     live channels per receiver line
/// @param receiverInterval    station spacing along a line (m)
/// @param receiverLineSpacing distance between receiver lines (m)
/// @param shotInterval        shot spacing along x (m)
public record SurveyGeometry(int shots, int receiverLines, int channelsPerLine, double receiverInterval,
                             double receiverLineSpacing, double shotInterval) {

    public SurveyGeometry {
        if (shots < 1 || receiverLines < 1 || channelsPerLine < 1) {
            throw new IllegalArgumentException("a survey needs at least one shot, one receiver line and one channel");
        }
        if (receiverInterval <= 0 || receiverLineSpacing <= 0 || shotInterval <= 0) {
            throw new IllegalArgumentException("intervals must be positive");
        }
    }

    /// Channels per shot.
    public int channels() {
        return receiverLines * channelsPerLine;
    }

    /// Traces in the survey.
    public long traces() {
        return (long) shots * channels();
    }

    /// CDP bin size along x (m): half the receiver interval.
    public double binX() {
        return receiverInterval / 2;
    }

    /// CDP bin size along y (m): half the receiver line spacing.
    public double binY() {
        return receiverLineSpacing / 2;
    }

    /// A geometry with `shots` shots of `channels` channels, split over up to 4 receiver lines.
    public static SurveyGeometry of(int shots, int channels) {
        int lines = channels >= 96 && channels % 4 == 0 ? 4 : channels % 2 == 0 && channels >= 24 ? 2 : 1;
        return new SurveyGeometry(shots, lines, channels / lines, 25.0, 200.0, 50.0);
    }
}
