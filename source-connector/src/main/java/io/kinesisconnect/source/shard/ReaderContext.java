package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.StreamProxy;
import io.kinesisconnect.source.record.Deaggregator;
import io.kinesisconnect.source.record.RecordConverter;
import java.util.function.LongSupplier;

/**
 * What all shard readers of one task share.
 *
 * @param proxy the Kinesis calls
 * @param deaggregator expands KPL aggregates
 * @param converter turns user records into Connect records
 * @param buffer the bounded hand-off to poll()
 * @param parents decides when a child shard may start
 * @param settings timing and limits
 * @param stats counters for the task summary
 * @param nanoTime the clock, replaceable in tests
 */
public record ReaderContext(
        StreamProxy proxy,
        Deaggregator deaggregator,
        RecordConverter converter,
        RecordBuffer buffer,
        ParentGate parents,
        ReaderSettings settings,
        ReaderStats stats,
        LongSupplier nanoTime) {}
