package io.kinesisconnect.source.shard;

import java.time.Duration;

/**
 * What an enhanced fan-out reader needs beyond {@link ReaderSettings}.
 *
 * @param maxSubscriptionAge how long a subscription lives before the reader renews it itself
 * @param minSubscribeInterval the least time between two SubscribeToShard calls on one shard; one
 *     second is Kinesis' limit per shard and consumer
 * @param closedCheckInterval how often an idle reader asks the shard listing whether its shard is
 *     closed and read to its end, for endpoints that never send ChildShards
 */
public record FanOutSettings(
        Duration maxSubscriptionAge, Duration minSubscribeInterval, Duration closedCheckInterval) {}
