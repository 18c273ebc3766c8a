package io.videostream.job.clock;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * From a reader whose lanes near the end of the schedule fixed so far ({@code fixedUpTo}, the first
 * frame without a capture time): fix more, and how far behind the schedule its last tick was.
 */
record ScheduleRequest(long fixedUpTo, long behindMillis) implements SourceEvent {}
