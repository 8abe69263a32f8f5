package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The difference that brings a copy to a later generation, on rows written out by hand. */
class DetachedCopiesTest {

    record Row(long id, String content) {
    }

    @Test
    void aRowChangedInPlaceIsReplacedAGoneRowRemovedANewRowAdded() {
        List<Row> have = List.of(new Row(1, "a"), new Row(2, "b"), new Row(3, "c"));
        List<Row> want = List.of(new Row(2, "b"), new Row(3, "c, retilted"), new Row(4, "d"));
        List<Long> removed = new ArrayList<>();
        List<Row> added = new ArrayList<>();
        DetachedCopies.difference(have, want, Row::id, removed, added);
        // 2 is the same: untouched; 3 changed: removed and added again; 1 gone; 4 new
        assertThat(removed).containsExactlyInAnyOrder(3L, 1L);
        assertThat(added).containsExactly(new Row(3, "c, retilted"), new Row(4, "d"));
    }

    @Test
    void equalListsGiveNothing() {
        List<Row> rows = List.of(new Row(1, "a"), new Row(2, "b"));
        List<Long> removed = new ArrayList<>();
        List<Row> added = new ArrayList<>();
        DetachedCopies.difference(rows, List.copyOf(rows), Row::id, removed, added);
        assertThat(removed).isEmpty();
        assertThat(added).isEmpty();
    }
}
