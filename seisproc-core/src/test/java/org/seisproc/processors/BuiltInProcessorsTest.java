package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorRegistry;
import org.seisproc.engine.ProcessorSpec;

class BuiltInProcessorsTest {
    @Test
    void serviceLoaderFindsEveryBuiltInProcessor() {
        ProcessorRegistry loaded = ProcessorRegistry.loaded();
        for (ProcessorSpec spec : Processors.all()) {
            assertThat(loaded.find(spec.name())).as(spec.name()).isSameAs(spec);
        }
        assertThat(loaded.all()).containsAll(Processors.all());
        assertThat(loaded.find("no-such-processor")).isNull();
    }

    @Test
    void registryListsTheTwelveProcessorsInOrderByName() {
        BuiltInProcessors registry = new BuiltInProcessors();
        assertThat(registry.all()).extracting(ProcessorSpec::name).containsExactly(
                "scale", "tpow", "divergence", "agc", "balance", "bandpass", "mute", "nmo", "decon", "fk", "header", "stack");
        assertThat(registry.find("nmo")).isSameAs(NmoProcessor.SPEC);
        assertThat(registry.find("stack")).isSameAs(StackProcessor.SPEC);
        assertThat(registry.find("Stack")).isNull();
        assertThat(registry.all()).filteredOn(ProcessorSpec::reducesToOneTrace).containsExactly(StackProcessor.SPEC);
    }

    @Test
    void everyFactoryMakesAFreshInstanceOfItsProcessor() {
        List<Class<? extends Processor>> classes = List.of(ScalarGain.class, TpowGain.class, SphericalDivergenceGain.class,
                AgcProcessor.class, TraceBalance.class, BandpassProcessor.class, MuteProcessor.class, NmoProcessor.class,
                DeconProcessor.class, FkProcessor.class, HeaderMath.class, StackProcessor.class);
        List<ProcessorSpec> all = Processors.all();
        for (int i = 0; i < all.size(); i++) {
            Processor a = all.get(i).factory().get();
            assertThat(a).as(all.get(i).name()).isExactlyInstanceOf(classes.get(i));
            assertThat(all.get(i).factory().get()).isNotSameAs(a);
        }
    }

    @Test
    void everyParameterIsDescribedAndItsDefaultFitsItsKind() {
        for (ProcessorSpec spec : Processors.all()) {
            assertThat(spec.description()).as(spec.name()).isNotBlank();
            Set<String> names = new HashSet<>();
            for (ParameterSpec p : spec.parameters()) {
                assertThat(names.add(p.name())).as("%s.%s is listed once", spec.name(), p.name()).isTrue();
                assertThat(p.description()).as("%s.%s", spec.name(), p.name()).isNotBlank();
                if (!p.required()) {
                    Class<?> expected = switch (p.kind()) {
                        case NUMBER -> Double.class;
                        case INTEGER -> Integer.class;
                        case BOOLEAN -> Boolean.class;
                        case TEXT, CHOICE -> String.class;
                        case NUMBER_LIST -> double[].class;
                        case TABLE -> Object.class;
                    };
                    assertThat(p.defaultValue()).as("%s.%s default", spec.name(), p.name()).isInstanceOf(expected);
                }
            }
        }
    }
}
