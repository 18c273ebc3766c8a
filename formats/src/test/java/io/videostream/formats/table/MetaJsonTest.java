package io.videostream.formats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaJsonTest {

    @Test
    void plainValuesGoToJsonAndBack() {
        Map<Object, Object> meta = new LinkedHashMap<>();
        meta.put("people", List.of(List.of(1L, 2L, 3L, 4L)));
        meta.put("score", 0.5);
        meta.put("ok", true);
        meta.put("none", null);
        meta.put(7L, "int key");
        String json = MetaJson.write(meta);

        assertThat(json).isEqualTo("{\"people\":[[1,2,3,4]],\"score\":0.5,\"ok\":true,\"none\":null,\"7\":\"int key\"}");
        Map<String, Object> back = new LinkedHashMap<>();
        back.put("people", List.of(List.of(1L, 2L, 3L, 4L)));
        back.put("score", 0.5);
        back.put("ok", true);
        back.put("none", null);
        back.put("7", "int key");
        assertThat(MetaJson.read(json)).as("keys come back as strings").isEqualTo(back);
    }

    @Test
    void bytesAreBase64TextAndJsonThatIsNotIsRefused() {
        assertThat(MetaJson.write(Arrays.asList(new byte[] {1, 2, 3}, "x"))).isEqualTo("[\"AQID\",\"x\"]");
        assertThatThrownBy(() -> MetaJson.read("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meta is not JSON");
        assertThatThrownBy(() -> MetaJson.read("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meta is not JSON");
    }
}
