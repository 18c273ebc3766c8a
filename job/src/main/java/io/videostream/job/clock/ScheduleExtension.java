package io.videostream.job.clock;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * To every reader: capture times are fixed up to frame {@code fixedUpTo} (exclusive), on a new, later
 * segment of the schedule from its base on when the clock slipped ({@code slipped}, or null).
 */
record ScheduleExtension(long fixedUpTo, ClockSchedule.Segment slipped) implements SourceEvent {}
