package org.seisproc.ensemble;

/// A cursor over the ensembles of an index, in key order: first, last, next, previous, go to key
/// values. Works on unsorted data (the index holds the order). One per user or thread; not
/// thread-safe. Position `-1` means "before the first" (a fresh navigator).
public final class Navigator {
    private final EnsembleIndex index;
    private int position = -1;

    public Navigator(EnsembleIndex index) {
        this.index = index;
    }

    public EnsembleIndex index() {
        return index;
    }

    /// Current ensemble, or -1 before the first move.
    public int position() {
        return position;
    }

    /// Key values of the current ensemble.
    public int[] keyValues() {
        if (position < 0) {
            throw new IllegalStateException("the navigator has not moved yet; call first(), last() or goTo()");
        }
        return index.keyValues(position);
    }

    public boolean hasNext() {
        return position + 1 < index.ensembleCount();
    }

    public boolean hasPrevious() {
        return position > 0;
    }

    /// Moves to the first ensemble; returns it, or -1 when the index is empty.
    public int first() {
        position = index.ensembleCount() > 0 ? 0 : -1;
        return position;
    }

    /// Moves to the last ensemble; returns it, or -1 when the index is empty.
    public int last() {
        position = index.ensembleCount() - 1;
        return position;
    }

    /// Moves to the next ensemble and returns it; -1 (staying on the last) when there is none.
    public int next() {
        if (!hasNext()) {
            return -1;
        }
        return ++position;
    }

    /// Moves to the previous ensemble and returns it; -1 (staying on the first) when there is none.
    public int previous() {
        if (!hasPrevious()) {
            return -1;
        }
        return --position;
    }

    /// Moves to ensemble `e`.
    public int goTo(int e) {
        if (e < 0 || e >= index.ensembleCount()) {
            throw new IndexOutOfBoundsException("ensemble " + e + " does not exist; index " + index.key() + " has "
                    + index.ensembleCount() + " ensembles");
        }
        position = e;
        return e;
    }

    /// Moves to the ensemble with these key values (raw header values; binned fields are
    /// binned); an [IllegalArgumentException] naming the nearest ensembles when there is none.
    public int goToKey(int... keyValues) {
        position = GatherReader.ensembleOf(index, keyValues);
        return position;
    }
}
