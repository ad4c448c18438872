export { TicketTimeline, type TicketTimelineProps } from './TicketTimeline';
export { timelineEntries, type TimelineEntry, type TimelineKind, type TimelinePhase } from './timeline-entries';
export { timelineStyles } from './timeline-styles';
