package org.seisproc.io.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seisproc.headers.Column;

/// Growing buffers keep every value, in order, whether filled value by value or in bulk.
class ColumnBufferTest {
    @Test
    void growsPastItsInitialCapacityInBulkAndOneByOne() {
        ColumnBuffer b = new ColumnBuffer("int32", 16);
        int[] chunk = new int[100];
        for (int i = 0; i < 100; i++) {
            chunk[i] = i;
        }
        b.add(chunk, 100);
        b.add(chunk, 50, 50);
        for (int i = 0; i < 1000; i++) {
            b.add(1000 + i);
        }
        int[] v = ((Column.Ints) b.column()).values();
        assertThat(v).hasSize(1150);
        assertThat(v[99]).isEqualTo(99);
        assertThat(v[100]).isEqualTo(50);
        assertThat(v[149]).isEqualTo(99);
        assertThat(v[1149]).isEqualTo(1999);
        ColumnBuffer d = new ColumnBuffer("double", 16);
        d.add(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, 20);
        assertThat(((Column.Doubles) d.column()).values()).hasSize(20).endsWith(20.0);
    }
}
