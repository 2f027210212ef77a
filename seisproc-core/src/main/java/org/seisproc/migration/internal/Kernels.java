package org.seisproc.migration.internal;

/// Picks the kernel: the vector one when the JVM has the `jdk.incubator.vector` module
/// (`--add-modules jdk.incubator.vector`, which `./seisproc migrate` and the tests pass), else
/// the scalar one. The choice is made without loading a Vector API class, so a JVM without the
/// module never touches one.
public final class Kernels {
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("seisproc.migration.scalar");

    private Kernels() {
    }

    /// True when [#create] gives the vector kernel.
    public static boolean vectorised() {
        return VECTOR;
    }

    /// A new kernel for one worker.
    public static Kernel create(Kernel.Settings settings) {
        return VECTOR ? new VectorKernel(settings) : new ScalarKernel(settings);
    }

    /// The lane count kernels made by [#create] need (operators are padded to it).
    public static int lanes() {
        return VECTOR ? VectorLanes.LANES : 1;
    }

    /// Holder so the Vector API class is loaded only when the module is present.
    private static final class VectorLanes {
        static final int LANES = new VectorKernel(new Kernel.Settings(1, 0, 1, false, 0, 0, false, false, false, false)).lanes();
    }
}
