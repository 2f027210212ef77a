package org.seisproc.ensemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.seisproc.dataset.Dataset;
import org.seisproc.segy.HeaderLayout;

/// The obvious grouping, for differential tests: a TreeMap from key values (lexicographic) to
/// trace lists, each list stably sorted by the secondary key. Reads headers trace by trace.
final class BruteForce {
    record Ensemble(List<Integer> key, List<Integer> traces) {
    }

    private BruteForce() {
    }

    static List<Ensemble> group(Dataset ds, EnsembleKey key) {
        Comparator<List<Integer>> lex = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Integer.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<Integer>, List<Integer>> map = new TreeMap<>(lex);
        HeaderLayout layout = HeaderLayout.standard();
        for (int t = 0; t < ds.traceCount(); t++) {
            List<Integer> k = new ArrayList<>();
            for (int f = 0; f < key.size(); f++) {
                int v = (int) ds.header(t, layout.field(key.fields().get(f)));
                int w = key.binWidths().get(f);
                k.add(Math.floorDiv(v, w) * w);
            }
            map.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
        }
        List<Ensemble> out = new ArrayList<>();
        for (Map.Entry<List<Integer>, List<Integer>> e : map.entrySet()) {
            List<Integer> traces = new ArrayList<>(e.getValue());
            if (key.secondary() != null) {
                var f = layout.field(key.secondary());
                traces.sort(Comparator.comparingLong(t -> ds.header(t, f))); // List.sort is stable
            }
            out.add(new Ensemble(e.getKey(), traces));
        }
        return out;
    }

    static List<Ensemble> of(EnsembleIndex index) {
        List<Ensemble> out = new ArrayList<>();
        for (int e = 0; e < index.ensembleCount(); e++) {
            List<Integer> k = new ArrayList<>();
            for (int v : index.keyValues(e)) {
                k.add(v);
            }
            List<Integer> t = new ArrayList<>();
            for (int v : index.traces(e)) {
                t.add(v);
            }
            out.add(new Ensemble(k, t));
        }
        return out;
    }
}
