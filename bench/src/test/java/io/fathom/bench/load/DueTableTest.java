package io.fathom.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DueTableTest
{
    @TempDir
    Path dir;

    @Test
    void findsEachDiffByItsLastUpdateIdInOrder()
    {
        final File file = dir.resolve("due").toFile();
        final DueTable table = DueTable.create(file, 2, 64);
        try (DueTable.Reader reader = DueTable.open(file))
        {
            table.onDiff(0, 11, 12, 1_000);
            table.onDiff(1, 101, 101, 1_500);
            table.onDiff(0, 13, 15, 2_000);
            table.onDiff(0, 16, 16, 3_000);

            assertThat(reader.dueNs(0, 12)).isEqualTo(1_000);
            assertThat(reader.dueNs(1, 101)).isEqualTo(1_500);
            assertThat(reader.dueNs(0, 16)).isEqualTo(3_000);
            assertThat(reader.dueNs(0, 17)).isEqualTo(-1);
            assertThat(reader.unmatched()).isEqualTo(1);
        }
        finally
        {
            table.delete();
        }
    }

    @Test
    void countsDiffsTheTableNoLongerHoldsAsUnmatched()
    {
        final File file = dir.resolve("due").toFile();
        final DueTable table = DueTable.create(file, 1, 64);
        try (DueTable.Reader reader = DueTable.open(file))
        {
            for (int i = 1; i <= 200; i++)
            {
                table.onDiff(0, i, i, i * 10L);
            }

            assertThat(reader.dueNs(0, 5)).isEqualTo(-1);
            assertThat(reader.dueNs(0, 150)).isEqualTo(1_500);
            assertThat(reader.dueNs(0, 200)).isEqualTo(2_000);
            assertThat(reader.unmatched()).isEqualTo(1);
        }
        finally
        {
            table.delete();
        }
    }
}
