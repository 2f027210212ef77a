package org.seisproc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.seisproc.dataset.Dataset;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;

/// A brute-force ensemble plan for engine tests: TreeMap grouping by one key, traces ordered by
/// a secondary key — independent of the production index.
final class TestPlans {
    private TestPlans() {
    }

    static EnsemblePlan byKey(Dataset ds, String keyName, String orderName) {
        HeaderField key = HeaderLayout.standard().field(keyName);
        HeaderField order = HeaderLayout.standard().field(orderName);
        Map<Long, List<long[]>> groups = new TreeMap<>();
        for (long t = 0; t < ds.traceCount(); t++) {
            groups.computeIfAbsent(ds.header(t, key), k -> new ArrayList<>()).add(new long[] {ds.header(t, order), t});
        }
        List<long[]> keys = new ArrayList<>();
        List<long[]> traces = new ArrayList<>();
        for (var e : groups.entrySet()) {
            List<long[]> list = e.getValue();
            list.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            keys.add(new long[] {e.getKey()});
            traces.add(list.stream().mapToLong(x -> x[1]).toArray());
        }
        return new EnsemblePlan() {
            @Override
            public int ensembles() {
                return keys.size();
            }

            @Override
            public long[] key(int e) {
                return keys.get(e).clone();
            }

            @Override
            public int traceCount(int e) {
                return traces.get(e).length;
            }

            @Override
            public long trace(int e, int i) {
                return traces.get(e)[i];
            }

            @Override
            public List<String> keyNames() {
                return List.of(keyName);
            }
        };
    }
}
