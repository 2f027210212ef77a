package org.seisproc.migration;

/// Which trace header fields hold the geometry (SU short names or long names of the dataset's
/// layout). The defaults are the SEG-Y standard's; a job file's `headers` object overrides any of
/// them. [SurveyScan] checks each and falls back where the standard allows (see there).
///
/// @param sourceX          source x (default `sx`, bytes 73–76)
/// @param sourceY          source y (`sy`, 77–80)
/// @param groupX           receiver x (`gx`, 81–84)
/// @param groupY           receiver y (`gy`, 85–88)
/// @param coordinateScalar coordinate scalar (`scalco`, 71–72): > 0 multiplies, < 0 divides, 0 = 1
/// @param inline           inline number (`iline`, 189–192)
/// @param crossline        crossline number (`xline`, 193–196)
/// @param cdpX             CDP x (`cdpx`, 181–184)
/// @param cdpY             CDP y (`cdpy`, 185–188)
/// @param cdp              CDP number (`cdp`, 21–24)
public record HeaderMapping(String sourceX, String sourceY, String groupX, String groupY, String coordinateScalar, String inline,
                            String crossline, String cdpX, String cdpY, String cdp) {
    /// The standard positions.
    public static HeaderMapping standard() {
        return new HeaderMapping("sx", "sy", "gx", "gy", "scalco", "iline", "xline", "cdpx", "cdpy", "cdp");
    }

    /// The role names in job-file order, with this mapping's field for each.
    public java.util.LinkedHashMap<String, String> asMap() {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("sourceX", sourceX);
        m.put("sourceY", sourceY);
        m.put("groupX", groupX);
        m.put("groupY", groupY);
        m.put("coordinateScalar", coordinateScalar);
        m.put("inline", inline);
        m.put("crossline", crossline);
        m.put("cdpX", cdpX);
        m.put("cdpY", cdpY);
        m.put("cdp", cdp);
        return m;
    }

    /// A mapping from role names to fields, the standard's for roles not given.
    public static HeaderMapping of(java.util.Map<String, String> roles) {
        HeaderMapping s = standard();
        return new HeaderMapping(roles.getOrDefault("sourceX", s.sourceX), roles.getOrDefault("sourceY", s.sourceY),
                roles.getOrDefault("groupX", s.groupX), roles.getOrDefault("groupY", s.groupY),
                roles.getOrDefault("coordinateScalar", s.coordinateScalar), roles.getOrDefault("inline", s.inline),
                roles.getOrDefault("crossline", s.crossline), roles.getOrDefault("cdpX", s.cdpX), roles.getOrDefault("cdpY", s.cdpY),
                roles.getOrDefault("cdp", s.cdp));
    }
}
