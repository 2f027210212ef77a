package org.seisproc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.headers.HeaderTable;
import org.seisproc.headers.StableSort;
import org.seisproc.io.parquet.Filter;
import org.seisproc.io.parquet.HeaderCache;
import org.seisproc.segy.HeaderField;

/// The header table view: rows (traces) passing a `--where`-style filter, ordered by a column,
/// one page at a time. The filter and sort read only the columns they need, through the header
/// cache of `headers.parquet` (the Parquet layer's door); the selected row order is kept for the
/// last few queries so paging through 22 M rows costs one look-up per page. Page values come
/// from the raw trace headers of the rows on the page.
final class HeaderTableService {
    /// Rows per page at most.
    static final int MAX_PAGE = 1000;
    private static final int KEPT_QUERIES = 4;

    private record Query(Dataset dataset, String where, String sort, boolean descending) {
    }

    private final OpenDatasets open;
    private final LinkedHashMap<Query, int[]> orders = new LinkedHashMap<>(8, 0.75f, true);

    HeaderTableService(OpenDatasets open) {
        this.open = open;
    }

    Map<String, Object> page(String ds, String columns, String where, String sort, boolean descending, int offset, int limit) {
        Dataset d = open.dataset(ds);
        if (offset < 0) {
            throw WebError.bad("offset", "'offset' must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw WebError.bad("limit", "'limit' must be 1.." + MAX_PAGE);
        }
        List<HeaderField> fields = fields(d, columns);
        Filter filter;
        try {
            filter = where == null || where.isBlank() ? Filter.ALL : Filter.parse(where);
        } catch (IllegalArgumentException e) {
            throw WebError.bad("where", e.getMessage());
        }
        String sortName = sort == null || sort.isBlank() ? null : sort.trim().toLowerCase(Locale.ROOT);
        if (sortName != null && d.headerLayout().findOrNull(sortName) == null) {
            throw WebError.bad("sort", "no header column '" + sortName + "'; columns: " + GatherService.available(d));
        }
        for (String c : filter.columns()) {
            if (d.headerLayout().findOrNull(c.toLowerCase(Locale.ROOT)) == null) {
                throw WebError.bad("where", "the filter reads '" + c + "', which is not a header column; columns: "
                        + GatherService.available(d));
            }
        }
        long t0 = System.nanoTime();
        int[] rows = order(d, filter, where == null ? "" : where.trim(), sortName, descending);
        long t1 = System.nanoTime();
        int to = Math.min(rows == null ? (int) d.traceCount() : rows.length, offset + limit);
        List<List<Object>> data = new ArrayList<>();
        for (int i = offset; i < to; i++) {
            int trace = rows == null ? i : rows[i];
            List<Object> row = new ArrayList<>(fields.size() + 1);
            row.add(trace);
            for (HeaderField h : fields) {
                row.add(h.type().isInteger() ? (Object) d.header(trace, h)
                        : (Object) h.readDouble(d.traceHeaders(), (long) trace * d.traceHeaderBytes(), d.headerByteOrder()));
            }
            data.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add("trace");
        fields.forEach(f -> names.add(f.name()));
        out.put("columns", names);
        out.put("rows", data);
        out.put("offset", offset);
        out.put("matched", rows == null ? d.traceCount() : rows.length);
        out.put("traces", d.traceCount());
        out.put("selectSeconds", (t1 - t0) / 1e9);
        out.put("available", GatherService.available(d));
        return out;
    }

    private static List<HeaderField> fields(Dataset d, String columns) {
        List<HeaderField> out = new ArrayList<>();
        String list = columns == null || columns.isBlank() ? "fldr,tracf,cdp,offset,sx,sy,gx,gy,iline,xline" : columns;
        for (String c : list.split(",")) {
            String n = c.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty() || n.equals("trace")) {
                continue;
            }
            HeaderField h = d.headerLayout().findOrNull(n);
            if (h == null) {
                throw WebError.bad("columns", "no header column '" + n + "'; columns: " + GatherService.available(d));
            }
            out.add(h);
        }
        return out;
    }

    /// The selected rows in display order, or null for "every row in trace order".
    private int[] order(Dataset d, Filter filter, String where, String sort, boolean descending) {
        if (filter == Filter.ALL && sort == null) {
            return null;
        }
        Query q = new Query(d, where, sort, descending);
        synchronized (orders) {
            int[] kept = orders.get(q);
            if (kept != null) {
                return kept;
            }
        }
        List<String> needed = new ArrayList<>(filter.columns());
        if (sort != null && needed.stream().noneMatch(sort::equalsIgnoreCase)) {
            needed.add(sort);
        }
        int[] rows;
        try (HeaderCache cache = HeaderCache.open(d.dir().resolve(DatasetFiles.HEADERS_PARQUET), needed)) {
            HeaderTable t = cache.toTable();
            int n = t.rows();
            if (filter == Filter.ALL) {
                rows = new int[n];
                for (int i = 0; i < n; i++) {
                    rows[i] = i;
                }
            } else {
                boolean[] mask = filter.mask(t);
                int m = 0;
                for (boolean b : mask) {
                    m += b ? 1 : 0;
                }
                rows = new int[m];
                for (int i = 0, j = 0; i < n; i++) {
                    if (mask[i]) {
                        rows[j++] = i;
                    }
                }
            }
            if (sort != null) {
                rows = StableSort.by(rows, t.column(sort));
                if (descending) {
                    for (int i = 0, j = rows.length - 1; i < j; i++, j--) {
                        int x = rows[i];
                        rows[i] = rows[j];
                        rows[j] = x;
                    }
                }
            }
        }
        synchronized (orders) {
            orders.put(q, rows);
            while (orders.size() > KEPT_QUERIES) {
                orders.remove(orders.keySet().iterator().next());
            }
        }
        return rows;
    }
}
