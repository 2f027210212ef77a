package org.seisproc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seisproc.processors.HeaderExpression;
import org.seisproc.segy.HeaderLayout;

class HeaderExpressionTest {
    private static double eval(String text, Map<String, Double> values) {
        HeaderLayout layout = HeaderLayout.standard();
        return HeaderExpression.parse(text, layout).evaluate(f -> values.get(f.name()));
    }

    @Test
    void arithmeticPrecedenceFunctionsAndFields() {
        Map<String, Double> v = Map.of("sx", 100.0, "gx", 400.0, "sy", 0.0, "gy", 400.0, "cdp", 7.0);
        assertThat(eval("(sx + gx) / 2", v)).isEqualTo(250.0);
        assertThat(eval("sx + gx / 2", v)).isEqualTo(300.0);
        assertThat(eval("-sx * 2 + 1e2", v)).isEqualTo(-100.0);
        assertThat(eval("hypot(gx - sx, gy - sy)", v)).isEqualTo(500.0);
        assertThat(eval("abs(sx - gx) % 7", v)).isEqualTo(300.0 % 7);
        assertThat(eval("max(cdp, 10) + min(cdp, 10) + round(2.5) + floor(-1.5) + ceil(1.2) + sqrt(16)", v))
                .isEqualTo(10 + 7 + 3 - 2 + 2 + 4);
        assertThat(eval("ensemble_number * 2", v)).isEqualTo(14.0);
    }

    @Test
    void errorsSayWhereAndWhat() {
        HeaderLayout layout = HeaderLayout.standard();
        assertThatThrownBy(() -> HeaderExpression.parse("sx + nosuch", layout)).hasMessageContaining("unknown header field 'nosuch'");
        assertThatThrownBy(() -> HeaderExpression.parse("(sx + gx", layout)).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> HeaderExpression.parse("sx +", layout)).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> HeaderExpression.parse("cos(sx)", layout)).hasMessageContaining("unknown function 'cos'");
        assertThatThrownBy(() -> HeaderExpression.parse("sx gx", layout)).hasMessageContaining("character 4");
    }
}
