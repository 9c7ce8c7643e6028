package io.kinesisconnect.sink.write.sdk;

import io.kinesisconnect.sink.write.sdk.KinesisPutApi.PutEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the next PutRecords entry off the head of a shard lane: one aggregate of as many head
 * records as the limits allow, or one plain record. The limits are the aggregate's, the room left
 * in the call, and the shard's byte bucket, so an aggregate never outgrows what the shard may take
 * now. An aggregate of one record is sent as that plain record.
 */
final class EntryPacker {

    private final SdkWriterSettings settings;

    EntryPacker(SdkWriterSettings settings) {
        this.settings = settings;
    }

    /** One entry to send, with the user records it carries and the lane it came from. */
    record Outgoing(
            ShardLane lane, List<PendingUserRecord> records, PutEntry entry, boolean aggregated) {

        int size() {
            return entry.data().length + PendingUserRecord.utf8Length(entry.partitionKey());
        }
    }

    /**
     * Removes the next entry's records from the head of {@code lane}, or returns null (taking
     * nothing) when its head does not fit {@code callBytesLeft} or the shard's buckets now.
     */
    Outgoing next(ShardLane lane, int callBytesLeft) {
        PendingUserRecord head = lane.queue.peek();
        if (head == null || !lane.records.allows(1)) {
            return null;
        }
        long room = Math.min(callBytesLeft, bucketRoom(lane, head));
        if (!settings.aggregation() || aggregateAloneSize(head) > settings.maxAggregateBytes()) {
            return head.plainSize <= room ? take(lane, plain(lane)) : null;
        }
        long limit = Math.min(room, settings.maxAggregateBytes());
        int outerKeyLength = PendingUserRecord.utf8Length(head.record.partitionKey());
        AggregateBuilder aggregate = new AggregateBuilder();
        List<PendingUserRecord> taken = new ArrayList<>();
        for (PendingUserRecord r : lane.queue) {
            if (taken.size() >= settings.maxAggregateRecords()
                    || !aggregate.addIfWithin(
                            r.record.partitionKey(),
                            r.record.explicitHashKey(),
                            r.record.data(),
                            limit - outerKeyLength)) {
                break;
            }
            taken.add(r);
        }
        if (taken.size() <= 1) {
            return head.plainSize <= room ? take(lane, plain(lane)) : null;
        }
        taken.forEach(r -> lane.queue.poll());
        PutEntry entry =
                new PutEntry(
                        head.record.partitionKey(),
                        lane.range.start().toString(),
                        aggregate.encode());
        return take(lane, new Outgoing(lane, taken, entry, true));
    }

    /**
     * The bytes the shard may take now; a full bucket lets any single entry through. A drained
     * bucket gives nothing until it holds what the lane wants again (see {@link
     * ShardLane#bytesWanted}).
     */
    private static long bucketRoom(ShardLane lane, PendingUserRecord head) {
        return lane.bytes.allows(lane.bytesWanted(head))
                ? Math.max(lane.bytes.available(), head.plainSize)
                : 0;
    }

    private static int aggregateAloneSize(PendingUserRecord r) {
        return AggregateBuilder.sizeAlone(
                        r.record.partitionKey(), r.record.explicitHashKey(), r.record.data())
                + PendingUserRecord.utf8Length(r.record.partitionKey());
    }

    private static Outgoing plain(ShardLane lane) {
        PendingUserRecord r = lane.queue.poll();
        PutEntry entry =
                new PutEntry(r.record.partitionKey(), r.record.explicitHashKey(), r.record.data());
        return new Outgoing(lane, List.of(r), entry, false);
    }

    private static Outgoing take(ShardLane lane, Outgoing out) {
        lane.bytes.take(out.size());
        lane.records.take(1);
        return out;
    }
}
